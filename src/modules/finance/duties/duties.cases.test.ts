// The services module's payment seam on both engines: a case submitted with a fee becomes
// the applicant's 'service_fee' obligation; a payment that settles it marks the case's fee
// paid (audited, on the case's timeline) and the case's workflow goes on.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { fileCase, performAction } from '../../services/cases/cases.service.ts';
import { envAs, installTestService, TEST_SPEC } from '../../services/services.testkit.ts';
import { insertResident } from '../../registry/property/property.testkit.ts';
import { recordPayment } from '../ledger/ledger.core.ts';
import { applyPayment } from '../ledger/allocate.ts';
import { notifySettled } from '../ledger/settlement.ts';
import { todayInYerevan } from '../../../platform/i18n/format.ts';

const person = (psn: string) => ({ kind: 'person' as const, psn, name: 'Անի Պետրոսյան', email: 'ani@citizen.example', locale: 'hy' });

bothEngines('a case with a fee becomes an obligation; paying it marks the fee paid and the case goes on', async (t, engine) => {
  // The fee falls due on the community's day (Yerevan), which after 20:00 UTC is already tomorrow's UTC date.
  const today = todayInYerevan();
  const { services } = await setup(t, engine);
  const { serviceId, tenant } = await installTestService(services, 'sisian');
  const residentId = await insertResident(tenant, '5300000001', 'Պետրոսյան', 'Անի');
  const operator = await envAs(services, 'sisian', 'operator@sisian.example');
  const chief = await envAs(services, 'sisian', 'chief@sisian.example');

  const filed = await fileCase(operator, { serviceId, channel: 'office', applicant: person('5300000001'), formData: { purpose: 'bank' } }, { register: true });
  const ob = await tenant.selectFrom('fin_obligations').selectAll().where('source_key', '=', `case:${filed.caseId}`).executeTakeFirstOrThrow();
  assert.deepEqual([ob.kind, ob.payer_kind, ob.resident_id, ob.subject_type, ob.subject_id, ob.subject_label], ['service_fee', 'resident', residentId, 'case', filed.caseId, 'Փորձնական տեղեկանք']);
  const accrual = await tenant.selectFrom('fin_entries').selectAll().where('obligation_id', '=', ob.id).execute();
  assert.deepEqual(accrual.map((e) => [e.kind, e.amount]), [['accrual', 1000]]);

  // Paid at the desk: the ledger records the payment and allocates it, which settles the fee's obligation.
  const pay = await recordPayment(tenant, {
    payer_kind: 'resident', resident_id: residentId, organization_id: null, payer_name: 'Անի Պետրոսյան', amount: 1000, channel: 'cash',
    provider: 'cash', provider_txn_id: 'desk-1', reference: null, paid_on: today, receipt_number: null, actor_user_id: null,
  });
  const allocation = await applyPayment(tenant, pay.id, { on: today, obligationIds: [ob.id] });
  assert.deepEqual(allocation.settled, [{ id: ob.id, kind: 'service_fee' }]);
  const c = await tenant.selectFrom('cases').selectAll().where('id', '=', filed.caseId).executeTakeFirstOrThrow();
  assert.equal(c.fee_status, 'paid');
  assert.equal(c.version, filed.version + 1, 'a staff form opened before the payment is refused, not overwritten');
  const event = await tenant.selectFrom('case_events').selectAll().where('case_id', '=', c.id).where('kind', '=', 'fee').executeTakeFirstOrThrow();
  assert.equal(event.public, 1, 'the applicant sees the payment on their timeline');
  const audit = await services.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'case.fee').where('entity_id', '=', String(c.id)).executeTakeFirstOrThrow();
  assert.equal(audit.actor_label, 'payment settlement');

  // Allocating again (a repeated callback) or the seam called twice changes nothing; the workflow goes on.
  assert.deepEqual((await applyPayment(tenant, pay.id, { on: today })).settled, []);
  await tenant.transaction((tx) => notifySettled(tx, [{ id: ob.id, kind: 'service_fee' }], today));
  assert.equal((await tenant.selectFrom('cases').select('version').where('id', '=', c.id).executeTakeFirstOrThrow()).version, c.version);
  const next = await performAction(chief, c.id, 'assign', { expectedVersion: c.version, assigneeUserId: (await envAs(services, 'sisian', 'specialist@sisian.example')).actor.userId! });
  assert.ok(next.version > c.version);
});

bothEngines('an applicant the registers do not know leaves the fee on the case; a case without a fee makes no obligation', async (t, engine) => {
  const { services } = await setup(t, engine);
  const { serviceId, tenant } = await installTestService(services, 'sisian');
  const operator = await envAs(services, 'sisian', 'operator@sisian.example');
  const stranger = await fileCase(operator, { serviceId, channel: 'office', applicant: person('5399999999'), formData: { purpose: 'bank' } });
  const c = await tenant.selectFrom('cases').selectAll().where('id', '=', stranger.caseId).executeTakeFirstOrThrow();
  assert.equal(c.fee_status, 'due');
  assert.equal(await tenant.selectFrom('fin_obligations').select('id').where('source_key', '=', `case:${c.id}`).executeTakeFirst(), undefined);

  const free = await installTestService(services, 'sisian', { ...TEST_SPEC, fee: { kind: 'none' } }, 'free-certificate');
  await insertResident(tenant, '5300000002');
  const freeCase = await fileCase(operator, { serviceId: free.serviceId, channel: 'office', applicant: person('5300000002'), formData: { purpose: 'bank' } });
  assert.equal(await tenant.selectFrom('fin_obligations').select('id').where('source_key', '=', `case:${freeCase.caseId}`).executeTakeFirst(), undefined);
});
