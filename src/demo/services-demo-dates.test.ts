// The services demo holds on every day of the year: its cases are planned for a spread of
// "nows" (weekends, every Armenian holiday and the days around it, the year end, Mondays
// after a holiday, the first and last minutes of a day) and each plan must keep the
// promises the demo's own test and the journeys rely on: every state, Hayk's cases in every
// state the portal shows, an overdue and an at-risk open case, today's documents, nothing
// in the future or older than a year. The plan is pure apart from reading the community,
// so one seeded database serves every date; one full seed at a hard moment checks the
// whole path (documents issued, figures computed) too.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../test/helpers.ts';
import { TenantDb } from '../platform/db/tenant.ts';
import { loadCalendar } from '../platform/calendar/calendar.store.ts';
import type { WorkingCalendar } from '../platform/calendar/calendar.ts';
import { todayInYerevan } from '../platform/i18n/index.ts';
import { AT_RISK_WORKING_DAYS } from '../modules/services/cases/case-clock.ts';
import { prng } from './registry-demo-data.ts';
import { seedDemo } from './seed.ts';
import { SERVICES_DEMO } from './services-demo.ts';
import { planDemoCases } from './services-demo-cases.ts';
import type { PlannedCase, SampleFile } from './services-demo-plan.ts';
import { linkCitizens, loadWorld } from './services-demo-world.ts';

const STATES = ['draft', 'submitted', 'registered', 'in_review', 'info_requested', 'approved', 'rejected', 'delivered', 'withdrawn'];
const HAYKS = ['draft', 'submitted', 'registered', 'in_review', 'info_requested', 'approved', 'delivered'];
const OPEN = ['registered', 'in_review', 'site_inspection', 'commission'];
const HAYK = 'hayk@citizen.example';

const plus = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The moments to try (Yerevan time, UTC+4): the New Year holidays and the days around them,
 * each holiday of the law and the day after it, a weekend and its Monday, 29 February;
 * each at one of the hours that matter in turn (just after midnight, before office hours,
 * midday, just before midnight), the year end at all of them.
 */
function moments(): Date[] {
  const days = new Set<string>();
  for (let d = '2026-12-28'; d <= '2027-01-09'; d = plus(d, 1)) days.add(d);
  for (const h of ['01-28', '03-08', '04-24', '05-01', '05-09', '05-28', '07-05', '09-21']) for (const n of [0, 1]) days.add(plus(`2027-${h}`, n));
  for (const d of ['2026-12-05', '2026-12-06', '2026-12-07', '2028-02-29']) days.add(d);
  const times = ['00:02', '08:30', '12:00', '23:58'];
  return [...days].sort().flatMap((day, i) => (day >= '2026-12-31' && day <= '2027-01-08' ? times : [times[i % times.length]!]).map((time) => new Date(Date.parse(`${day}T${time}:00+04:00`))));
}

/** What the plan of one community at `now` fails to keep, as sentences (empty: every promise kept). */
function broken(planned: PlannedCase[], now: Date, cal: WorkingCalendar, opts: { haykId: number | null; documents: number; everyState: boolean }): string[] {
  const out: string[] = [];
  const nowIso = now.toISOString();
  const yearAgo = new Date(now.getTime() - 366 * 86_400_000).toISOString();
  const states = new Set(planned.map((p) => String(p.row.state)));
  if (opts.everyState) for (const s of STATES) if (!states.has(s)) out.push(`no case in state ${s}`);
  if (opts.haykId !== null) {
    const mine = planned.filter((p) => p.row.applicant_user_id === opts.haykId);
    for (const s of HAYKS) if (!mine.some((p) => p.row.state === s)) out.push(`Hayk has no case in state ${s}`);
  }
  const today = todayInYerevan(now);
  const ahead = cal.addWorkingDays(today, AT_RISK_WORKING_DAYS);
  const open = planned.filter((p) => p.row.due_date && !p.row.decided_at && OPEN.includes(String(p.row.state)));
  if (opts.everyState && !open.some((p) => String(p.row.due_date) < today)) out.push('no overdue open case');
  if (!open.some((p) => String(p.row.due_date) >= today && String(p.row.due_date) <= ahead)) out.push('no open case at risk');
  const documents = planned.filter((p) => p.issueDocument).length;
  if (documents < opts.documents) out.push(`${documents} documents of today, not ${opts.documents}`);
  for (const p of planned) {
    const times = [p.row.created_at, p.row.updated_at, p.row.submitted_at, p.row.registered_at, p.row.decided_at, p.row.delivered_at, p.row.rated_at, ...p.events.map((e) => e.at)];
    const wrong = times.find((at) => at && (String(at) >= nowIso || String(at) < yearAgo));
    if (wrong) out.push(`a ${p.row.state} case has ${String(wrong)}, outside the past year`);
    const last = p.events.filter((e) => e.to_state).at(-1);
    if (last?.to_state !== p.row.state) out.push(`a case in ${p.row.state} whose timeline ends in ${last?.to_state}`);
  }
  return out;
}

bothEngines('services demo: planned for any day of the year, every promised state is there', async (t, engine) => {
  const { services } = await setup(t, engine);
  const db = services.db.kysely;
  const cal = await loadCalendar(db);
  const samples: { pdf: SampleFile; png: SampleFile } = {
    pdf: { sha256: '0'.repeat(64), mime: 'application/pdf', size: 1, ext: 'pdf' },
    png: { sha256: '1'.repeat(64), mime: 'image/png', size: 1, ext: 'png' },
  };
  const hayk = await db.selectFrom('users').select('id').where('email', '=', HAYK).executeTakeFirstOrThrow();
  const failures: string[] = [];
  let plans = 0;
  for (const [slug, demo] of Object.entries(SERVICES_DEMO)) {
    const community = await db.selectFrom('communities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    // Read-only: the seed has linked the citizens already, so linking again writes nothing.
    await db.transaction().execute(async (trx) => {
      for (const now of moments()) {
        const world = await loadWorld(new TenantDb(trx, community.id), trx, todayInYerevan(now));
        await linkCitizens(trx, world, [HAYK]);
        const planned = await planDemoCases({ db: trx, cal, rng: prng(demo.seed), now, world, samples, counts: demo });
        plans++;
        const sisian = slug === 'sisian';
        for (const f of broken(planned, now, cal, { haykId: sisian ? hayk.id : null, documents: demo.documents, everyState: sisian })) failures.push(`${slug} at ${now.toISOString()}: ${f}`);
      }
    });
  }
  assert.ok(plans >= 2 * 60, `${plans} plans`);
  assert.deepEqual(failures, []);
});

bothEngines('services demo: seeded at 00:05 on the first working day after the New Year holidays, Hayk has every case and today has documents', async (t, engine) => {
  const { services } = await setup(t, engine, { demo: false });
  // 8 January 2027, a Friday after nine days off (31 December to 7 January, with a weekend).
  const now = new Date('2027-01-08T00:05:00+04:00');
  await seedDemo(services, now);
  const db = services.db.kysely;
  const hayk = await db.selectFrom('users').select('id').where('email', '=', HAYK).executeTakeFirstOrThrow();
  const cases = await db.selectFrom('cases').select(['state', 'applicant_user_id', 'created_at']).execute();
  for (const s of HAYKS) assert.ok(cases.some((c) => c.applicant_user_id === hayk.id && c.state === s), `Hayk has a case in state ${s}`);
  assert.ok(cases.every((c) => c.created_at < now.toISOString()), 'every case started before now');
  const documents = await db.selectFrom('issued_documents').select('id').execute();
  assert.ok(documents.length >= SERVICES_DEMO.sisian!.documents + SERVICES_DEMO.jermuk!.documents, `${documents.length} documents`);
  const figures = await db.selectFrom('service_stats').select('id').execute();
  assert.ok(figures.length > 0, 'the performance figures are computed');
});
