// For the tests: the shipped national defaults as table rows, without a database, so the
// calculations are tested against the very figures the migration seeds.
import type { Selectable } from 'kysely';
import type { FinRulesTable } from './rules.table.ts';
import { NATIONAL_DEFAULTS } from './rules.seed.ts';
import { ruleSetFrom, type RuleSet } from './rules.service.ts';

export function defaultRows(): Selectable<FinRulesTable>[] {
  return NATIONAL_DEFAULTS.map((r, i) => ({
    id: i + 1, community_id: null, kind: r.kind, valid_from: r.validFrom, valid_to: r.validTo, data: JSON.stringify(r.data),
    legal_ref: r.legalRef, source: r.source, verification: r.verification, updated_by_user_id: null, updated_at: '2026-12-07T00:00:00.000Z',
  }));
}

/** The national defaults in force for a tax year. */
export const defaults = (year: number): RuleSet => ruleSetFrom(defaultRows(), year);
