// Accruals of local duties and fees: the amount and the periods as table tests, then on
// both engines monthly garbage per person (counted in the population register) and per
// household, a quarterly alcohol licence chosen by floor area, re-running adding nothing,
// a year without a rate reported, the staff's button and the daily job.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { periodAmount, periodsDue } from './duties.amount.ts';
import { accrueDuties } from './duties.accrue.ts';
import { DUTY_ACCRUAL_JOB } from './duties.part.ts';
import { addPayer, addRate, get, household, organization, post, tenantOf } from './duties.testkit.ts';

test('the amount of a period: rate × quantity × zone coefficient, rounded half up to a dram once', () => {
  const rows: [number, string, string, number][] = [
    [100, '3', '1', 300],
    [100, '1', '0.5', 50],
    [75, '3', '0.5', 113], // 112.5 rounds up
    [75, '1', '0.3333', 25], // 24.9975
    [250, '12.5', '1', 3125],
    [3000, '1', '1', 3000],
    [5050, '1', '1.25', 6313], // 6312.5
    [0, '4', '1', 0],
  ];
  for (const [rate, q, k, want] of rows) assert.equal(periodAmount(rate, q, k), want, `${rate} × ${q} × ${k}`);
  assert.throws(() => periodAmount(10.5, '1', '1'), RangeError);
  assert.throws(() => periodAmount(10, '1e3', '1'), RangeError);
});

test('the periods owed: each period begun by the day, touched by the registration, charged whole', () => {
  const keys = (...a: Parameters<typeof periodsDue>) => periodsDue(...a).map((p) => `${p.key}→${p.dueOn}`);
  assert.deepEqual(keys('monthly', '2031-01-15', null, '2031-03-01'), ['2031-01→2031-01-31', '2031-02→2031-02-28', '2031-03→2031-03-31']);
  assert.deepEqual(keys('monthly', '2031-11-01', '2032-01-10', '2032-06-30'), ['2031-11→2031-11-30', '2031-12→2031-12-31', '2032-01→2032-01-31']);
  assert.deepEqual(keys('monthly', '2032-02-01', null, '2032-02-29'), ['2032-02→2032-02-29']);
  assert.deepEqual(keys('quarterly', '2031-02-10', null, '2031-07-01'), ['2031-Q1→2031-03-31', '2031-Q2→2031-06-30', '2031-Q3→2031-09-30']);
  assert.deepEqual(keys('yearly', '2030-06-01', null, '2031-01-01'), ['2030→2030-12-31', '2031→2031-12-31']);
  assert.deepEqual(keys('one_off', '2031-04-02', null, '2031-12-31'), ['2031-04-02→2031-04-02']);
  assert.deepEqual(keys('monthly', '2031-05-01', null, '2031-04-30'), [], 'nothing before the start');
});

async function obligationsOf(tenant: TenantDb, payerId: number) {
  return tenant.selectFrom('fin_obligations').innerJoin('fin_entries', 'fin_entries.obligation_id', 'fin_obligations.id')
    .select(['fin_obligations.period', 'fin_obligations.due_on', 'fin_obligations.kind', 'fin_obligations.revenue_line', 'fin_obligations.source_key', 'fin_entries.amount'])
    .where('fin_obligations.subject_type', '=', 'duty_payer').where('fin_obligations.subject_id', '=', payerId).orderBy('fin_obligations.period').execute();
}

bothEngines('monthly garbage per person and per household, and a quarterly alcohol licence by area; re-running adds nothing', async (t, engine) => {
  const env = await setup(t, engine);
  const db = env.services.db.kysely;
  const tenant = await tenantOf(env.services, 'sisian');
  const perPerson = await addRate(db, tenant, 'garbage_per_person', 2031, { rate: '75', zone_coefficient: '0.5', variant: 'գյուղեր' });
  const perHousehold = await addRate(db, tenant, 'garbage_per_household', 2031, { rate: '400' });
  const alcohol = await addRate(db, tenant, 'alcohol_upto_26', 2031, { rate: '3000', revenue_line: '11307' });
  const alcoholBig = await addRate(db, tenant, 'alcohol_26_50', 2031, { rate: '5050' });

  const three = await household(tenant, 5100000001, 3);
  const one = await household(tenant, 5100000011, 1);
  await organization(tenant, '05500001', 'Գինու տուն ՍՊԸ');
  const personPayer = await addPayer(tenant, perPerson, three);
  const householdPayer = await addPayer(tenant, perHousehold, one, { starts_on: '2031-02-20' });

  // The floor area picks the band: 30 m² is not "up to 26 m²".
  const form = { rate_id: String(alcohol), payer_ref: '05500001', area_m2: '30', place: 'խանութ, Սիսական 5', starts_on: '2031-02-01' };
  const wrongBand = await post(env, 'accountant@sisian.example', '/sisian/staff/finance/duties/payers', form);
  assert.equal(wrongBand.statusCode, 400);
  assert.match(wrongBand.body, /Մակերեսը չի համապատասխանում այս տեսակի սահմաններին/);
  assert.equal((await post(env, 'accountant@sisian.example', '/sisian/staff/finance/duties/payers', { ...form, area_m2: '20' })).statusCode, 303);
  assert.equal((await post(env, 'accountant@sisian.example', '/sisian/staff/finance/duties/payers', { ...form, rate_id: String(alcoholBig), payer_ref: '05500001', area_m2: '26' })).statusCode, 400, '26 m² is the small band');
  const licence = (await tenant.selectFrom('fin_duty_payers').select('id').where('area_m2', '=', '20').executeTakeFirstOrThrow()).id;

  const first = await accrueDuties(tenant, SYSTEM_ACTOR, '2031-07-01');
  // 3 persons × 75 × 0.5 = 112.5 → 113 a month, Jan–Jul; one household Feb–Jul; the licence Q1–Q3.
  assert.deepEqual((await obligationsOf(tenant, personPayer)).map((o) => [o.period, o.due_on, o.amount]), [
    ['2031-01', '2031-01-31', 113], ['2031-02', '2031-02-28', 113], ['2031-03', '2031-03-31', 113], ['2031-04', '2031-04-30', 113],
    ['2031-05', '2031-05-31', 113], ['2031-06', '2031-06-30', 113], ['2031-07', '2031-07-31', 113],
  ]);
  const hh = await obligationsOf(tenant, householdPayer);
  assert.deepEqual(hh.map((o) => o.period), ['2031-02', '2031-03', '2031-04', '2031-05', '2031-06', '2031-07']);
  assert.ok(hh.every((o) => o.amount === 400 && o.kind === 'local_fee' && o.revenue_line === '1351'));
  const lic = await obligationsOf(tenant, licence);
  assert.deepEqual(lic.map((o) => [o.period, o.due_on, o.amount, o.kind, o.revenue_line]), [
    ['2031-Q1', '2031-03-31', 3000, 'local_duty', '11307'], ['2031-Q2', '2031-06-30', 3000, 'local_duty', '11307'], ['2031-Q3', '2031-09-30', 3000, 'local_duty', '11307'],
  ]);
  assert.equal(lic[0]!.source_key, `duty:${licence}:${alcohol}:2031-Q1`);
  assert.equal(first.created, 16);
  assert.equal(first.amount, 7 * 113 + 6 * 400 + 3 * 3000);

  const again = await accrueDuties(tenant, SYSTEM_ACTOR, '2031-07-01');
  assert.equal(again.created, 0);
  assert.ok(again.existing >= 16, 'these and the demo\'s periods were all accrued before');
  const mine = [personPayer, householdPayer, licence];
  const entries = await tenant.selectFrom('fin_entries').innerJoin('fin_obligations', 'fin_obligations.id', 'fin_entries.obligation_id')
    .select('fin_entries.id').where('fin_obligations.subject_type', '=', 'duty_payer').where('fin_obligations.subject_id', 'in', mine).execute();
  assert.equal(entries.length, 16, 'no entry twice');

  // A fourth member moves in: the next month is charged for four, the months accrued stay.
  await household(tenant, 5100000021, 1).then(async (psn) => {
    const hhId = (await tenant.selectFrom('residents').select('household_id').where('public_service_number', '=', three).executeTakeFirstOrThrow()).household_id;
    await tenant.updateTable('residents').set({ household_id: hhId }).where('public_service_number', '=', psn).execute();
  });
  await accrueDuties(tenant, SYSTEM_ACTOR, '2031-08-01');
  const august = (await obligationsOf(tenant, personPayer)).at(-1)!;
  assert.deepEqual([august.period, august.amount], ['2031-08', 150]);
});

bothEngines('a year without a rate is reported, not guessed; the staff button accrues and says what it did; the payers list is searchable and audited', async (t, engine) => {
  const env = await setup(t, engine);
  const db = env.services.db.kysely;
  const tenant = await tenantOf(env.services, 'sisian');
  const rate = await addRate(db, tenant, 'garbage_per_household', 2031, { rate: '500' });
  const psn = await household(tenant, 5200000001, 2);
  const payer = await addPayer(tenant, rate, psn, { starts_on: '2030-11-01' });

  const page = await post(env, 'chief@sisian.example', '/sisian/staff/finance/duties/accrue', { as_of: '2031-02-15' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Ստեղծվեց 2 պարտավորություն՝ 1.000.֏/);
  assert.deepEqual((await obligationsOf(tenant, payer)).map((o) => o.period), ['2031-01', '2031-02']);
  const run = await db.selectFrom('audit_events').selectAll().where('action', '=', 'finance.duty_accrual.run').orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.ok(JSON.parse(run.after_json!).noRate >= 2, 'November and December 2030 have no rate (nor have the demo payers\' years after this one)');
  assert.equal((await post(env, 'chief@sisian.example', '/sisian/staff/finance/duties/accrue', { as_of: '2031-02-30' })).statusCode, 400);

  const list = await get(env, 'accountant@sisian.example', '/sisian/staff/finance/duties/payers?q=Ավետիսյան');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Ավետիսյան Արամ/);
  const residentId = (await tenant.selectFrom('residents').select('id').where('public_service_number', '=', psn).executeTakeFirstOrThrow()).id;
  const views = await db.selectFrom('audit_events').select('id').where('action', '=', 'resident.view').where('entity_id', '=', String(residentId)).execute();
  assert.ok(views.length >= 1, 'showing a resident payer is audited');
  assert.equal((await get(env, 'accountant@sisian.example', '/sisian/staff/finance/duties/payers?q=Ավետիսյան&x=1')).statusCode, 400);

  // The payer form finds people and organizations in the registers, as far as the person may see them.
  const found = await get(env, 'chief@sisian.example', `/sisian/staff/finance/duties/payers/new?find=${psn}`);
  assert.match(found.body, new RegExp(`href="/sisian/staff/finance/duties/payers/new\\?ref=${psn}"`));
  assert.match((await get(env, 'chief@sisian.example', `/sisian/staff/finance/duties/payers/new?ref=${psn}`)).body, new RegExp(`name="payer_ref"[^>]*|value="${psn}"`));
  await organization(tenant, '05500077', 'Սիսիան Փեթրոլ ՍՊԸ');
  const asAccountant = await get(env, 'accountant@sisian.example', `/sisian/staff/finance/duties/payers/new?find=${encodeURIComponent('Փեթրոլ')}`);
  assert.match(asAccountant.body, /Սիսիան Փեթրոլ ՍՊԸ · 05500077/);
  assert.doesNotMatch((await get(env, 'accountant@sisian.example', `/sisian/staff/finance/duties/payers/new?find=${psn}`)).body, /Ավետիսյան Արամ/, 'an accountant does not read the population register');
  assert.equal((await get(env, 'head@jermuk.example', `/jermuk/staff/finance/duties/payers/${payer}/edit`)).statusCode, 403);
  const jermukList = await get(env, 'head@jermuk.example', '/jermuk/staff/finance/duties/payers?q=Ավետիսյան');
  assert.doesNotMatch(jermukList.body, /Ավետիսյան Արամ/);
});

bothEngines('the daily job accrues every community once, as of today', async (t, engine) => {
  const env = await setup(t, engine);
  const db = env.services.db.kysely;
  const tenant = await tenantOf(env.services, 'jermuk');
  const year = Number(todayInYerevan().slice(0, 4));
  await organization(tenant, '05500099', 'Ջերմուկ Տաքսի ՍՊԸ');
  const rate = await addRate(db, tenant, 'taxi', year, { rate: '20000', revenue_line: '1351' });
  const payer = await addPayer(tenant, rate, '05500099', { starts_on: `${year}-01-01`, place: 'տաքսի, 3 մեքենա' });
  const job = env.services.modules.find((m) => m.name === 'finance')!.jobs![DUTY_ACCRUAL_JOB]!;
  await job(env.services, {}, { id: 1, communityId: null, attempt: 1 });
  await job(env.services, {}, { id: 2, communityId: null, attempt: 1 });
  assert.deepEqual((await obligationsOf(tenant, payer)).map((o) => [o.period, o.amount]), [[String(year), 20000]]);
  const runs = await db.selectFrom('audit_events').select('actor_label').where('action', '=', 'finance.duty_accrual.run').where('community_id', '=', tenant.communityId).where('actor_label', '=', 'duty accrual').execute();
  assert.equal(runs.length, 1, 'the second run had nothing to do and wrote nothing');
});
