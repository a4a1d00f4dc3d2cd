// The register of duty and fee payers (Law ՀՕ-234-Ն requires the community to keep it):
// who pays which rate, for how much measure, from when to when, for which activity or place.
import type { Selectable } from 'kysely';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { appendAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { badRequest, notFound } from '../../../platform/http/errors.ts';
import type { FinDutyPayersTable } from './duties.table.ts';
import type { PayerInput } from './duties.schemas.ts';
import { compareDecimal } from './duties.amount.ts';
import { findKind } from './duties.catalogue.ts';
import { findRate } from './duties.rates.ts';

export type DutyPayer = Selectable<FinDutyPayersTable>;
export const PAYER_PAGE_SIZE = 50;

async function resolvePayer(tenant: TenantDb, ref: string) {
  if (ref.length === 10) {
    const r = await tenant.selectFrom('residents').select(['id', 'last_name', 'first_name', 'household_id']).where('public_service_number', '=', ref).executeTakeFirst();
    if (!r) throw badRequest({ payer_ref: 'finance.duties.error.residentUnknown' });
    return { payer_kind: 'resident' as const, resident_id: r.id, organization_id: null, payer_name: `${r.last_name} ${r.first_name}`, householdId: r.household_id };
  }
  const o = await tenant.selectFrom('organizations').select(['id', 'name']).where('tax_id', '=', ref).executeTakeFirst();
  if (!o) throw badRequest({ payer_ref: 'finance.duties.error.organizationUnknown' });
  return { payer_kind: 'organization' as const, resident_id: null, organization_id: o.id, payer_name: o.name, householdId: null };
}

/** Creates (id null) or changes a payer's registration; returns its id. */
export async function savePayer(tenant: TenantDb, actor: AuditActor, id: number | null, input: PayerInput): Promise<number> {
  return tenant.transaction(async (scoped, tx) => {
    const before = id === null ? null : await scoped.selectFrom('fin_duty_payers').selectAll().where('id', '=', id).executeTakeFirst();
    if (id !== null && !before) throw notFound();
    const rate = await findRate(scoped, input.rate_id);
    if (!rate) throw badRequest({ rate_id: 'field.invalid' });
    const kind = await findKind(tx, rate.kind_id);
    if (!kind) throw badRequest({ rate_id: 'field.invalid' });
    const who = await resolvePayer(scoped, input.payer_ref);

    let quantity: string | null = null;
    if (rate.measure === 'area_m2') {
      if (input.quantity === null) throw badRequest({ quantity: 'finance.duties.error.quantityRequired' });
      quantity = input.quantity;
    } else if (rate.measure === 'person') {
      // Left empty: the household's members are counted in the population register at each accrual.
      if (input.quantity === null && who.householdId === null) throw badRequest({ quantity: 'finance.duties.error.noHousehold' });
      quantity = input.quantity;
    }
    if (kind.band_from_m2 !== null && kind.band_to_m2 !== null) {
      if (input.area_m2 === null) throw badRequest({ area_m2: 'finance.duties.error.areaRequired' });
      // The bands meet at their edges (≤26, 26–50): a band holds its upper edge, not its lower one.
      const above = kind.band_from_m2 === 0 || compareDecimal(input.area_m2, String(kind.band_from_m2)) > 0;
      if (!above || compareDecimal(input.area_m2, String(kind.band_to_m2)) > 0) throw badRequest({ area_m2: 'finance.duties.error.areaBand' });
    }
    const values = {
      kind_id: rate.kind_id, variant: rate.variant, payer_kind: who.payer_kind, resident_id: who.resident_id, organization_id: who.organization_id,
      payer_name: who.payer_name, quantity, area_m2: input.area_m2, place: input.place, starts_on: input.starts_on, ends_on: input.ends_on,
    };
    const now = new Date().toISOString();
    let payerId = id;
    if (payerId === null) payerId = (await scoped.insertInto('fin_duty_payers', { ...values, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    else await scoped.updateTable('fin_duty_payers').set({ ...values, updated_at: now }).where('id', '=', payerId).execute();
    const { payer_name: _name, ...audited } = values; // the name is personal data; the ids say who
    await appendAudit(tx, actor, {
      communityId: scoped.communityId, action: id === null ? 'finance.duty_payer.create' : 'finance.duty_payer.update',
      entityType: 'fin_duty_payer', entityId: payerId, after: audited,
    });
    return payerId;
  });
}

export async function findPayer(tenant: TenantDb, id: number): Promise<DutyPayer | undefined> {
  return tenant.selectFrom('fin_duty_payers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Payers by name or place, newest first. */
export async function listPayers(tenant: TenantDb, q: string | undefined, page: number): Promise<{ rows: DutyPayer[]; total: number }> {
  let base = tenant.selectFrom('fin_duty_payers');
  if (q) {
    // % and _ are dropped rather than escaped: SQLite's LIKE has no default escape character.
    const like = `%${q.replace(/[%_\\]/g, '')}%`;
    base = base.where((eb) => eb.or([eb('payer_name', 'like', like), eb('place', 'like', like)]));
  }
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base.selectAll().orderBy('id', 'desc').limit(PAYER_PAGE_SIZE).offset((page - 1) * PAYER_PAGE_SIZE).execute();
  return { rows, total };
}
