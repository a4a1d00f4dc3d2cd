// A payer is a resident of the population register or an organization of the register of
// organizations (PayerRef, ledger.table.ts). These helpers turn rows and URLs into one and back.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { PayerKind, PayerRef } from './ledger.table.ts';

export type { PayerRef };

/** The payer of a row that has payer_kind, resident_id and organization_id (obligations, payments). */
export function payerOfRow(row: { payer_kind: PayerKind | null; resident_id: number | null; organization_id: number | null }): PayerRef {
  if (row.payer_kind === 'resident' && row.resident_id !== null) return { kind: 'resident', residentId: row.resident_id };
  if (row.payer_kind === 'organization' && row.organization_id !== null) return { kind: 'organization', organizationId: row.organization_id };
  throw new TypeError('the row names no payer');
}

/** The columns that store a payer, for an insert. */
export function payerColumns(payer: PayerRef): { payer_kind: PayerKind; resident_id: number | null; organization_id: number | null } {
  return payer.kind === 'resident'
    ? { payer_kind: 'resident', resident_id: payer.residentId, organization_id: null }
    : { payer_kind: 'organization', organization_id: payer.organizationId, resident_id: null };
}

export function samePayer(a: PayerRef, b: PayerRef): boolean {
  return a.kind === b.kind && (a.kind === 'resident' ? a.residentId === (b as typeof a).residentId : a.organizationId === (b as typeof a).organizationId);
}

/** 'r12' / 'o7': how a payer is named in a URL (staff pages). */
export function payerKey(payer: PayerRef): string {
  return payer.kind === 'resident' ? `r${payer.residentId}` : `o${payer.organizationId}`;
}

export function parsePayerKey(key: string): PayerRef | null {
  const m = /^([ro])(\d{1,15})$/.exec(key);
  if (!m) return null;
  const id = Number(m[2]);
  return m[1] === 'r' ? { kind: 'resident', residentId: id } : { kind: 'organization', organizationId: id };
}

export interface PayerIdentity {
  payer: PayerRef;
  name: string;
  /** ՀԾՀ of a resident, ՀՎՀՀ of an organization. */
  identifier: string | null;
  settlementId: number | null;
}

/** The payer as the registers name them; null when this community's registers have no such payer. */
export async function payerIdentity(tdb: TenantDb, payer: PayerRef): Promise<PayerIdentity | null> {
  if (payer.kind === 'resident') {
    const r = await tdb.selectFrom('residents').select(['last_name', 'first_name', 'patronymic', 'public_service_number', 'settlement_id'])
      .where('id', '=', payer.residentId).executeTakeFirst();
    return r ? { payer, name: [r.last_name, r.first_name, r.patronymic].filter(Boolean).join(' '), identifier: r.public_service_number, settlementId: r.settlement_id } : null;
  }
  const o = await tdb.selectFrom('organizations').select(['name', 'tax_id', 'settlement_id']).where('id', '=', payer.organizationId).executeTakeFirst();
  return o ? { payer, name: o.name, identifier: o.tax_id, settlementId: o.settlement_id } : null;
}
