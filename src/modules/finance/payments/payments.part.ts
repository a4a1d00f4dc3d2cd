// The finance module's payments part: its tables, routes, jobs and vocabulary (see ../part.ts).
import type { FinancePart } from '../part.ts';

/** The tables this part's migrations create (composed into FinanceTables). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FinancePaymentsTables {}

/** This part's message catalogues (defineMessages results), for the manifest and the key types. */
export const financePaymentsMessageParts = [] as const;

export const financePaymentsPart: FinancePart = {
  messages: financePaymentsMessageParts,
};
