// The ledger's reading and allocation API this part uses (by the ledger part), in one place.
export { obligationBalances, payerBalance, penaltyContext, type ObligationBalance } from '../ledger/balances.ts';
export { applyPayment } from '../ledger/allocate.ts';
export { payerColumns, payerOfRow, payerKey, parsePayerKey, payerIdentity, type PayerRef } from '../ledger/payer.ts';
