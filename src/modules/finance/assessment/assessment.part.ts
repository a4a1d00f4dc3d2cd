// The finance module's assessment part: its tables, routes, jobs and vocabulary (see ../part.ts).
import type { FinancePart } from '../part.ts';

/** The tables this part's migrations create (composed into FinanceTables). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FinanceAssessmentTables {}

/** This part's message catalogues (defineMessages results), for the manifest and the key types. */
export const financeAssessmentMessageParts = [] as const;

export const financeAssessmentPart: FinancePart = {
  messages: financeAssessmentMessageParts,
};
