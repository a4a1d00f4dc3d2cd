// The public performance page: known cases give exactly the expected figures (count,
// median days, on-time share by the Yerevan day, satisfaction) on the page and in the API;
// the figures move only when the job recomputes them; another community's never show.
import assert from 'node:assert/strict';
import type { Insertable } from 'kysely';
import { bothEngines, setup, type TestEnv } from '../../../../test/helpers.ts';
import type { CasesTable } from '../services.table.ts';
import { formatInstant } from '../../../platform/i18n/index.ts';
import { envAs, installTestService, TEST_SPEC } from '../services.testkit.ts';
import { fileCase, performAction } from '../cases/cases.service.ts';
import { recomputeServiceStats, serviceStatsJob } from './performance.service.ts';

const DAY = 86_400_000;
/** The UTC day `n` days before today. */
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);
const plus = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

type CaseInsert = Omit<Insertable<CasesTable>, 'community_id' | 'service_id' | 'service_version_id'>;

function caseRow(more: Partial<CaseInsert>): CaseInsert {
  const now = new Date().toISOString();
  return {
    reg_number: null, reg_year: null, reg_seq: null, state: 'in_review', channel: 'office', applicant_user_id: null, applicant_kind: 'person',
    applicant_psn: null, applicant_tax_id: null, applicant_name: 'Փորձ Փորձյան', applicant_email: null, applicant_phone: null, applicant_locale: 'hy',
    settlement_id: null, form_data: '{}', fee_amount: 0, fee_status: 'none', assignee_user_id: null, department: null, submitted_at: null,
    registered_at: null, due_date: null, state_due_date: null, state_entered_at: now, paused_at: null, decided_at: null, delivered_at: null,
    decision: null, decision_reason: null, info_request: null, rating: null, rating_comment: null, rated_at: null, escalated_at: null,
    version: 1, created_at: now, updated_at: now, ...more,
  };
}

/** A registered case: registered on `reg` (12:00 Yerevan), due `dueIn` days later, decided at `decidedAt` (an instant) or open. */
function registered(reg: string, dueIn: number, decidedAt: string | null, rating: number | null = null): CaseInsert {
  return caseRow({
    state: decidedAt ? 'delivered' : 'in_review', submitted_at: `${reg}T07:00:00.000Z`, registered_at: `${reg}T08:00:00.000Z`, due_date: plus(reg, dueIn),
    decided_at: decidedAt, decision: decidedAt ? 'approved' : null, rating, rated_at: rating ? decidedAt : null,
  });
}

async function install(env: TestEnv, slug: string, name: string, code: string) {
  const spec = { ...TEST_SPEC, name: { hy: `${name} (hy)`, en: name, ru: `${name} (ru)` } };
  const made = await installTestService(env.services, slug, spec, code);
  const add = (rows: CaseInsert[]) => made.tenant.insertInto('cases', rows.map((r) => ({ ...r, service_id: made.serviceId, service_version_id: made.versionId }))).execute();
  return { ...made, add };
}

async function page(env: TestEnv, slug: string, lang = 'en') {
  const res = await env.app.inject({ method: 'GET', url: `/${slug}/services/performance`, headers: { cookie: `mmis_lang=${lang}` } });
  assert.equal(res.statusCode, 200);
  return res.body;
}

async function api(env: TestEnv, slug: string) {
  const res = await env.app.inject({ method: 'GET', url: `/api/v1/communities/${slug}/services/performance` });
  assert.equal(res.statusCode, 200);
  return res.json() as {
    computedAt: string | null;
    services: { id: number; code: string; name: { en: string }; cases: number; decided: number; decidedOnTime: number; onTimePercent: number | null; medianDays: number | null; ratingCount: number; averageRating: number | null }[];
    totals: { cases: number; decided: number; decidedOnTime: number; ratingCount: number };
  };
}

/** The numeric cells of the table row that names `service`. */
/** The figures of a service's row as a reader sees them (the labels a phone repeats in each cell left out). */
function rowCells(html: string, service: string): string[] {
  const row = [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!).find((r) => r.includes(`>${service}</a>`));
  assert.ok(row, `a row for ${service}`);
  return [...row.matchAll(/<td class="numeric"[^>]*>([\s\S]*?)<\/td>/g)]
    .map((m) => m[1]!.replace(/<span class="cell-label"[^>]*>[^<]*<\/span>/, '').replace(/<[^>]+>/g, ''));
}

bothEngines('performance: known cases give the expected figures on the page and in the API, and only after a recompute', async (t, engine) => {
  const env = await setup(t, engine);
  const svc = await install(env, 'sisian', 'Measured service', 'measured-service');
  const r1 = daysAgo(20);
  const r2 = daysAgo(30);
  const r3 = daysAgo(40);
  const r4 = daysAgo(10);
  await svc.add([
    registered(r1, 5, `${plus(r1, 2)}T10:00:00.000Z`, 5), // 2 days, on time
    registered(r2, 5, `${plus(r2, 10)}T10:00:00.000Z`, 3), // 10 days, late
    // 21:30 UTC is 01:30 the next day in Yerevan: decided on the due day itself (4 days), on time.
    registered(r3, 4, `${plus(r3, 3)}T21:30:00.000Z`, 5),
    // 20:30 UTC on the due day is past midnight in Yerevan: one day late (7 days).
    registered(r4, 6, `${plus(r4, 6)}T20:30:00.000Z`),
    registered(daysAgo(3), 5, null), // open: counted as a case, not decided
    registered(daysAgo(400), 5, `${daysAgo(395)}T10:00:00.000Z`, 1), // outside the twelve months
    caseRow({ state: 'draft' }), // never registered
  ]);
  // One case through the engine: filed and registered at the desk, assigned, approved today (0 days, on time).
  const operator = await envAs(env.services, 'sisian', 'operator@sisian.example');
  const specialist = await envAs(env.services, 'sisian', 'specialist@sisian.example');
  const filed = await fileCase(operator, {
    serviceId: svc.serviceId, channel: 'office', formData: { purpose: 'bank' },
    applicant: { kind: 'person', name: 'Արամ Արամյան', psn: '1234567890', locale: 'hy' },
  }, { register: true });
  const assigned = await performAction(specialist, filed.caseId, 'assign', { expectedVersion: filed.version, assigneeUserId: specialist.actor.userId! });
  await performAction(specialist, filed.caseId, 'approve', { expectedVersion: assigned.version });

  // Before the job has run for this service, neither the page nor the API knows it.
  assert.ok(!(await page(env, 'sisian')).includes('Measured service'));
  assert.ok(!(await api(env, 'sisian')).services.some((s) => s.code === 'measured-service'));

  const now = new Date();
  await recomputeServiceStats(env.services, svc.community.id, now);
  const expected = { cases: 6, decided: 5, decidedOnTime: 3, onTimePercent: 60, medianDays: 4, ratingCount: 3, averageRating: 4.3 };
  const got = (await api(env, 'sisian')).services.find((s) => s.code === 'measured-service');
  assert.ok(got);
  assert.deepEqual(
    { cases: got.cases, decided: got.decided, decidedOnTime: got.decidedOnTime, onTimePercent: got.onTimePercent, medianDays: got.medianDays, ratingCount: got.ratingCount, averageRating: got.averageRating },
    expected,
  );
  assert.equal(got.name.en, 'Measured service');
  const html = await page(env, 'sisian');
  assert.deepEqual(rowCells(html, 'Measured service'), ['6', '5', '4', '60%', '4.3 / 5 (3 ratings)']);
  assert.ok(html.includes(formatInstant(now)), 'the time of computation is shown in Yerevan time');
  assert.match(html, /id="chart-on-time"[\s\S]*Measured service[\s\S]*<\/figure>/, 'the chart has the service');
  // In Russian the decimal is a comma and the count takes its plural form; in Armenian a comma too.
  assert.deepEqual(rowCells(await page(env, 'sisian', 'ru'), 'Measured service (ru)'), ['6', '5', '4', '60%', '4,3 / 5 (3 оценки)']);
  assert.equal(rowCells(await page(env, 'sisian', 'hy'), 'Measured service (hy)')[4], '4,3 / 5 (3 գնահատական)');

  // A new decision does not show until the next recompute: the page reads the stored figures only.
  await svc.add([registered(daysAgo(8), 5, `${plus(daysAgo(8), 1)}T10:00:00.000Z`, 1)]);
  assert.deepEqual(rowCells(await page(env, 'sisian'), 'Measured service'), ['6', '5', '4', '60%', '4.3 / 5 (3 ratings)']);
  await serviceStatsJob(env.services, null, { id: 0, communityId: svc.community.id, attempt: 1 });
  // Decided days [0, 1, 2, 4, 7, 10] → median 3; on time 4 of 6; ratings 5 + 3 + 5 + 1 = 14 of 4.
  assert.deepEqual(rowCells(await page(env, 'sisian'), 'Measured service'), ['7', '6', '3', '67%', '3.5 / 5 (4 ratings)']);
  const again = await api(env, 'sisian');
  assert.equal(again.totals.cases, again.services.reduce((s, r) => s + r.cases, 0), 'the totals add up the services');
  assert.equal(again.totals.decidedOnTime, again.services.reduce((s, r) => s + r.decidedOnTime, 0));
});

bothEngines('performance: on a phone the table stacks into labelled rows and the chart keeps every name whole', async (t, engine) => {
  const env = await setup(t, engine);
  const long = 'A service with a name far longer than any chart label column could hold on one line';
  const svc = await install(env, 'sisian', long, 'long-named-service');
  const reg = daysAgo(12);
  await svc.add([registered(reg, 5, `${plus(reg, 1)}T10:00:00.000Z`, 5)]);
  await recomputeServiceStats(env.services, svc.community.id);
  const html = await page(env, 'sisian');
  assert.match(html, /<table class="table table-stack" role="table">/, 'the figures table stacks on narrow screens');
  const row = [...html.matchAll(/<tr role="row">([\s\S]*?)<\/tr>/g)].map((m) => m[1]!).find((r) => r.includes(long));
  assert.ok(row, 'the service has a row');
  for (const label of ['Service', 'Applications', 'On time']) assert.match(row, new RegExp(`<span class="cell-label" aria-hidden="true">${label}</span>`), `each cell says what it is (${label})`);
  const chart = html.slice(html.indexOf('id="chart-on-time"'), html.indexOf('</figure>', html.indexOf('id="chart-on-time"')));
  assert.ok(chart.includes(`<span class="bar-label">${long}</span>`), 'the chart label is the whole name, not cut short');
  assert.ok(!chart.includes('…'), 'no label is shortened');
});

bothEngines("performance: another community's figures are not on this community's page", async (t, engine) => {
  const env = await setup(t, engine);
  const jermuk = await install(env, 'jermuk', 'Hot springs permit', 'hot-springs-permit');
  const reg = daysAgo(15);
  await jermuk.add([registered(reg, 5, `${plus(reg, 1)}T10:00:00.000Z`, 4)]);
  await recomputeServiceStats(env.services);

  const inJermuk = (await api(env, 'jermuk')).services.find((s) => s.code === 'hot-springs-permit');
  assert.equal(inJermuk?.cases, 1);
  assert.ok((await page(env, 'jermuk')).includes('Hot springs permit'));
  const sisian = await api(env, 'sisian');
  assert.ok(!sisian.services.some((s) => s.code === 'hot-springs-permit' || s.id === jermuk.serviceId));
  assert.ok(!(await page(env, 'sisian')).includes('Hot springs permit'));
});

bothEngines('performance: a community that was never computed says so', async (t, engine) => {
  const env = await setup(t, engine);
  const db = env.services.db.kysely;
  const jermuk = await db.selectFrom('communities').select('id').where('slug', '=', 'jermuk').executeTakeFirstOrThrow();
  await db.deleteFrom('service_stats').where('community_id', '=', jermuk.id).execute();
  assert.equal((await api(env, 'jermuk')).computedAt, null);
  assert.ok((await page(env, 'jermuk')).includes('The figures have not been computed yet.'));
});
