// The annual real estate and land tax assessment of a national-size register: 1,000,000
// properties (700,000 buildings and apartments, 300,000 parcels; a quarter of the
// buildings in two shares, a tenth owned jointly by two) with 600,000 owners, generated
// by SQL into a fresh SQLite file and a throwaway PostgreSQL cluster. On each engine the
// assessment (lines, obligations and accruals written through the finance module) is
// timed beside one hand-written SQL statement that computes the same amounts (the year's
// brackets, rounding half up, the shares split by largest remainder) into a table; the
// two totals are compared. BENCH_ASSESS_OBJECTS (default 1,000,000) scales it;
// BENCH_ASSESS_ENGINES=sqlite,postgres picks the engines.
import path from 'node:path';
import fs from 'node:fs';
import pino from 'pino';
import { sql, type Kysely } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { MODULES } from '../src/modules/index.ts';
import { createServices } from '../src/platform/http/services.ts';
import { migrate } from '../src/cli/core.ts';
import type { Database } from '../src/platform/db/schema.ts';
import type { Services } from '../src/platform/module/contract.ts';
import { SYSTEM_ACTOR } from '../src/platform/audit/audit.ts';
import { TenantDb } from '../src/platform/db/tenant.ts';
import { createCommunity } from '../src/modules/communities/index.ts';
import { DEMO_COMMUNITIES } from '../src/demo/demo-data.ts';
import { loadRuleSet } from '../src/modules/finance/rules/rules.service.ts';
import { createRun, executeRun } from '../src/modules/finance/assessment/runs.ts';
import { amountSql } from './finance-assess-sql.ts';
import { startCluster } from '../test/pg-cluster.ts';
import { tmpDir, type Figure } from './registry-common.ts';

const N = Number(process.env.BENCH_ASSESS_OBJECTS ?? 1_000_000);
const ENGINES = (process.env.BENCH_ASSESS_ENGINES ?? 'sqlite,postgres').split(',');
const YEAR = 2026;
const AS_OF = `${YEAR}-12-31`;

/** The integers 1..n as a row source on either engine. */
const series = (engine: string, n: number) => (engine === 'postgres'
  ? `(select generate_series(1, ${n}) as i) s`
  : `(with recursive c(i) as (select 1 union all select i + 1 from c where i < ${n}) select i from c) s`);

async function generate(db: Kysely<Database>, engine: string, communityId: number): Promise<void> {
  const structures = Math.round(N * 0.7);
  const parcels = N - structures;
  const residents = Math.round(N * 0.6);
  const settlement = (await db.selectFrom('settlements').select('id').where('community_id', '=', communityId).executeTakeFirstOrThrow()).id;
  const now = "'2026-01-01T00:00:00.000Z'";
  const run = (q: string) => sql.raw(q).execute(db);
  await run(`insert into residents (community_id, last_name, first_name, last_name_latin, first_name_latin, birth_date, sex, public_service_number, settlement_id, status, search_key, created_at, updated_at)
    select ${communityId}, 'Պետրոսյան', 'Արամ', 'Petrosyan', 'Aram', '1980-01-01', 'M', cast(1000000000 + i as varchar(10)), ${settlement}, 'registered', 'petrosyan aram', ${now}, ${now} from ${series(engine, residents)}`);
  const base = (await db.selectFrom('residents').select((eb) => eb.fn.min('id').as('id')).where('community_id', '=', communityId).executeTakeFirstOrThrow()).id as number;
  // Kinds: 5 in 7 apartments, 1 in 7 houses, 1 in 7 commercial; values 3–40 M drams.
  await run(`insert into structures (community_id, kind, cadastral_code, area_m2, purpose, cadastral_value, created_at, updated_at)
    select ${communityId}, case when i % 7 < 5 then 'apartment' else 'building' end, 'B-' || i, 80,
      case when i % 7 = 6 then 'commercial' else 'residential' end, ((cast(i as bigint) * 7919) % 37000 + 3000) * 1000, ${now}, ${now} from ${series(engine, structures)}`);
  await run(`insert into parcels (community_id, cadastral_code, area_m2, purpose, inside_settlement, cadastral_value, net_income, created_at, updated_at)
    select ${communityId}, 'P-' || i, 1000, case when i % 2 = 0 then 'agricultural' else 'residential' end, case when i % 5 = 0 then 0 else 1 end,
      ((cast(i as bigint) * 104729) % 9000 + 100) * 1000, case when i % 2 = 0 then (i % 500 + 10) * 1000 else null end, ${now}, ${now} from ${series(engine, parcels)}`);
  const owner = (expr: string) => `${base} + (${expr}) % ${residents}`;
  for (const type of ['structure', 'parcel']) {
    const table = type === 'structure' ? 'structures' : 'parcels';
    // i % 4 = 0: two owners in halves; i % 10 = 1: two joint owners; else one owner.
    await run(`insert into ownerships (community_id, object_type, object_id, owner_type, owner_resident_id, share_num, share_den, tenure, valid_from, created_at)
      select ${communityId}, '${type}', id, 'resident', ${owner('id * 7')}, 1,
        case when id % 4 = 0 or id % 10 = 1 then 2 else 1 end, case when id % 10 = 1 and id % 4 <> 0 then 'joint' else 'shared' end, '2000-01-01', ${now}
      from ${table} where community_id = ${communityId}`);
    await run(`insert into ownerships (community_id, object_type, object_id, owner_type, owner_resident_id, share_num, share_den, tenure, valid_from, created_at)
      select ${communityId}, '${type}', id, 'resident', ${owner('id * 13 + 1')}, 1, 2, case when id % 4 = 0 then 'shared' else 'joint' end, '2000-01-01', ${now}
      from ${table} where community_id = ${communityId} and (id % 4 = 0 or id % 10 = 1)`);
  }
  await run('analyze');
}

async function servicesFor(engine: string, dir: string, pgUrl?: string): Promise<Services> {
  const config = loadConfig({
    DATABASE_URL: engine === 'postgres' ? pgUrl! : `file:${path.join(dir, 'assess.sqlite')}`,
    MMIS_FILES_DIR: path.join(dir, 'files'), MMIS_LOG_LEVEL: 'silent',
  });
  const services = createServices(config, MODULES, { log: pino({ level: 'silent' }) });
  await migrate(services);
  return services;
}

async function benchEngine(engine: string, dir: string, pgUrl?: string): Promise<Figure[]> {
  const services = await servicesFor(engine, dir, pgUrl);
  try {
    const db = services.db.kysely;
    const community = await createCommunity(db, SYSTEM_ACTOR, DEMO_COMMUNITIES[0]!);
    let t = performance.now();
    await generate(db, engine, community.id);
    console.log(`  [${engine}] register of ${N.toLocaleString('en')} properties generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const tdb = new TenantDb(db, community.id);
    const runId = await createRun(tdb, SYSTEM_ACTOR, { year: YEAR, kind: 'assessment', asOf: AS_OF });
    t = performance.now();
    let last = 0;
    const run = await executeRun(db, community.id, runId, SYSTEM_ACTOR, (done, total) => {
      if (done - last >= 100_000 || done === total) {
        last = done;
        process.stdout.write(`\r  [${engine}] assessed ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
      }
    });
    const assessMs = performance.now() - t;
    process.stdout.write('\n');

    const rs = await loadRuleSet(db, YEAR, community.id);
    t = performance.now();
    await sql.raw(`create table bench_sql_amounts as ${amountSql(rs, community.id, AS_OF)}`).execute(db);
    const sqlMs = performance.now() - t;

    const lines = await tdb.selectFrom('fin_assessment_lines').select([sql<number>`count(*)`.as('n'), sql<number>`sum(amount)`.as('total')]).executeTakeFirstOrThrow();
    const hand = await sql<{ n: number; total: number }>`select count(*) as n, sum(amount) as total from bench_sql_amounts`.execute(db);
    const same = Number(lines.n) === Number(hand.rows[0]!.n) && Number(lines.total) === Number(hand.rows[0]!.total);
    console.log(`  [${engine}] assessment ${(assessMs / 1000).toFixed(1)} s: ${run.lines_created.toLocaleString('en')} lines, ${run.obligations_created.toLocaleString('en')} obligations, ${Number(run.amount).toLocaleString('en')} AMD`);
    console.log(`  [${engine}] one SQL statement ${(sqlMs / 1000).toFixed(1)} s: ${Number(hand.rows[0]!.n).toLocaleString('en')} amounts, ${Number(hand.rows[0]!.total).toLocaleString('en')} AMD — ${same ? 'the same amounts' : 'DIFFERENT amounts'}`);
    if (!same) throw new Error(`[${engine}] the assessment and the SQL statement disagree: ${lines.n}/${lines.total} vs ${hand.rows[0]!.n}/${hand.rows[0]!.total}`);
    const ratio = assessMs / sqlMs;
    return [
      { name: `assessment of ${N.toLocaleString('en')} properties (${engine})`, value: assessMs / 1000, baseline: sqlMs / 1000, ratio, unit: 's', target: 'assessment ≤ 30 s', meets: assessMs <= 30_000 },
      { name: `assessment vs one SQL statement (${engine})`, value: ratio, baseline: 1, ratio, unit: '×', target: 'ratio ≤ 2', meets: ratio <= 2 },
    ];
  } finally {
    await services.close();
  }
}

export async function benchFinanceAssess(): Promise<Figure[]> {
  const dir = tmpDir('mmis-assess-');
  const out: Figure[] = [];
  try {
    if (ENGINES.includes('sqlite')) out.push(...(await benchEngine('sqlite', dir)));
    if (ENGINES.includes('postgres')) {
      const cluster = await startCluster();
      try {
        out.push(...(await benchEngine('postgres', dir, cluster.url)));
      } finally {
        cluster.stop();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await benchFinanceAssess()) console.log(`${f.name}: ${f.value.toFixed(2)} ${f.unit} (baseline ${f.baseline.toFixed(2)}, ratio ${f.ratio.toFixed(2)}) ${f.target ?? ''} ${f.meets ? '✓' : '✗'}`);
}
