// A community's rates of local duties and fees, on both engines: within the legal limit it
// is saved, above it refused naming the limit and the law, a bad treasury account refused,
// a year copied under a new council decision, the national catalogue edited only by the
// national administrator, and nothing crosses between communities.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { findKindByCode } from './duties.catalogue.ts';
import { RATE, addRate, get, post, tenantOf } from './duties.testkit.ts';

const ACCOUNTANT = 'accountant@sisian.example';
const BASE = '/sisian/staff/finance/duties';

bothEngines('a rate within the limit is saved, above it refused naming the limit and the law, a bad treasury account refused', async (t, engine) => {
  const env = await setup(t, engine);
  const db = env.services.db.kysely;
  const tenant = await tenantOf(env.services, 'sisian');
  const alcohol = (await findKindByCode(db, 'alcohol_upto_26'))!;
  assert.equal(alcohol.limit_amount, 6000);
  assert.equal(alcohol.verification, 'verified');
  const form = { ...RATE, year: '2031', kind_id: String(alcohol.id), periodicity: 'quarterly', measure: 'unit' };
  const rates = () => tenant.selectFrom('fin_duty_rates').selectAll().where('year', '=', 2031).execute();

  const above = await post(env, ACCOUNTANT, `${BASE}/rates`, { ...form, rate: '6 001' });
  assert.equal(above.statusCode, 400);
  assert.match(above.body, /գերազանցում է օրենքով սահմանված առավելագույն չափը՝ 6.000.֏/);
  assert.match(above.body, /ՀՕ-234-Ն/);

  const badAccount = await post(env, ACCOUNTANT, `${BASE}/rates`, { ...form, rate: '3000', treasury_account: '800435116455' });
  assert.equal(badAccount.statusCode, 400);
  assert.match(badAccount.body, /Գանձապետական հաշիվը 12 թվանշան է՝ սկսվող 900-ով/);
  assert.equal((await post(env, ACCOUNTANT, `${BASE}/rates`, { ...form, rate: '3000', treasury_account: '90043511645' })).statusCode, 400, 'eleven digits');
  assert.equal((await rates()).length, 0, 'nothing written');

  const atLimit = await post(env, ACCOUNTANT, `${BASE}/rates`, { ...form, rate: '6000' });
  assert.equal(atLimit.statusCode, 303, 'the limit itself is allowed');
  const [saved] = await rates();
  assert.equal(saved!.rate, 6000);
  assert.equal(saved!.treasury_account, '900435116455');
  assert.equal((await post(env, ACCOUNTANT, `${BASE}/rates`, { ...form, rate: '3000' })).statusCode, 400, 'one rate per kind and variant a year');
  assert.equal((await post(env, ACCOUNTANT, `${BASE}/rates/${saved!.id}`, { ...form, rate: '7000' })).statusCode, 400, 'an edit above the limit is refused too');

  // A kind without a known limit takes any rate, and its page says the limit is not known.
  const ads = (await findKindByCode(db, 'outdoor_advertising'))!;
  assert.equal(ads.limit_amount, null);
  assert.equal(ads.verification, 'to_check');
  assert.equal((await post(env, ACCOUNTANT, `${BASE}/rates`, { ...form, kind_id: String(ads.id), measure: 'area_m2', periodicity: 'yearly', rate: '250000' })).statusCode, 303);
  const page = await get(env, ACCOUNTANT, `${BASE}?year=2031`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Սահմանաչափը հայտնի չէ/);
  assert.match(page.body, /Ենթակա է ստուգման/);
  assert.match(page.body, /Ստուգված/);

  const ids = (await rates()).map((r) => String(r.id));
  const audit = await db.selectFrom('audit_events').select('action').where('entity_type', '=', 'fin_duty_rate').where('entity_id', 'in', ids).execute();
  assert.deepEqual(audit.map((a) => a.action), ['finance.duty_rate.create', 'finance.duty_rate.create'], 'each saved rate audited, the refused ones not');
  assert.equal((await get(env, 'specialist@sisian.example', BASE)).statusCode, 403, 'specialists do not see duties');
  assert.equal((await get(env, 'head@sisian.example', `${BASE}/rates/new`)).statusCode, 403, 'the head reads, the accountant edits');
});

bothEngines('a year is copied under the new council decision; rates the new year has stay; another community sees nothing', async (t, engine) => {
  const env = await setup(t, engine);
  const db = env.services.db.kysely;
  const tenant = await tenantOf(env.services, 'sisian');
  await addRate(db, tenant, 'garbage_per_person', 2031, { rate: '100', variant: 'Սիսիան' });
  await addRate(db, tenant, 'garbage_per_person', 2031, { rate: '50', variant: 'գյուղեր', zone_coefficient: '0.5' });
  await addRate(db, tenant, 'alcohol_upto_26', 2031, { rate: '3000' });
  await addRate(db, tenant, 'alcohol_upto_26', 2032, { rate: '3500' });

  const bad = await post(env, ACCOUNTANT, `${BASE}/copy`, { from_year: '2031', to_year: '2031', decision_number: '12-Ն', decision_date: '2031-12-10' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Նոր տարին պետք է լինի նախորդից հետո/);
  const copied = await post(env, ACCOUNTANT, `${BASE}/copy`, { from_year: '2031', to_year: '2032', decision_number: '12-Ն', decision_date: '2031-12-10' });
  assert.equal(copied.statusCode, 200);
  assert.match(copied.body, /Պատճենվեց՝ 2, արդեն սահմանված էր՝ 1/);
  const y2032 = await tenant.selectFrom('fin_duty_rates').selectAll().where('year', '=', 2032).orderBy('rate').execute();
  assert.deepEqual(y2032.map((r) => [r.rate, r.zone_coefficient, r.decision_number]), [[50, '0.5', '12-Ն'], [100, '1', '12-Ն'], [3500, '1', '45-Ն']]);
  const again = await post(env, ACCOUNTANT, `${BASE}/copy`, { from_year: '2031', to_year: '2032', decision_number: '12-Ն', decision_date: '2031-12-10' });
  assert.match(again.body, /Պատճենվեց՝ 0, արդեն սահմանված էր՝ 3/);
  assert.equal(await db.selectFrom('audit_events').select('id').where('action', '=', 'finance.duty_rate.copy').execute().then((r) => r.length), 2);

  // Jermuk's head sees Jermuk's (empty) year, and Sisian's rate is "not found" there.
  const jermuk = await get(env, 'head@jermuk.example', '/jermuk/staff/finance/duties?year=2032');
  assert.equal(jermuk.statusCode, 200);
  assert.doesNotMatch(jermuk.body, /900435116455/);
  assert.equal((await get(env, 'head@jermuk.example', `/sisian/staff/finance/duties?year=2032`)).statusCode, 403);
  const jermukTenant = await tenantOf(env.services, 'jermuk');
  assert.equal((await jermukTenant.selectFrom('fin_duty_rates').select('id').where('year', '=', 2032).execute()).length, 0);
});

bothEngines('the national catalogue: the administrator edits a limit (audited), community staff and analysts may not', async (t, engine) => {
  const env = await setup(t, engine);
  const db = env.services.db.kysely;
  const tobacco = (await findKindByCode(db, 'tobacco_sale'))!;
  assert.equal(tobacco.limit_amount, null, 'no limit is invented');
  const url = '/national/finance/duty-kinds/tobacco_sale';
  const list = await get(env, 'admin@ministry.example', '/national/finance/duty-kinds');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Ծխախոտային արտադրատեսակների վաճառքի թույլտվություն/);
  assert.equal((await get(env, 'analyst@ministry.example', '/national/finance/duty-kinds')).statusCode, 403);
  assert.equal((await get(env, ACCOUNTANT, '/national/finance/duty-kinds')).statusCode, 403);

  const bad = await post(env, 'admin@ministry.example', url, { limit_amount: '12.5', legal_ref: tobacco.legal_ref, verification: 'to_check' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Նշեք ամբողջ դրամ/);
  const ok = await post(env, 'admin@ministry.example', url, { limit_amount: '17 500', revenue_line: '1351', legal_ref: tobacco.legal_ref, source: 'checked in the law', verification: 'verified' });
  assert.equal(ok.statusCode, 303);
  const after = (await findKindByCode(db, 'tobacco_sale'))!;
  assert.equal(after.limit_amount, 17500);
  assert.equal(after.verification, 'verified');
  const audit = await db.selectFrom('audit_events').selectAll().where('action', '=', 'finance.duty_kind.update').executeTakeFirstOrThrow();
  assert.equal(audit.community_id, null);
  assert.deepEqual([JSON.parse(audit.before_json!).limit_amount, JSON.parse(audit.after_json!).limit_amount], [null, 17500]);
});
