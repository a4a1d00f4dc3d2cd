// A community's rates of local duties and fees for a year, as its council decided. The law
// caps each kind (the national catalogue's limit): a rate above it is refused, naming the
// limit and the law. The limit is compared with the approved rate itself, before any zone
// coefficient, as the community sites show "rate" beside "limit".
import type { Selectable } from 'kysely';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { appendAudit, appendAuditMany, type AuditActor } from '../../../platform/audit/audit.ts';
import { AppError, badRequest, notFound } from '../../../platform/http/errors.ts';
import type { FinDutyRatesTable } from './duties.table.ts';
import type { CopyInput, RateInput } from './duties.schemas.ts';
import { findKind, type DutyKind } from './duties.catalogue.ts';

export type DutyRate = Selectable<FinDutyRatesTable>;

/** The rate is above the law's limit; the form names the limit and the law. */
export class RateAboveLimit extends AppError {
  constructor(readonly limit: number, readonly legalRef: string) {
    super(400, 'above_limit', 'finance.duties.error.aboveLimit', { rate: 'finance.duties.error.aboveLimit' });
  }
}

function checkLimit(kind: DutyKind, rate: number): void {
  if (kind.limit_amount !== null && rate > kind.limit_amount) throw new RateAboveLimit(kind.limit_amount, kind.legal_ref);
}

export async function ratesOfYear(tenant: TenantDb, year: number): Promise<DutyRate[]> {
  return tenant.selectFrom('fin_duty_rates').selectAll().where('year', '=', year).orderBy('kind_id').orderBy('variant').execute();
}

export async function findRate(tenant: TenantDb, id: number): Promise<DutyRate | undefined> {
  return tenant.selectFrom('fin_duty_rates').selectAll().where('id', '=', id).executeTakeFirst();
}

const FIELDS = ['year', 'kind_id', 'variant', 'revenue_line', 'treasury_account', 'rate', 'periodicity', 'measure', 'zone_coefficient', 'decision_number', 'decision_date', 'council_decision_id'] as const;
const pickFields = (r: RateInput | DutyRate) => Object.fromEntries(FIELDS.map((f) => [f, r[f]]));

/** Creates (id null) or changes a rate; returns its id. */
export async function saveRate(tenant: TenantDb, actor: AuditActor, id: number | null, input: RateInput): Promise<number> {
  return tenant.transaction(async (scoped, tx) => {
    const before = id === null ? null : await findRate(scoped, id);
    if (id !== null && !before) throw notFound();
    const kind = await findKind(tx, input.kind_id);
    if (!kind) throw badRequest({ kind_id: 'field.invalid' });
    checkLimit(kind, input.rate);
    // Checked first: on PostgreSQL a failed insert would abort the transaction.
    let twin = scoped.selectFrom('fin_duty_rates').select('id').where('year', '=', input.year).where('kind_id', '=', input.kind_id).where('variant', '=', input.variant);
    if (id !== null) twin = twin.where('id', '!=', id);
    if (await twin.executeTakeFirst()) throw badRequest({ variant: 'finance.duties.error.duplicate' });
    const values = pickFields(input) as RateInput;
    const now = new Date().toISOString();
    let rateId = id;
    if (rateId === null) rateId = (await scoped.insertInto('fin_duty_rates', { ...values, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    else await scoped.updateTable('fin_duty_rates').set({ ...values, updated_at: now }).where('id', '=', rateId).execute();
    await appendAudit(tx, actor, {
      communityId: scoped.communityId, action: id === null ? 'finance.duty_rate.create' : 'finance.duty_rate.update',
      entityType: 'fin_duty_rate', entityId: rateId, before: before ? pickFields(before) : null, after: values,
    });
    return rateId;
  });
}

export interface CopyResult {
  copied: number;
  /** Already set for the new year (kept as they are). */
  present: number;
  /** Above the catalogue's limit as it stands now: left for the accountant to set. */
  aboveLimit: number;
}

/**
 * Copies a year's rates to a later year under the council's new decision. Rates the new
 * year already has are kept; a rate above today's limit is not copied.
 */
export async function copyRates(tenant: TenantDb, actor: AuditActor, input: CopyInput): Promise<CopyResult> {
  return tenant.transaction(async (scoped, tx) => {
    const from = await ratesOfYear(scoped, input.from_year);
    if (from.length === 0) throw badRequest({ from_year: 'finance.duties.error.noRates' });
    const existing = new Set((await ratesOfYear(scoped, input.to_year)).map((r) => `${r.kind_id}:${r.variant}`));
    const result: CopyResult = { copied: 0, present: 0, aboveLimit: 0 };
    const audits = [];
    const now = new Date().toISOString();
    for (const r of from) {
      if (existing.has(`${r.kind_id}:${r.variant}`)) { result.present += 1; continue; }
      const kind = await findKind(tx, r.kind_id);
      if (!kind || (kind.limit_amount !== null && r.rate > kind.limit_amount)) { result.aboveLimit += 1; continue; }
      const values = { ...pickFields(r), year: input.to_year, decision_number: input.decision_number, decision_date: input.decision_date, council_decision_id: null } as RateInput;
      const row = await scoped.insertInto('fin_duty_rates', { ...values, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
      audits.push({ communityId: scoped.communityId, action: 'finance.duty_rate.copy', entityType: 'fin_duty_rate', entityId: row.id, after: { ...values, copiedFrom: r.id } });
      result.copied += 1;
    }
    if (audits.length) await appendAuditMany(tx, actor, audits);
    return result;
  });
}
