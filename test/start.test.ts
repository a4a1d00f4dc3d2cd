// The quick start as a new user meets it: `mmis start` on an empty database migrates,
// seeds the demo, prints the sign-ins, serves, and stops cleanly on SIGTERM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './ports.ts';


test('start seeds the demo into an empty database, serves it and shuts down gracefully', { timeout: 60_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmis-start-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/mmis.js', 'start', '--demo-default'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `file:${dir}/mmis.sqlite`, MMIS_FILES_DIR: `${dir}/files`, MMIS_LOG_LEVEL: 'info', MMIS_DEMO_PASSWORD: 'printed-demo-pass' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const deadline = Date.now() + 45_000;
    const signIns = /it@sisian\.example\s+it_admin @ sisian\s+printed-demo-pass/;
    while (!signIns.test(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    assert.match(out, /MMIS is serving/, `the server started; output:\n${out}`);
    assert.match(out, signIns, 'demo sign-ins are printed');
    assert.ok(out.lastIndexOf('printed-demo-pass') > out.indexOf('MMIS is serving'), 'the sign-ins come last, where the reader looks');
    const before = out.length;
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    assert.deepEqual(await health.json(), { status: 'ok' });
    const home = await fetch(`http://127.0.0.1:${port}/sisian`);
    assert.equal(home.status, 200);
    const icon = await fetch(`http://127.0.0.1:${port}/favicon.ico`);
    assert.deepEqual([icon.status, icon.headers.get('content-type')], [200, 'image/svg+xml'], 'the site icon is found (through its redirect)');
    await new Promise((r) => setTimeout(r, 300));
    assert.doesNotMatch(out.slice(before), /\/sisian|\/healthz|incoming request|request completed/, 'requests are not logged at the default level');
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited, 0, 'SIGTERM ends the process with exit code 0');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('without demo mode nothing is seeded and no passwords are printed', { timeout: 60_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmis-start-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/mmis.js', 'start'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `file:${dir}/mmis.sqlite`, MMIS_FILES_DIR: `${dir}/files`, MMIS_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    const deadline = Date.now() + 45_000;
    while (!out.includes('MMIS is serving') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    assert.doesNotMatch(out, /Demo sign-ins/);
    const list = await (await fetch(`http://127.0.0.1:${port}/api/v1/communities`)).json();
    assert.deepEqual(list, { items: [] });
  } finally {
    child.kill('SIGTERM');
  }
  await exited;
  fs.rmSync(dir, { recursive: true, force: true });
});
