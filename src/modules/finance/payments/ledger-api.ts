// The ledger's reading and allocation API this part uses (ledger/balances.ts and
// ledger/allocate.ts, by the ledger part), in one place, with the payer reference type.
export { obligationBalances, payerBalance } from '../ledger/balances.ts';
export { applyPayment } from '../ledger/allocate.ts';
export { statement } from '../ledger/statement.ts';

export type PayerRef = { kind: 'resident'; residentId: number } | { kind: 'organization'; organizationId: number };

export const payerColumns = (p: PayerRef) => (p.kind === 'resident'
  ? { payer_kind: 'resident' as const, resident_id: p.residentId, organization_id: null }
  : { payer_kind: 'organization' as const, resident_id: null, organization_id: p.organizationId });

export const payerOfRow = (r: { payer_kind: string | null; resident_id: number | null; organization_id: number | null }): PayerRef | null => {
  if (r.payer_kind === 'resident' && r.resident_id !== null) return { kind: 'resident', residentId: r.resident_id };
  if (r.payer_kind === 'organization' && r.organization_id !== null) return { kind: 'organization', organizationId: r.organization_id };
  return null;
};
