// Background work as `mmis start` and `mmis worker` run it: the runner delivering the
// outbox on its schedule, the demo's in-process stand-in SMS gateway, MMIS_WORKER=off,
// and `mmis notify-test` checking the mail and SMS settings.
import assert from 'node:assert/strict';
import { Command } from 'commander';
import pino from 'pino';
import { bothEngines, setup } from '../../../test/helpers.ts';
import { startSmtp } from '../../../test/smtp.ts';
import { MODULES } from '../../modules/index.ts';
import type { ModuleManifest } from '../module/contract.ts';
import { createServices } from '../http/services.ts';
import { type Services } from '../module/contract.ts';
import { platformJobs, platformSchedules } from './platform-jobs.ts';
import { queueMessage } from '../notify/outbox.ts';
import { startSmsStandin } from '../notify/sms-standin.ts';
import { registerWorkerCommands, startBackgroundWork } from './worker.cli.ts';

/** The modules with the platform's jobs, whether or not the platform manifest lists them yet. */
function withPlatformJobs(): readonly ModuleManifest[] {
  if (MODULES.some((m) => m.jobs?.['notify.deliver'])) return MODULES;
  return [...MODULES, { name: 'platform-jobs', jobs: platformJobs, schedules: platformSchedules }];
}

async function waitFor(what: string, check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

bothEngines('background work: in demo mode the runner delivers SMS to an in-process stand-in gateway; MMIS_WORKER=off runs nothing', async (t, engine) => {
  const { services: base } = await setup(t, engine, { demo: false, env: { MMIS_DEMO: '1' } });
  const services: Services = createServices(base.config, withPlatformJobs(), { log: pino({ level: 'silent' }) });
  t.after(() => services.close());
  const db = services.db.kysely;
  const id = await queueMessage(db, { channel: 'sms', recipient: '+37491000001', locale: 'hy', body: 'Դեմո' });

  const work = await startBackgroundWork(services, { pollMs: 20 });
  assert.equal(services.sms.transport, 'http', 'the SMS client points at the stand-in');
  await waitFor('the SMS to be delivered', async () => (await db.selectFrom('outbox_messages').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status === 'sent');
  await work.stop();
  const sent = await db.selectFrom('outbox_messages').select(['last_error', 'attempts']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(sent, { last_error: null, attempts: 1 }, 'accepted by a gateway, not just logged');
  const delivery = await db.selectFrom('jobs').select(['status']).where('kind', '=', 'notify.deliver').execute();
  assert.ok(delivery.length >= 1 && delivery.every((j) => j.status === 'done'), 'delivered by the scheduled job');

  const off = createServices({ ...base.config, worker: 'off' }, withPlatformJobs(), { log: pino({ level: 'silent' }) });
  t.after(() => off.close());
  const queued = await queueMessage(off.db.kysely, { channel: 'sms', recipient: '+37491000002', locale: 'hy', body: 'Ոչ' });
  const none = await startBackgroundWork(off, { pollMs: 20 });
  await new Promise((r) => setTimeout(r, 200));
  await none.stop();
  assert.equal((await db.selectFrom('outbox_messages').select('status').where('id', '=', queued).executeTakeFirstOrThrow()).status, 'pending', 'left to `mmis worker`');
  assert.equal(off.sms.transport, 'log', 'no stand-in either');
});

bothEngines('mmis notify-test: sends a test e-mail and SMS through the outbox and reports each, audited', async (t, engine) => {
  const smtp = await startSmtp();
  t.after(() => smtp.close());
  const standin = await startSmsStandin({ token: 'notify-test-token-000000' });
  t.after(() => standin.close());
  const { services } = await setup(t, engine, {
    demo: false,
    env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMS_GATEWAY_URL: standin.url, SMS_GATEWAY_TOKEN: 'notify-test-token-000000' },
  });
  const lines: string[] = [];
  const log = console.log;
  console.log = (line: string) => lines.push(line);
  const program = new Command().exitOverride();
  registerWorkerCommands(program, async () => services);
  try {
    await program.parseAsync(['node', 'mmis', 'notify-test', '--email', 'ops@mmis.test', '--phone', '091 00 00 07', '--locale', 'en']);
  } finally {
    console.log = log;
  }
  assert.deepEqual(lines.sort(), ['email to ops@mmis.test: sent', 'sms to +37491000007: sent']);
  assert.equal(smtp.messages.length, 1);
  assert.match(standin.messages[0]?.text ?? '', /^MMIS: test message/);
  const audit = await services.db.kysely.selectFrom('audit_events').select(['action', 'actor_label']).where('action', '=', 'notify.test').execute();
  assert.equal(audit.length, 1);
  assert.match(audit[0]!.actor_label, /^cli:/);
  await assert.rejects(program.parseAsync(['node', 'mmis', 'notify-test', '--locale', 'en']), /name a recipient/);
});
