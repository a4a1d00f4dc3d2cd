// The payments part's tables: a community's payment connections (which provider, which
// merchant account, its secret), the payment intents started online, the receipts issued
// for recorded payments, and the link between an organization and the accounts of its
// representatives (the registers have none; "my taxes" needs one). Money is whole drams.
import type { Generated } from 'kysely';
import type { PayerKind } from '../ledger/ledger.table.ts';

export const PROVIDER_NAMES = ['idram', 'vpos'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];
export type IntentStatus = 'pending' | 'paid' | 'failed' | 'expired';

export interface FinPaymentProvidersTable {
  id: Generated<number>;
  community_id: number;
  provider: ProviderName;
  /** Idram: the merchant's receiving account (EDP_REC_ACCOUNT); vPOS: the merchant's client id. */
  merchant_id: string;
  /** vPOS: the API user name; Idram has none. */
  username: string | null;
  /** Idram: SECRET_KEY; vPOS: the API password, which also keys the callback's signature. Never shown back. */
  secret: string;
  /** The provider's base address (the stand-in's on loopback in tests and the demo). */
  gateway_url: string;
  enabled: number;
  updated_at: string;
}

export interface FinPaymentIntentsTable {
  id: Generated<number>;
  community_id: number;
  /** What the provider is told the bill is (Idram EDP_BILL_NO, vPOS orderNumber): unique per community. */
  bill_no: string;
  provider: ProviderName;
  payer_kind: PayerKind;
  resident_id: number | null;
  organization_id: number | null;
  payer_name: string;
  /** JSON array of the obligation ids this payment is for, in the order chosen. */
  obligation_ids: string;
  amount: number;
  status: IntentStatus;
  /** The provider's id of the order (vPOS orderId / PaymentID); Idram gives none before paying. */
  provider_order_id: string | null;
  /** The provider's transaction id once paid (with provider: the payment's unique key). */
  provider_txn_id: string | null;
  payment_id: number | null;
  /** Where the payer returns afterwards: a path on this site (the case page, "my taxes"). */
  return_path: string;
  /** What the payment is for, as the provider's page shows it. */
  description: string;
  user_id: number | null;
  created_at: string;
  updated_at: string;
  /** When the reconciliation job last asked the provider. */
  checked_at: string | null;
}

export interface FinReceiptsTable {
  id: Generated<number>;
  community_id: number;
  payment_id: number;
  /** Per community and year without gaps: "2026/000012". */
  number: string;
  /** The verification code printed with the QR code (the issued-documents register's code). */
  code: string;
  sha256: string;
  issued_at: string;
}

export interface FinOrgRepresentativesTable {
  id: Generated<number>;
  community_id: number;
  organization_id: number;
  user_id: number;
  added_by_user_id: number | null;
  added_at: string;
}

export interface FinancePaymentsTables {
  fin_payment_providers: FinPaymentProvidersTable;
  fin_payment_intents: FinPaymentIntentsTable;
  fin_receipts: FinReceiptsTable;
  fin_org_representatives: FinOrgRepresentativesTable;
}
