// How the ledger's figures and words read on pages and on paper: obligation and entry kinds,
// components, signed amounts and the staff URLs of a payer.
import type { Translate } from '../../../platform/i18n/index.ts';
import { formatAmd } from '../../../platform/i18n/index.ts';
import type { EntryKind, ObligationKind, PayerRef } from './ledger.table.ts';

export const obligationKindLabel = (t: Translate, kind: ObligationKind) => t(`finance.ledger.kind.${kind}`);
export const entryKindLabel = (t: Translate, kind: EntryKind) => t(`finance.ledger.entry.${kind}`);
export const componentLabel = (t: Translate, c: 'principal' | 'penalty') => t(c === 'principal' ? 'finance.ledger.principal' : 'finance.ledger.penalty');

/** Money with its sign written out (− for what lowers the debt). */
export const signedAmd = (amount: number) => (amount < 0 ? `−${formatAmd(-amount)}` : formatAmd(amount));

/** /{slug}/staff/finance/payers/residents/12 or …/organizations/7. */
export function payerPath(slug: string, payer: PayerRef): string {
  return payer.kind === 'resident' ? `/${slug}/staff/finance/payers/residents/${payer.residentId}` : `/${slug}/staff/finance/payers/organizations/${payer.organizationId}`;
}
