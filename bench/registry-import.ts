// Import of 100,000 residents from a CSV laid out like the residents import template,
// through the real import pipeline into a fresh SQLite database, beside a bare
// multi-row INSERT of the same rows into an empty table of the same shape with
// better-sqlite3 directly. BENCH_IMPORT_ROWS scales it down for a smoke run.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SYSTEM_ACTOR } from '../src/platform/audit/audit.ts';
import { createCommunity } from '../src/modules/communities/index.ts';
import { DEMO_COMMUNITIES } from '../src/demo/demo-data.ts';
import { runImport } from '../src/modules/registry/importers/pipeline.ts';
import { fakeResidents, sqliteServices, tmpDir, type FakeResident, type Figure } from './registry-common.ts';

const COLUMNS = ['last_name', 'first_name', 'patronymic', 'birth_date', 'sex', 'public_service_number', 'settlement', 'street', 'building', 'apartment', 'phone', 'email'] as const;
type Row = Record<(typeof COLUMNS)[number], string>;

function rows(n: number, settlements: string[]): Row[] {
  const next = fakeResidents(0x1a2b3c);
  const out: Row[] = [];
  for (let i = 0; i < n; i++) {
    const r: FakeResident = next(i);
    out.push({ ...r, settlement: settlements[i % settlements.length]! });
  }
  return out;
}

function csv(data: Row[]): Buffer {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [COLUMNS.join(','), ...data.map((r) => COLUMNS.map((c) => quote(r[c])).join(','))];
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

/** The baseline: the same rows, one multi-row INSERT statement per 500 rows, one transaction. */
function bareInsert(file: string, data: Row[]): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`create table residents_bare (id integer primary key, ${COLUMNS.map((c) => `${c} text`).join(', ')})`);
  const per = 500;
  const stmt = (k: number) => db.prepare(`insert into residents_bare (${COLUMNS.join(', ')}) values ${Array.from({ length: k }, () => `(${COLUMNS.map(() => '?').join(', ')})`).join(', ')}`);
  const full = stmt(per);
  const started = performance.now();
  db.transaction(() => {
    for (let i = 0; i < data.length; i += per) {
      const part = data.slice(i, i + per);
      const params = part.flatMap((r) => COLUMNS.map((c) => r[c]));
      (part.length === per ? full : stmt(part.length)).run(params);
    }
  })();
  const ms = performance.now() - started;
  db.close();
  return ms;
}

export async function benchRegistryImport(): Promise<Figure[]> {
  const n = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
  const dir = tmpDir('mmis-bench-import-');
  try {
    const services = await sqliteServices(dir);
    const community = DEMO_COMMUNITIES[0]!;
    const { id: communityId } = await createCommunity(services.db.kysely, SYSTEM_ACTOR, community);
    const data = rows(n, community.settlements.map((s) => s.name_hy));
    const file = csv(data);
    console.log(`importing ${n} residents (${(file.length / 1e6).toFixed(1)} MB CSV) into a fresh SQLite database…`);
    const started = performance.now();
    const result = await runImport({
      db: services.db.kysely, communityId, actor: { ...SYSTEM_ACTOR, label: 'bench' }, register: 'residents', file, fileName: 'residents.csv',
      locale: 'en', filesDir: path.join(dir, 'files'),
    });
    const ms = performance.now() - started;
    await services.close();
    if (result.imported !== n) throw new Error(`the import took ${result.imported} of ${n} rows (rejected ${result.rejected}, first: ${JSON.stringify(result.errors[0])})`);
    const bareMs = bareInsert(path.join(dir, 'bare.sqlite'), data);
    const rate = n / (ms / 1000);
    const bareRate = n / (bareMs / 1000);
    return [{
      name: `import ${n} residents (CSV, SQLite)`, value: Math.round(rate), baseline: Math.round(bareRate), ratio: rate / bareRate, unit: 'rows/s',
      target: '≥ 20,000 rows/s', meets: rate >= 20_000,
    }];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchRegistryImport());
}
