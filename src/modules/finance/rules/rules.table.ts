// Tax rules as data: one row per rule kind and validity, national (community_id null,
// edited by the national administrator) or a community's own (its reliefs, its fees).
// The shape of `data` per kind is in rules.types.ts.
import type { Generated } from 'kysely';
import type { RuleKind } from './rules.types.ts';

export interface FinRulesTable {
  id: Generated<number>;
  /** null: a national rule. */
  community_id: number | null;
  kind: RuleKind;
  /** Validity, YYYY-MM-DD inclusive; valid_to null: still in force. */
  valid_from: string;
  valid_to: string | null;
  /** JSON of the kind's data type (rules.types.ts). */
  data: string;
  /** The legal reference: "Tax Code ՀՕ-165-Ն, Art 233(7)". */
  legal_ref: string;
  /** Where the figure was read, for whoever checks it. */
  source: string | null;
  /** 'to_check': shipped from a partly shown or unverified source ([P]/[U]); the UI shows the mark. */
  verification: 'verified' | 'to_check';
  updated_by_user_id: number | null;
  updated_at: string;
}
