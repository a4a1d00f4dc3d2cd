// Importing registers from broken and good files, on both engines.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import type { Services } from '../../../platform/module/contract.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { TenantDb } from '../../../platform/db/tenant.ts';
import { FileUnusable } from './read.ts';
import { runImport } from './pipeline.ts';
import { residentKeys } from '../search-keys.ts';
import type { Register } from './types.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

async function sisian(services: Services): Promise<number> {
  return (await services.db.kysely.selectFrom('communities').select('id').where('slug', '=', 'sisian').executeTakeFirstOrThrow()).id;
}

async function importFile(services: Services, register: Register, file: Buffer, fileName = 'test.csv') {
  return runImport({
    db: services.db.kysely, communityId: await sisian(services), actor: SYSTEM_ACTOR, register, file, fileName,
    locale: 'en', filesDir: services.config.filesDir,
  });
}

bothEngines('residents import: good file, then the same file again changes nothing', async (t, engine) => {
  const { services } = await setup(t, engine);
  const tenant = new TenantDb(services.db.kysely, await sisian(services));
  const runsBefore = (await tenant.selectFrom('import_runs').select('id').execute()).length;
  const auditsBefore = (await services.db.kysely.selectFrom('audit_events').select('id').where('action', '=', 'registry.import').execute()).length;
  const first = await importFile(services, 'residents', fixture('residents.csv'));
  assert.deepEqual([first.imported, first.unchanged, first.rejected], [3, 0, 0]);
  assert.equal(first.reportPath, null);
  const aram = await tenant.selectFrom('residents').selectAll().where('public_service_number', '=', '9000000001').executeTakeFirstOrThrow();
  assert.equal(aram.last_name_latin, 'Hovhannisyan');
  assert.ok(aram.unit_id !== null && aram.address_id !== null);
  const keys = await tenant.selectFrom('search_keys').select('key').where('entity', '=', 'resident').where('entity_id', '=', aram.id).execute();
  const expected = residentKeys(aram);
  assert.deepEqual(keys.map((k) => k.key).sort(), [...expected].sort());
  assert.equal(aram.search_key, expected.join(' '));
  const registered = await tenant.selectFrom('resident_events').select(['kind', 'reason', 'on_date']).where('resident_id', '=', aram.id).execute();
  assert.deepEqual(registered.map((e) => [e.kind, e.reason]), [['registered', 'import']]);
  const ani = await tenant.selectFrom('residents').select(['birth_date', 'address_id']).where('public_service_number', '=', '9000000002').executeTakeFirstOrThrow();
  assert.equal(ani.birth_date, '1992-11-03');
  assert.equal(ani.address_id, aram.address_id);

  const again = await importFile(services, 'residents', fixture('residents.csv'));
  assert.deepEqual([again.imported, again.unchanged, again.rejected], [0, 3, 0]);
  const runs = await tenant.selectFrom('import_runs').selectAll().execute();
  assert.equal(runs.length, runsBefore + 2);
  const audits = await services.db.kysely.selectFrom('audit_events').select('after_json').where('action', '=', 'registry.import').orderBy('id').execute();
  assert.equal(audits.length, auditsBefore + 2);
  assert.deepEqual(JSON.parse(audits.at(-1)!.after_json!), { register: 'residents', rows: 3 });
});

bothEngines('residents import: a changed row updates the resident and records a correction; control characters in cells are dropped', async (t, engine) => {
  const { services } = await setup(t, engine);
  const tenant = new TenantDb(services.db.kysely, await sisian(services));
  const existing = await tenant.selectFrom('residents').select(['id', 'public_service_number']).where('public_service_number', 'is not', null).executeTakeFirstOrThrow();
  // The NUL and the C1 control in the name come from a broken legacy file (PostgreSQL refuses NUL).
  const csv = `last_name,first_name,patronymic,birth_date,sex,public_service_number,settlement,street,building,apartment,phone,email\nՆորա\u0000նուն\u0085,Արմեն,,1970-01-01,M,${existing.public_service_number},Սիսիան,,,,,\n`;
  const r = await importFile(services, 'residents', Buffer.from(csv));
  assert.deepEqual([r.imported, r.unchanged, r.rejected], [1, 0, 0]);
  const after = await tenant.selectFrom('residents').select(['last_name', 'first_name_latin']).where('id', '=', existing.id).executeTakeFirstOrThrow();
  assert.equal(after.last_name, 'Նորանուն');
  assert.equal(after.first_name_latin, 'Armen');
  const events = await tenant.selectFrom('resident_events').select(['kind', 'reason']).where('resident_id', '=', existing.id).where('kind', '=', 'corrected').execute();
  assert.equal(events.length, 1);
});

bothEngines('residents import: semicolon CSV with BOM and quoted cells', async (t, engine) => {
  const { services } = await setup(t, engine);
  const r = await importFile(services, 'residents', fixture('residents-semicolon-bom.csv'));
  assert.deepEqual([r.imported, r.rejected], [2, 0]);
  const tenant = new TenantDb(services.db.kysely, await sisian(services));
  const streets = await tenant.selectFrom('streets').select('name_hy').where('name_hy', '=', 'Գորիս; խճուղի').execute();
  assert.equal(streets.length, 1);
});

bothEngines('residents import: broken rows are rejected with a report, the rest imported', async (t, engine) => {
  const { services } = await setup(t, engine);
  const r = await importFile(services, 'residents', fixture('residents-broken.csv'));
  assert.deepEqual([r.imported, r.unchanged, r.rejected], [1, 0, 4]);
  assert.ok(r.reportPath && fs.existsSync(r.reportPath));
  const report = fs.readFileSync(r.reportPath, 'utf8');
  assert.ok(report.startsWith('\uFEFFline,column,reason'));
  assert.match(report, /3,public_service_number,Repeats an earlier row/);
  assert.match(report, /4,settlement,No such settlement/);
  assert.match(report, /5,birth_date,/);
  assert.match(report, /6,sex,Sex is M or F/);
  assert.match(report, /6,public_service_number,/);
});

bothEngines('import: unusable files (latin1, missing columns) write nothing', async (t, engine) => {
  const { services } = await setup(t, engine);
  const runsBefore = (await services.db.kysely.selectFrom('import_runs').select('id').execute()).length;
  await assert.rejects(importFile(services, 'residents', fixture('residents-latin1.csv')), (e) => e instanceof FileUnusable && e.messageKey === 'registry.import.file.encoding');
  await assert.rejects(
    importFile(services, 'residents', fixture('residents-missing-columns.csv')),
    (e) => e instanceof FileUnusable && e.messageKey === 'registry.import.file.missingColumns' && e.params.columns === 'birth_date, public_service_number',
  );
  const runs = await services.db.kysely.selectFrom('import_runs').select('id').execute();
  assert.equal(runs.length, runsBefore);
});

bothEngines('ownership import: shares over one reject every row of that object', async (t, engine) => {
  const { services } = await setup(t, engine);
  const parcels = await importFile(services, 'parcels', fixture('parcels.csv'));
  assert.deepEqual([parcels.imported, parcels.rejected], [2, 0]);
  const r = await importFile(services, 'ownership', fixture('ownership-over.csv'));
  assert.deepEqual([r.imported, r.rejected], [2, 2]);
  assert.deepEqual(r.errors.map((e) => [e.line, e.reason]), [[2, 'registry.error.sharesSum'], [3, 'registry.error.sharesSum']]);
  const again = await importFile(services, 'ownership', fixture('ownership-over.csv'));
  assert.deepEqual([again.imported, again.unchanged, again.rejected], [0, 2, 2]);
});

bothEngines('residents import: XLSX input (first sheet)', async (t, engine) => {
  const { services } = await setup(t, engine);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Բնակիչներ');
  ws.addRow(['last_name', 'first_name', 'patronymic', 'birth_date', 'sex', 'public_service_number', 'settlement', 'street', 'building', 'apartment', 'phone', 'email']);
  ws.addRow(['Աբրահամյան', 'Սոնա', '', '12.12.1985', 'F', '9000000041', 'Սիսիան', '', '', '', '', '']);
  ws.addRow(['Աբրահամյան', 'Դավիթ', '', new Date(Date.UTC(1984, 3, 2)), 'M', '9000000042', 'Բռնակոթ', 'Կենտրոնական', 3, '', '', '']);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const r = await importFile(services, 'residents', buf, 'people.xlsx');
  assert.deepEqual([r.imported, r.rejected], [2, 0]);
  const tenant = new TenantDb(services.db.kysely, await sisian(services));
  const david = await tenant.selectFrom('residents').select('birth_date').where('public_service_number', '=', '9000000042').executeTakeFirstOrThrow();
  assert.equal(david.birth_date, '1984-04-02');
});

test('residents import: 100,000 rows [sqlite]', async (t) => {
  const { services } = await setup(t, 'sqlite');
  const lines = ['last_name,first_name,patronymic,birth_date,sex,public_service_number,settlement,street,building,apartment,phone,email'];
  const names = ['Հովհաննիսյան', 'Պետրոսյան', 'Սարգսյան', 'Գրիգորյան', 'Մկրտչյան'];
  const first = ['Արամ', 'Անի', 'Տիգրան', 'Մարիամ', 'Դավիթ'];
  for (let i = 0; i < 100_000; i++) {
    const psn = String(8_000_000_000 + i);
    lines.push(`${names[i % 5]},${first[(i >> 3) % 5]},,19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10},${i % 2 ? 'F' : 'M'},${psn},Սիսիան,Փողոց ${i % 40},${i % 200},${i % 30},,`);
  }
  const tenant = new TenantDb(services.db.kysely, await sisian(services));
  const countResidents = async () => Number((await tenant.selectFrom('residents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const before = await countResidents();
  const lastId = (await tenant.selectFrom('residents').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst())?.id ?? 0;
  const started = performance.now();
  const r = await importFile(services, 'residents', Buffer.from(lines.join('\n')));
  const seconds = (performance.now() - started) / 1000;
  t.diagnostic(`100,000 residents in ${seconds.toFixed(1)} s (${Math.round(100_000 / seconds)} rows/s)`);
  assert.deepEqual([r.imported, r.unchanged, r.rejected], [100_000, 0, 0]);
  assert.equal(await countResidents(), before + 100_000);
  const events = await tenant.selectFrom('resident_events').innerJoin('residents', 'residents.id', 'resident_events.resident_id')
    .select((eb) => eb.fn.countAll<number>().as('n')).where('resident_events.kind', '=', 'registered').where('residents.id', '>', lastId).executeTakeFirstOrThrow();
  assert.equal(Number(events.n), 100_000);
  const keys = await tenant.selectFrom('search_keys').innerJoin('residents', 'residents.id', 'search_keys.entity_id')
    .select((eb) => eb.fn.countAll<number>().as('n')).where('search_keys.entity', '=', 'resident').where('residents.id', '>', lastId).executeTakeFirstOrThrow();
  assert.ok(Number(keys.n) >= 200_000);
  assert.equal(services.db.sqlite!.pragma('wal_autocheckpoint', { simple: true }), 1000);
  assert.ok(seconds < 60);
});
