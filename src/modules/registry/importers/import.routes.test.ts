// The staff import pages, the CLI's exit codes, and the register exports.
import assert from 'node:assert/strict';
import { multipart as multipartBody } from '../../../../test/multipart.ts';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { signInAs, type TestSession } from '../../../../test/session.ts';
import type { Config } from '../../../config.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../../../..');
const fixture = (name: string) => fs.readFileSync(path.join(HERE, 'fixtures', name));

function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer }) {
  const body = multipartBody(fields, file && { filename: file.name, type: 'text/csv', data: file.data });
  return { payload: body.payload, headers: { 'content-type': body.contentType } };
}

const cookie = (s: TestSession) => ({ cookie: `${s.cookie}; mmis_lang=en` });

bothEngines('staff import: upload, preview, confirm, result and report', async (t, engine) => {
  const { app, services } = await setup(t, engine);
  const chief = await signInAs(services, 'chief@sisian.example');
  const form = await app.inject({ method: 'GET', url: '/sisian/staff/registry/import', headers: cookie(chief) });
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /enctype="multipart\/form-data"/);

  const noFile = multipart({ _csrf: chief.csrf, register: 'residents' });
  const bad = await app.inject({ method: 'POST', url: '/sisian/staff/registry/import', headers: { ...cookie(chief), ...noFile.headers }, payload: noFile.payload });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /error-summary/);

  const up = multipart({ _csrf: chief.csrf, register: 'residents' }, { name: 'broken.csv', data: fixture('residents-broken.csv') });
  const preview = await app.inject({ method: 'POST', url: '/sisian/staff/registry/import', headers: { ...cookie(chief), ...up.headers }, payload: up.payload });
  assert.equal(preview.statusCode, 200, preview.body.slice(0, 500));
  assert.match(preview.body, /5 rows: 1 valid, 4 rejected/);
  const sha = /name="sha256" value="([0-9a-f]{64})"/.exec(preview.body)![1]!;
  assert.ok(fs.existsSync(path.join(services.config.filesDir, 'imports', sha)));

  const confirm = await app.inject({
    method: 'POST', url: '/sisian/staff/registry/import/confirm', headers: cookie(chief),
    payload: { _csrf: chief.csrf, register: 'residents', sha256: sha, file_name: 'broken.csv' },
  });
  assert.equal(confirm.statusCode, 303);
  const result = await app.inject({ method: 'GET', url: confirm.headers.location as string, headers: cookie(chief) });
  assert.equal(result.statusCode, 200);
  assert.match(result.body, /Imported 1, unchanged 0, rejected 4/);
  const report = await app.inject({ method: 'GET', url: `${confirm.headers.location as string}/report`, headers: cookie(chief) });
  assert.equal(report.statusCode, 200);
  assert.match(report.body, /4,settlement,No such settlement/);

  const expired = await app.inject({
    method: 'POST', url: '/sisian/staff/registry/import/confirm', headers: cookie(chief),
    payload: { _csrf: chief.csrf, register: 'residents', sha256: 'a'.repeat(64), file_name: 'x.csv' },
  });
  assert.equal(expired.statusCode, 400);

  const latin1 = multipart({ _csrf: chief.csrf, register: 'residents' }, { name: 'l.csv', data: fixture('residents-latin1.csv') });
  const unusable = await app.inject({ method: 'POST', url: '/sisian/staff/registry/import', headers: { ...cookie(chief), ...latin1.headers }, payload: latin1.payload });
  assert.equal(unusable.statusCode, 400);
  assert.match(unusable.body, /not UTF-8/);
});

function cli(config: Config, args: string[]) {
  const env = { ...process.env, DATABASE_URL: config.database.engine === 'sqlite' ? `file:${config.database.file}` : config.database.url, MMIS_FILES_DIR: config.filesDir, MMIS_LOG_LEVEL: 'silent' };
  return spawnSync(process.execPath, [path.join(ROOT, 'bin', 'mmis.js'), 'import', ...args], { env, encoding: 'utf8', timeout: 60_000 });
}

bothEngines('mmis import: exit codes 0, 3 and 2', async (t, engine) => {
  const { config } = await setup(t, engine);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmis-import-cli-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const good = cli(config, ['residents', '--community', 'sisian', path.join(HERE, 'fixtures', 'residents.csv')]);
  assert.equal(good.status, 0, good.stderr);
  assert.match(good.stdout, /imported 3, unchanged 0, rejected 0/);
  const again = cli(config, ['residents', '--community', 'sisian', path.join(HERE, 'fixtures', 'residents.csv')]);
  assert.match(again.stdout, /imported 0, unchanged 3, rejected 0/);
  const reportPath = path.join(dir, 'report.csv');
  const some = cli(config, ['residents', '--community', 'sisian', '--report', reportPath, path.join(HERE, 'fixtures', 'residents-broken.csv')]);
  assert.equal(some.status, 3, some.stderr);
  assert.match(some.stdout, /imported 1, unchanged 0, rejected 4/);
  assert.ok(some.stdout.includes(reportPath) && fs.existsSync(reportPath));
  for (const args of [
    ['residents', '--community', 'sisian', path.join(HERE, 'fixtures', 'residents-missing-columns.csv')],
    ['residents', '--community', 'sisian', path.join(HERE, 'fixtures', 'residents-latin1.csv')],
    ['residents', '--community', 'nowhere', path.join(HERE, 'fixtures', 'residents.csv')],
    ['pets', '--community', 'sisian', path.join(HERE, 'fixtures', 'residents.csv')],
    ['residents', '--community', 'sisian', path.join(dir, 'missing.csv')],
  ]) {
    const r = cli(config, args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout} ${r.stderr}`);
  }
  const missing = cli(config, ['residents', '--community', 'sisian', path.join(HERE, 'fixtures', 'residents-missing-columns.csv')]);
  assert.match(missing.stderr, /Missing columns: birth_date, public_service_number/);
  assert.match(cli(config, ['residents', '--community', 'sisian', path.join(HERE, 'fixtures', 'residents-latin1.csv')]).stderr, /not UTF-8/);
});

bothEngines('exports: residents CSV with BOM and filters, XLSX readable, audited', async (t, engine) => {
  const { app, services } = await setup(t, engine);
  const chief = await signInAs(services, 'chief@sisian.example');
  const s = await services.db.kysely.selectFrom('settlements').innerJoin('communities', 'communities.id', 'settlements.community_id')
    .select(['settlements.id', 'settlements.community_id']).where('communities.slug', '=', 'sisian').where('settlements.name_hy', '=', 'Անգեղակոթ').executeTakeFirstOrThrow();
  const expected = await services.db.kysely.selectFrom('residents').select('id').where('community_id', '=', s.community_id).where('settlement_id', '=', s.id).where('status', '=', 'registered').execute();
  const csv = await app.inject({ method: 'GET', url: `/sisian/staff/registry/residents/export.csv?settlement_id=${s.id}&status=registered`, headers: cookie(chief) });
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-type']), /text\/csv/);
  assert.equal(csv.rawPayload.subarray(0, 3).toString('hex'), 'efbbbf');
  const lines = csv.body.trim().split(/\r\n/);
  assert.equal(lines.length, expected.length + 1);
  assert.ok(lines[0]!.includes('Last name'));
  assert.ok(lines.slice(1).every((l) => l.includes('Անգեղակոթ')));

  const xlsx = await app.inject({ method: 'GET', url: `/sisian/staff/registry/residents/export.xlsx?settlement_id=${s.id}&status=registered`, headers: cookie(chief) });
  assert.equal(xlsx.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  assert.equal(wb.worksheets[0]!.rowCount, expected.length + 1);

  for (const url of ['/sisian/staff/registry/parcels/export.csv?purpose=agricultural', '/sisian/staff/registry/organizations/export.xlsx?status=active', '/sisian/staff/registry/organizations/export.csv?q=a']) {
    const r = await app.inject({ method: 'GET', url, headers: cookie(chief) });
    assert.equal(r.statusCode, 200, url);
  }
  // An unknown filter value is refused, as the list page refuses it: an export never claims a filter it did not apply.
  const unknown = await app.inject({ method: 'GET', url: '/sisian/staff/registry/parcels/export.csv?purpose=moon', headers: cookie(chief) });
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.body, /<code>purpose<\/code>/);
  const audits = await services.db.kysely.selectFrom('audit_events').select(['action', 'entity_type', 'after_json'])
    .where('action', 'in', ['registry.export', 'resident.export']).orderBy('id').execute();
  // Two resident exports and three register exports; the refused one wrote nothing.
  assert.deepEqual(audits.map((a) => a.action), ['resident.export', 'resident.export', 'registry.export', 'registry.export', 'registry.export']);
  assert.equal(audits[0]!.entity_type, 'resident');
  assert.deepEqual(JSON.parse(audits[0]!.after_json!), { register: 'residents', format: 'csv', filters: { settlement_id: s.id, status: 'registered' }, rows: expected.length });
});
