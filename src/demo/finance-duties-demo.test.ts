// The duties demo as a user of the back office finds it: this year's rates for Sisian and
// Jermuk by a council decision, within the legal limits, garbage payers and licences, and
// the months past accrued exactly once.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../platform/audit/audit.ts';
import { TenantDb } from '../platform/db/tenant.ts';
import { todayInYerevan } from '../platform/i18n/index.ts';
import { accrueDuties } from '../modules/finance/duties/duties.accrue.ts';
import { signInAs } from '../../test/session.ts';

bothEngines('the demo: this year\'s duty rates, garbage payers and licences in Sisian and Jermuk, accrued up to today', async (t, engine) => {
  const env = await setup(t, engine);
  const db = env.services.db.kysely;
  const today = todayInYerevan();
  const year = Number(today.slice(0, 4));
  for (const slug of ['sisian', 'jermuk']) {
    const c = await db.selectFrom('communities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    const tenant = new TenantDb(db, c.id);
    const rates = await tenant.selectFrom('fin_duty_rates').innerJoin('fin_duty_kinds', 'fin_duty_kinds.id', 'fin_duty_rates.kind_id')
      .select(['fin_duty_rates.rate', 'fin_duty_kinds.limit_amount', 'fin_duty_rates.treasury_account', 'fin_duty_rates.decision_number']).where('year', '=', year).execute();
    assert.ok(rates.length >= 5, `${slug} has this year's rates`);
    assert.ok(rates.every((r) => (r.limit_amount === null || r.rate <= r.limit_amount) && /^900\d{9}$/.test(r.treasury_account) && r.decision_number));
    const payers = await tenant.selectFrom('fin_duty_payers').select(['id', 'payer_kind']).orderBy('id').execute();
    assert.ok(payers.some((p) => p.payer_kind === 'resident') && payers.some((p) => p.payer_kind === 'organization'), `${slug} has household and licence payers`);
    const months = Number(today.slice(5, 7));
    const garbage = await tenant.selectFrom('fin_obligations').select('period').where('kind', '=', 'local_fee').where('subject_id', '=', payers[0]!.id).execute();
    assert.equal(garbage.length, months, 'one garbage fee a month so far');
    const again = await accrueDuties(tenant, SYSTEM_ACTOR, today);
    assert.equal(again.created, 0, 'the demo left nothing to accrue today');
  }
  const s = await signInAs(env.services, 'accountant@sisian.example');
  const page = await env.app.inject({ method: 'GET', url: '/sisian/staff/finance/duties', headers: { cookie: s.cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /98-Ն/);
});
