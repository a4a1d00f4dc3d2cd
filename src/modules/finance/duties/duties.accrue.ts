// Posts the accruals of local duties and fees: for every registered payer, every period
// that has begun by `asOf` becomes an obligation with its accrual entry. The source key
// "duty:<payer>:<rate>:<period>" is unique, so re-running (the daily job, the staff
// button, twice) adds nothing. A period is charged at the rate of its own year; a year the
// council has set no rate for is reported, not guessed.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { appendAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { ensureObligation, postEntries } from '../ledger/ledger.core.ts';
import { periodAmount, periodsDue } from './duties.amount.ts';
import { listKinds } from './duties.catalogue.ts';
import type { DutyPayer } from './duties.payers.ts';
import type { DutyRate } from './duties.rates.ts';

export interface AccrualResult {
  /** Obligations created now. */
  created: number;
  /** Whole drams accrued now. */
  amount: number;
  /** Periods already accrued by an earlier run. */
  existing: number;
  /** Periods of a year without a rate of the payer's kind. */
  noRate: number;
  /** Periods that came to nothing (a household with nobody registered). */
  zero: number;
}

export const ACCRUAL_ACTOR = 'duty accrual';

/** The household members registered now: the per-person fee of a payer who left the quantity empty. */
async function householdSize(tenant: TenantDb, residentId: number): Promise<number> {
  const r = await tenant.selectFrom('residents').select('household_id').where('id', '=', residentId).executeTakeFirst();
  if (!r?.household_id) return 0;
  const n = await tenant.selectFrom('residents').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('household_id', '=', r.household_id).where('status', '=', 'registered').executeTakeFirstOrThrow();
  return Number(n.n);
}

async function quantityOf(tenant: TenantDb, p: DutyPayer, rate: DutyRate): Promise<string> {
  if (rate.measure === 'unit' || rate.measure === 'household') return '1';
  if (p.quantity !== null) return p.quantity;
  return p.resident_id === null ? '0' : String(await householdSize(tenant, p.resident_id));
}

/** Accrues every payer's periods up to `asOf` (YYYY-MM-DD) in one transaction, audited as one run. */
export async function accrueDuties(tenant: TenantDb, actor: AuditActor, asOf: string): Promise<AccrualResult> {
  return tenant.transaction(async (scoped, tx) => {
    const result: AccrualResult = { created: 0, amount: 0, existing: 0, noRate: 0, zero: 0 };
    const kinds = new Map((await listKinds(tx)).map((k) => [k.id, k]));
    const rates = new Map((await scoped.selectFrom('fin_duty_rates').selectAll().execute()).map((r) => [`${r.year}:${r.kind_id}:${r.variant}`, r]));
    const payers = await scoped.selectFrom('fin_duty_payers').selectAll().where('starts_on', '<=', asOf).orderBy('id').execute();
    // One read of what earlier runs made, instead of a query per period.
    const done = new Set((await scoped.selectFrom('fin_obligations').select('source_key').where('source_key', 'like', 'duty:%').execute()).map((r) => r.source_key));
    const batch = `duties:${asOf}`;
    for (const p of payers) {
      const kind = kinds.get(p.kind_id)!;
      const sizeCache = new Map<number, string>();
      // The periods follow the periodicity of the payer's latest rate (a council rarely changes it).
      const latest = [...rates.values()].filter((r) => r.kind_id === p.kind_id && r.variant === p.variant).sort((x, y) => y.year - x.year)[0];
      if (!latest) continue;
      for (const period of periodsDue(latest.periodicity, p.starts_on, p.ends_on, asOf)) {
        const rate = rates.get(`${period.year}:${p.kind_id}:${p.variant}`);
        if (!rate) { result.noRate += 1; continue; }
        const sourceKey = `duty:${p.id}:${rate.id}:${period.key}`;
        if (done.has(sourceKey)) { result.existing += 1; continue; }
        if (!sizeCache.has(rate.id)) sizeCache.set(rate.id, await quantityOf(scoped, p, rate));
        const amount = periodAmount(rate.rate, sizeCache.get(rate.id)!, rate.zone_coefficient);
        if (amount === 0) { result.zero += 1; continue; }
        const ob = await ensureObligation(scoped, {
          payer_kind: p.payer_kind, resident_id: p.resident_id, organization_id: p.organization_id,
          kind: kind.grp === 'fee' ? 'local_fee' : 'local_duty', subject_type: 'duty_payer', subject_id: p.id,
          subject_label: p.variant ? `${kind.name_hy} (${p.variant})` : kind.name_hy,
          period: period.key, due_on: period.dueOn, revenue_line: rate.revenue_line, source_key: sourceKey,
        });
        if (!ob.created) { result.existing += 1; continue; }
        await postEntries(scoped, [{
          obligation_id: ob.id, kind: 'accrual', component: 'principal', amount, entry_on: period.starts, payment_id: null,
          reverses_entry_id: null, legal_ground: null, note: null, batch, actor_user_id: actor.userId,
        }]);
        result.created += 1;
        result.amount += amount;
      }
    }
    if (result.created > 0 || result.noRate > 0) {
      await appendAudit(tx, actor, { communityId: scoped.communityId, action: 'finance.duty_accrual.run', entityType: 'fin_duty_accrual', entityId: asOf, after: result });
    }
    return result;
  });
}
