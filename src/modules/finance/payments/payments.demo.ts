// The payments part's demo data for one community (called by src/demo/finance-payments-demo.ts).
import type { Services } from '../../../platform/module/contract.ts';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { appendAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { recordPayment } from '../ledger/ledger.core.ts';
import { applyPayment, payerColumns, payerOfRow } from './ledger-api.ts';
import { payerIdentity } from '../ledger/payer.ts';
import { saveConnection } from './settings.ts';
import { STANDIN } from './standins.ts';
import { recordIncoming } from './record.ts';

/** Payers that get a payment history at all ("part of the payers"). */
const PAYERS = 120;
/** The most recent payments of each community get a printed receipt. */
const WITH_RECEIPT = 12;

export interface DemoOptions {
  slug: string;
  today: string;
  secrets: { idram: string; vpos: string };
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function seedPaymentsDemo(services: Services, tdb: TenantDb, actor: AuditActor, o: DemoOptions): Promise<{ payments: number }> {
  await tdb.transaction(async (scoped, raw) => {
    await saveConnection(scoped, { provider: 'idram', merchantId: `demo-${o.slug}`, username: null, secret: o.secrets.idram, gatewayUrl: STANDIN, enabled: true });
    await saveConnection(scoped, { provider: 'vpos', merchantId: `demo-${o.slug}`, username: `${o.slug}_demo`, secret: o.secrets.vpos, gatewayUrl: STANDIN, enabled: true });
    await appendAudit(raw, actor, { communityId: scoped.communityId, action: 'finance.payment_settings.save', entityType: 'fin_payment_provider', entityId: 'idram,vpos', after: { gatewayUrl: STANDIN } });
  });
  await linkRepresentative(tdb, actor);
  const obligations = await tdb.selectFrom('fin_obligations').select(['id', 'payer_kind', 'resident_id', 'organization_id', 'due_on', 'kind'])
    .where('status', '=', 'active').where('due_on', '<', o.today).where('kind', 'in', ['real_estate_tax', 'land_tax', 'vehicle_tax'])
    .orderBy('due_on').orderBy('id').execute();
  const payerKeys = [...new Set(obligations.map((r) => `${r.payer_kind}:${r.resident_id ?? r.organization_id}`))].slice(0, PAYERS);
  const chosen = new Set(payerKeys);
  const plan = obligations.filter((r) => chosen.has(`${r.payer_kind}:${r.resident_id ?? r.organization_id}`));
  let serial = 0;
  const late = plan.length - WITH_RECEIPT;
  for (const [i, ob] of plan.entries()) {
    const roll = (ob.id * 7919) % 10;
    if (roll >= 6) continue; // in debt: the penalty runs
    const payer = payerOfRow(ob);
    const balance = await tdb.selectFrom('fin_entries').select((eb) => eb.fn.sum<number | string>('amount').as('total'))
      .where('obligation_id', '=', ob.id).where('component', '=', 'principal').executeTakeFirst();
    const principal = Number(balance?.total ?? 0);
    if (principal <= 0) continue;
    const amount = roll >= 4 ? Math.floor(principal / 2) : principal;
    const paidOn = addDays(ob.due_on, roll % 2 === 0 ? -20 - roll : 15 + roll * 3);
    if (amount <= 0 || paidOn > o.today) continue;
    const channel = roll % 3 === 0 ? 'cash' : 'online';
    const provider = channel === 'cash' ? 'cash' : roll % 2 === 0 ? 'idram' : 'vpos';
    const txnId = `demo:${o.slug}:${++serial}`;
    const who = await payerIdentity(tdb, payer);
    if (i >= late) {
      await recordIncoming(services, tdb, (await services.communities.bySlug(o.slug))!, {
        payer, payerName: who?.name ?? '', amount, channel, provider, txnId, reference: null, paidOn, obligationIds: [ob.id],
        via: channel === 'cash' ? 'Demo cashier' : provider === 'idram' ? 'Idram' : 'Card (vPOS)', locale: 'hy', actor, issuer: { name: 'Demo', position: '' },
      });
      continue;
    }
    await tdb.transaction(async (scoped) => {
      const rec = await recordPayment(scoped, {
        ...payerColumns(payer), payer_name: who?.name ?? '', amount, channel, provider, provider_txn_id: txnId,
        reference: null, paid_on: paidOn, receipt_number: null, actor_user_id: null,
      });
      if (rec.created) await applyPayment(scoped, rec.id, { on: paidOn, obligationIds: [ob.id], actor });
    });
  }
  // One payer paid ahead at the desk (nothing charged yet): the payment stays as their credit.
  const first = await tdb.selectFrom('residents').select('id').where('status', '=', 'registered').orderBy('id').executeTakeFirst();
  if (first) {
    const payer = { kind: 'resident' as const, residentId: first.id };
    const who = await payerIdentity(tdb, payer);
    await recordIncoming(services, tdb, (await services.communities.bySlug(o.slug))!, {
      payer, payerName: who?.name ?? '', amount: 5_000, channel: 'cash', provider: 'cash', txnId: `demo:${o.slug}:advance`, reference: null,
      paidOn: o.today, obligationIds: [], via: 'Demo cashier', locale: 'hy', actor, issuer: { name: 'Demo', position: '' },
    });
    serial++;
  }
  return { payments: serial };
}

/**
 * One demo citizen (the first whose verified PSN is a resident here) represents the
 * community's first organization, so "my taxes" shows an organization's obligations too.
 */
async function linkRepresentative(tdb: TenantDb, actor: AuditActor): Promise<void> {
  await tdb.transaction(async (scoped, raw) => {
    const person = await raw.selectFrom('users').innerJoin('residents', 'residents.public_service_number', 'users.verified_psn')
      .select('users.id').where('residents.community_id', '=', scoped.communityId).where('users.is_staff', '=', 0).orderBy('users.id').executeTakeFirst();
    const org = await scoped.selectFrom('organizations').select('id').where('status', '=', 'active').orderBy('id').executeTakeFirst();
    if (!person || !org) return;
    const known = await scoped.selectFrom('fin_org_representatives').select('id').where('organization_id', '=', org.id).where('user_id', '=', person.id).executeTakeFirst();
    if (known) return;
    const { id } = await scoped.insertInto('fin_org_representatives', { organization_id: org.id, user_id: person.id, added_by_user_id: null, added_at: new Date().toISOString() })
      .returning('id').executeTakeFirstOrThrow();
    await appendAudit(raw, actor, { communityId: scoped.communityId, action: 'finance.representative.add', entityType: 'fin_org_representative', entityId: id, after: { organizationId: org.id, userId: person.id } });
  });
}
