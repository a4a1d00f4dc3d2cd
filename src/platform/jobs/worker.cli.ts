// Background work from the command line: `mmis worker` (the job runner as its own
// process), `mmis sms-standin` (the stand-in SMS gateway), `mmis notify-test` (send a
// test e-mail/SMS through the outbox), and startBackgroundWork, which `mmis start` uses
// to run the job runner in the web process (MMIS_WORKER=in-process, the default).
import type { Command } from 'commander';
import type { Services } from '../module/contract.ts';
import { startJobRunner, type JobRunner } from './runner.ts';
import { startSmsStandin, type SmsStandin } from '../notify/sms-standin.ts';
import { createSmsGateway } from '../notify/sms.ts';
import { deliverOutbox, queueMessage } from '../notify/outbox.ts';
import { renderNotification } from '../notify/render.ts';
import { appendAudit } from '../audit/audit.ts';
import { unscoped } from '../db/tenant.ts';
import { newSecret } from '../auth/tokens.ts';
import { formatInstant, isLocale, LOCALES } from '../i18n/index.ts';
import { cliActor, consoleOutput, type CliOutput } from '../cli/cli-support.ts';

export interface BackgroundWork {
  stop(): Promise<void>;
}

/**
 * Starts the job runner in this process unless MMIS_WORKER=off (or `force`). In demo mode
 * without an SMS gateway, SMS messages go to a stand-in gateway on a loopback port, so
 * the demo shows them being delivered.
 */
export async function startBackgroundWork(services: Services, opts: { force?: boolean; pollMs?: number } = {}): Promise<BackgroundWork> {
  const { config, log } = services;
  if (!opts.force && config.worker === 'off') {
    log.info('MMIS_WORKER=off: background jobs are left to `mmis worker` processes');
    return { stop: async () => {} };
  }
  let standin: SmsStandin | null = null;
  if (config.demo && !config.sms.url) {
    const token = newSecret(24);
    standin = await startSmsStandin({ token });
    services.sms = createSmsGateway({ url: standin.url, token, sender: config.sms.sender }, log);
    // A demo convenience: the token is printed so the demo's messages can be looked at.
    log.info({ url: `${standin.url}/messages`, authorization: `Bearer ${token}` }, 'demo: SMS messages go to the stand-in gateway; GET /messages lists them');
  }
  const runner: JobRunner = startJobRunner(services, opts.pollMs ? { pollMs: opts.pollMs } : {});
  return {
    async stop() {
      await runner.stop();
      await standin?.close();
    },
  };
}

/** Resolves on SIGTERM or SIGINT. */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
}

function positiveInt(name: string) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name}: expected a whole number 0–65535, got "${v}"`);
    return n;
  };
}

export interface TestMessageOptions {
  email?: string;
  phone?: string;
  locale: string;
}

/** Queues the test message (audited), delivers due messages once, and reports the test rows. */
export async function sendTestMessage(services: Services, opts: TestMessageOptions, output: CliOutput = consoleOutput): Promise<boolean> {
  if (!opts.email && !opts.phone) throw new Error('name a recipient: --email and/or --phone');
  if (!isLocale(opts.locale)) throw new Error(`--locale: expected one of ${LOCALES.join(', ')}`);
  const text = renderNotification('notify.test', { when: formatInstant(new Date()) }, opts.locale);
  const db = unscoped(services.db.kysely, 'a test message belongs to no community');
  const ids = await db.transaction().execute(async (tx) => {
    const out: number[] = [];
    if (opts.email) out.push(await queueMessage(tx, { communityId: null, channel: 'email', recipient: opts.email, locale: opts.locale, subject: text.subject, body: text.body }));
    if (opts.phone) out.push(await queueMessage(tx, { communityId: null, channel: 'sms', recipient: opts.phone, locale: opts.locale, body: text.sms }));
    await appendAudit(tx, cliActor(), { communityId: null, action: 'notify.test', entityType: 'outbox_message', entityId: out.join(','), after: { email: opts.email ?? null, phone: opts.phone ?? null } });
    return out;
  });
  await deliverOutbox(services, { limit: 50 });
  const rows = await db.selectFrom('outbox_messages').select(['channel', 'recipient', 'status', 'last_error', 'next_attempt_at']).where('id', 'in', ids).execute();
  for (const r of rows) {
    const note = r.status === 'pending' ? ` (next try ${r.next_attempt_at})` : '';
    output.out(`${r.channel} to ${r.recipient}: ${r.status}${note}${r.last_error ? ` — ${r.last_error}` : ''}`);
  }
  return rows.every((r) => r.status === 'sent');
}

export function registerWorkerCommands(program: Command, open: () => Promise<Services>) {
  program
    .command('worker')
    .description('run background jobs and deliver e-mail and SMS (beside `mmis start` processes with MMIS_WORKER=off)')
    .option('--poll-ms <ms>', 'how often to look for due jobs', positiveInt('--poll-ms'), 1000)
    .action(async (opts: { pollMs: number }) => {
      const services = await open();
      const work = await startBackgroundWork(services, { force: true, pollMs: Math.max(50, opts.pollMs) });
      console.log('MMIS worker is running; stop it with SIGTERM or Ctrl-C');
      const signal = await untilSignal();
      services.log.info({ signal }, 'worker: finishing the jobs in hand');
      await work.stop();
    });

  program
    .command('sms-standin')
    .description('run the stand-in SMS gateway (for tests and demos: it keeps messages in memory and sends nothing)')
    .option('--port <port>', 'port to listen on', positiveInt('--port'), 3025)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .requiredOption('--token <token>', 'the bearer token clients must send (SMS_GATEWAY_TOKEN)')
    .action(async (opts: { port: number; host: string; token: string }) => {
      const standin = await startSmsStandin({ port: opts.port, host: opts.host, token: opts.token });
      console.log(`stand-in SMS gateway listening at ${standin.url} (POST /messages, GET /messages, POST /control/fail-next)`);
      await untilSignal();
      await standin.close();
    });

  program
    .command('notify-test')
    .description('send a test e-mail and/or SMS through the outbox, to check SMTP_* and SMS_GATEWAY_*')
    .option('--email <address>', 'send a test e-mail here')
    .option('--phone <number>', 'send a test SMS here (+374…)')
    .option('--locale <locale>', `language of the message (${LOCALES.join(', ')})`, 'hy')
    .action(async (opts: TestMessageOptions) => {
      const ok = await sendTestMessage(await open(), opts);
      if (!ok) process.exitCode = 1;
    });
}
