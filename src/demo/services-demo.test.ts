// The services demo: enough cases in every state, all in the past, registration numbers
// consecutive per year (and continued by the engine), timelines that end in the case's
// state, real documents that /verify knows, the citizens' own cases and computed figures.
import assert from 'node:assert/strict';
import { bothEngines, setup, type TestEnv } from '../../test/helpers.ts';
import { TenantDb } from '../platform/db/tenant.ts';
import { SYSTEM_ACTOR } from '../platform/audit/audit.ts';
import { todayInYerevan } from '../platform/i18n/index.ts';
import { AT_RISK_WORKING_DAYS, workingDaysAhead } from '../modules/services/cases/case-clock.ts';
import { installTemplates } from '../modules/services/catalogue/catalogue.ts';
import { envAs } from '../modules/services/services.testkit.ts';
import { fileCase } from '../modules/services/cases/cases.service.ts';
import { seedServicesDemo } from './services-demo.ts';

const STATES = ['draft', 'submitted', 'registered', 'in_review', 'info_requested', 'approved', 'rejected', 'delivered', 'withdrawn'];

async function community(env: TestEnv, slug: string) {
  const db = env.services.db.kysely;
  const c = await db.selectFrom('communities').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
  return { ...c, tenant: new TenantDb(db, c.id) };
}

/** The demo as `mmis seed demo` leaves it (seeds the services part here when seed.ts does not yet). */
async function demo(t: Parameters<typeof setup>[0], engine: Parameters<typeof setup>[1]): Promise<TestEnv> {
  const env = await setup(t, engine);
  const db = env.services.db.kysely;
  if (!(await db.selectFrom('cases').select('id').limit(1).executeTakeFirst())) {
    const ids = new Map((await db.selectFrom('communities').select(['slug', 'id']).execute()).map((c) => [c.slug, c.id]));
    for (const id of ids.values()) await db.transaction().execute((tx) => installTemplates(tx, SYSTEM_ACTOR, id));
    await seedServicesDemo(env.services, db, { ...SYSTEM_ACTOR, label: 'demo seed' }, ids);
  }
  return env;
}

bothEngines('services demo: ≥ 500 Sisian cases over the year in every state, overdue and at-risk ones, all in the past', async (t, engine) => {
  const env = await demo(t, engine);
  const sisian = await community(env, 'sisian');
  const jermuk = await community(env, 'jermuk');
  const cases = await sisian.tenant.selectFrom('cases').selectAll().execute();
  assert.ok(cases.length >= 500, `${cases.length} cases in Sisian`);
  const jermukCases = await jermuk.tenant.selectFrom('cases').select('id').execute();
  assert.ok(jermukCases.length >= 50 && jermukCases.length <= 80, `${jermukCases.length} cases in Jermuk`);
  const states = new Set(cases.map((c) => c.state));
  for (const s of STATES) assert.ok(states.has(s), `a case in state ${s}`);

  const services = await sisian.tenant.selectFrom('service_definitions').select('id').where('status', '=', 'published').execute();
  const used = new Set(cases.map((c) => c.service_id));
  assert.ok(used.size >= services.length * 0.8, `${used.size} of ${services.length} services have cases`);

  const now = new Date().toISOString();
  const yearAgo = new Date(Date.now() - 366 * 86_400_000).toISOString();
  for (const c of cases) {
    for (const at of [c.created_at, c.updated_at, c.submitted_at, c.registered_at, c.decided_at, c.delivered_at, c.rated_at]) {
      if (at) assert.ok(at <= now && at >= yearAgo, `case ${c.id}: ${at} lies in the past year`);
    }
  }
  const future = await sisian.tenant.selectFrom('case_events').select('id').where('at', '>', now).execute();
  assert.equal(future.length, 0, 'no event in the future');

  const today = todayInYerevan();
  const ahead = await workingDaysAhead(env.services.db.kysely, today, AT_RISK_WORKING_DAYS);
  const open = cases.filter((c) => c.due_date && !c.decided_at && ['registered', 'in_review', 'site_inspection', 'commission'].includes(c.state));
  assert.ok(open.some((c) => c.due_date! < today), 'an overdue open case');
  assert.ok(open.some((c) => c.due_date! >= today && c.due_date! <= ahead), 'an open case at risk');
  const decided = cases.filter((c) => c.decided_at && c.due_date);
  const onTime = decided.filter((c) => todayInYerevan(new Date(c.decided_at!)) <= c.due_date!);
  assert.ok(onTime.length / decided.length > 0.75 && onTime.length < decided.length, 'mostly on time, some late');
  assert.ok(cases.filter((c) => c.state === 'delivered' && c.rating !== null).length > cases.filter((c) => c.state === 'delivered').length / 2, 'most delivered cases are rated');
});

bothEngines('services demo: registration numbers run per year in order, and the engine continues them', async (t, engine) => {
  const env = await demo(t, engine);
  const sisian = await community(env, 'sisian');
  const rows = await sisian.tenant.selectFrom('cases').select(['id', 'reg_year', 'reg_seq', 'reg_number', 'registered_at']).where('reg_seq', 'is not', null).orderBy('registered_at').orderBy('reg_seq').execute();
  const byYear = new Map<number, number[]>();
  for (const r of rows) {
    assert.equal(r.reg_number, `${r.reg_year}/${String(r.reg_seq).padStart(6, '0')}`);
    assert.equal(Number(todayInYerevan(new Date(r.registered_at!)).slice(0, 4)), r.reg_year);
    byYear.set(r.reg_year!, [...(byYear.get(r.reg_year!) ?? []), r.reg_seq!]);
  }
  for (const [year, seqs] of byYear) assert.deepEqual(seqs, seqs.map((_, i) => i + 1), `numbers of ${year} in registration order`);

  const operator = await envAs(env.services, 'sisian', 'operator@sisian.example');
  const service = await sisian.tenant.selectFrom('service_definitions').select('id').where('code', '=', 'reception-by-head').executeTakeFirstOrThrow();
  const resident = await sisian.tenant.selectFrom('residents').select(['first_name', 'last_name', 'public_service_number']).where('public_service_number', 'is not', null).executeTakeFirstOrThrow();
  const filed = await fileCase(operator, {
    serviceId: service.id, channel: 'office', formData: { topic: 'Փողոցի լուսավորություն', contact_phone: '+37491000000' },
    applicant: { kind: 'person', name: `${resident.first_name} ${resident.last_name}`, psn: resident.public_service_number, locale: 'hy' },
  }, { register: true });
  const made = await sisian.tenant.selectFrom('cases').select(['reg_year', 'reg_seq']).where('id', '=', filed.caseId).executeTakeFirstOrThrow();
  assert.equal(made.reg_seq, (byYear.get(made.reg_year!)?.length ?? 0) + 1, 'the next number follows the demo');
});

bothEngines('services demo: timelines end in the case state, documents verify, citizens see their cases, figures are computed', async (t, engine) => {
  const env = await demo(t, engine);
  const sisian = await community(env, 'sisian');
  const cases = await sisian.tenant.selectFrom('cases').select(['id', 'state', 'version', 'applicant_user_id', 'decided_at']).execute();
  const moves = await sisian.tenant.selectFrom('case_events').select(['case_id', 'to_state', 'at', 'id']).where('to_state', 'is not', null).orderBy('at').orderBy('id').execute();
  const lastMove = new Map<number, string>();
  for (const m of moves) lastMove.set(m.case_id, m.to_state!);
  for (const c of cases) assert.equal(lastMove.get(c.id), c.state, `case ${c.id}'s timeline ends in its state`);

  const docs = await sisian.tenant.selectFrom('issued_documents').innerJoin('cases', 'cases.id', 'issued_documents.case_id')
    .select(['issued_documents.code', 'issued_documents.issued_at', 'cases.decided_at']).execute();
  assert.ok(docs.length >= 5, `${docs.length} documents issued`);
  const fiveHoursAgo = new Date(Date.now() - 5 * 3600_000).toISOString();
  for (const d of docs) assert.ok(d.issued_at >= d.decided_at! && d.issued_at >= fiveHoursAgo && d.issued_at <= new Date().toISOString(), 'issued at its decision, today');
  const jermuk = await community(env, 'jermuk');
  assert.ok(await jermuk.tenant.selectFrom('issued_documents').select('id').executeTakeFirst(), 'Jermuk has a document too');
  const verify = await env.app.inject({ method: 'GET', url: `/verify/${docs[0]!.code}` });
  assert.equal(verify.statusCode, 200);

  const users = env.services.db.kysely.selectFrom('users').select(['id', 'verified_psn']);
  const hayk = await users.where('email', '=', 'hayk@citizen.example').executeTakeFirstOrThrow();
  assert.match(hayk.verified_psn ?? '', /^\d{10}$/);
  const mine = cases.filter((c) => c.applicant_user_id === hayk.id);
  for (const state of ['draft', 'submitted', 'registered', 'in_review', 'info_requested', 'approved', 'delivered']) assert.ok(mine.some((c) => c.state === state), `Hayk has a case in state ${state}`);
  const ani = await users.where('email', '=', 'ani@citizen.example').executeTakeFirstOrThrow();
  assert.equal(ani.verified_psn, null, 'Ani stays a newcomer');
  assert.ok(!cases.some((c) => c.applicant_user_id === ani.id));

  for (const slug of ['sisian', 'jermuk']) {
    const res = await env.app.inject({ method: 'GET', url: `/api/v1/communities/${slug}/services/performance` });
    const body = res.json() as { computedAt: string | null; totals: { cases: number } };
    assert.ok(body.computedAt, `${slug}'s figures are computed`);
    assert.ok(body.totals.cases > 0);
  }
});
