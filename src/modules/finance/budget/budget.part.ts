// The finance module's budget part: its tables, routes, jobs and vocabulary (see ../part.ts).
import type { FinancePart } from '../part.ts';

/** The tables this part's migrations create (composed into FinanceTables). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FinanceBudgetTables {}

/** This part's message catalogues (defineMessages results), for the manifest and the key types. */
export const financeBudgetMessageParts = [] as const;

export const financeBudgetPart: FinancePart = {
  messages: financeBudgetMessageParts,
};
