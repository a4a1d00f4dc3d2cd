import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { ConfigError, loadConfig } from './config.ts';

test('defaults: port 3000, SQLite under ./data, demo off unless npm start asks for it', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.database.engine, 'sqlite');
  assert.equal(c.demo, false);
  assert.equal(loadConfig({}, { demoDefault: true }).demo, true);
  assert.equal(loadConfig({ MMIS_DEMO: '0' }, { demoDefault: true }).demo, false);
});

test('PostgreSQL is chosen by a postgres:// URL', () => {
  const c = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/mmis' });
  assert.deepEqual(c.database, { engine: 'postgres', url: 'postgres://u:p@db:5432/mmis' });
});

test('an https public URL makes cookies secure', () => {
  assert.equal(loadConfig({ MMIS_PUBLIC_URL: 'https://mmis.example.am/' }).secureCookies, true);
  assert.equal(loadConfig({ MMIS_PUBLIC_URL: 'https://mmis.example.am/' }).publicUrl, 'https://mmis.example.am');
});

test('invalid values are all reported, each with the variable name', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', MMIS_DEMO: 'maybe', MMIS_PUBLIC_URL: 'not a url' }),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      for (const name of ['PORT', 'DATABASE_URL', 'MMIS_DEMO', 'MMIS_PUBLIC_URL']) assert.match(err.message, new RegExp(name));
      return true;
    },
  );
});

test('mmis refuses to start with invalid configuration and says why', () => {
  const r = spawnSync(process.execPath, ['bin/mmis.js', 'start'], { env: { ...process.env, PORT: 'eighty' }, encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /Invalid configuration:\s+- PORT: expected a port number/);
});

test('mmis --help lists the commands', () => {
  const r = spawnSync(process.execPath, ['bin/mmis.js', '--help'], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.status, 0);
  for (const cmd of ['start', 'migrate', 'seed']) assert.match(r.stdout, new RegExp(`\\b${cmd}\\b`));
});
