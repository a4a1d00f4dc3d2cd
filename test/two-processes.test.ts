// The scale path: several stateless app processes on one PostgreSQL share sessions.
// Two independent service stacks (pools, apps) stand in for two processes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import { MODULES } from '../src/modules/index.ts';
import { createServices } from '../src/platform/http/services.ts';
import { buildApp } from '../src/app.ts';
import { migrate } from '../src/cli/core.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { freshDatabaseUrl } from './helpers.ts';
import { signInAs } from './session.ts';

test('a session started on one app process is honoured by another on the same PostgreSQL, and sign-out ends it on both', async (t) => {
  const db = await freshDatabaseUrl('postgres');
  const config = loadConfig({ DATABASE_URL: db.url, MMIS_DEMO_PASSWORD: 'two-processes', MMIS_LOG_LEVEL: 'silent' });
  const a = createServices(config, MODULES, { log: pino({ level: 'silent' }) });
  const b = createServices(config, MODULES, { log: pino({ level: 'silent' }) });
  t.after(async () => {
    await appA.close();
    await appB.close();
    await a.close();
    await b.close();
    await db.drop();
  });
  await migrate(a);
  await seedDemo(a);
  const appA = await buildApp(a, { logger: false });
  const appB = await buildApp(b, { logger: false });

  const session = await signInAs(a, 'head@sisian.example');
  const onA = await appA.inject({ url: '/api/v1/me', headers: { cookie: session.cookie } });
  const onB = await appB.inject({ url: '/api/v1/me', headers: { cookie: session.cookie } });
  assert.equal(onA.statusCode, 200);
  assert.equal(onB.statusCode, 200);
  assert.equal(onB.json().name, onA.json().name);

  const out = await appA.inject({
    method: 'POST',
    url: '/signout',
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: `_csrf=${encodeURIComponent(session.csrf)}`,
  });
  assert.ok(out.statusCode < 400, `sign-out succeeded (${out.statusCode})`);
  const afterOnB = await appB.inject({ url: '/api/v1/me', headers: { cookie: session.cookie } });
  assert.equal(afterOnB.statusCode, 401, 'the other process sees the session is gone');
});
