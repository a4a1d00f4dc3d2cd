// The rules in force for one tax year, national rows overridden by a community's own: what
// the calculator, the assessment and the estimator compute with. Rules are read from the
// dated table every time, so a corrected rule is used from the next computation on.
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { FinRulesTable } from './rules.table.ts';
import { RULE_KINDS, type RuleDataByKind, type RuleKind, type RuleRef } from './rules.types.ts';

/** One rule row with its data parsed. */
export interface LoadedRule<K extends RuleKind = RuleKind> {
  ref: RuleRef;
  communityId: number | null;
  validTo: string | null;
  source: string | null;
  data: RuleDataByKind[K];
}

export interface RuleSet {
  year: number;
  communityId: number | null;
  rules: { [K in RuleKind]?: LoadedRule<K> };
}

/** No row of this kind is in force for the year: the national administrator has to add one. */
export class RuleMissingError extends Error {
  /** `what`: the part of the rule that is missing (a property kind's table, a vehicle class). */
  constructor(readonly kind: RuleKind, readonly year: number, readonly what?: string) {
    super(`no ${kind} rule${what ? ` for ${what}` : ''} is in force for the tax year ${year}`);
    this.name = 'RuleMissingError';
  }
}

export function loadedRule<K extends RuleKind>(row: Selectable<FinRulesTable> & { kind: K }): LoadedRule<K> {
  return {
    ref: { kind: row.kind, ruleId: row.id, legalRef: row.legal_ref, verification: row.verification, validFrom: row.valid_from },
    communityId: row.community_id,
    validTo: row.valid_to,
    source: row.source,
    data: JSON.parse(row.data) as RuleDataByKind[K],
  };
}

/** Is the row in force on this day (YYYY-MM-DD, bounds inclusive)? */
export const inForceOn = (r: { valid_from: string; valid_to: string | null }, day: string): boolean =>
  r.valid_from <= day && (r.valid_to == null || r.valid_to >= day);

/**
 * The rules for tax year `year`: of each kind, the row in force on 1 January of that year
 * (the tax period is the calendar year, so a rule that starts during a year governs the
 * next one), the community's own row where it has one, else the national row.
 */
export async function loadRuleSet(db: Kysely<Database>, year: number, communityId?: number): Promise<RuleSet> {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) throw new RangeError(`not a tax year: ${year}`);
  const day = `${String(year).padStart(4, '0')}-01-01`;
  // Narrowed in SQL to the rows in force that day; ruleSetFrom does the final pick.
  const rows = await db.selectFrom('fin_rules').selectAll()
    .where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]))
    .where((eb) => (communityId == null ? eb('community_id', 'is', null) : eb.or([eb('community_id', 'is', null), eb('community_id', '=', communityId)])))
    .execute();
  return ruleSetFrom(rows, year, communityId);
}

/**
 * The pick itself, over rows already read (the tests and the editors' previews use it on
 * rows of their own): of each kind, among the rows of the nation and of this community in
 * force on 1 January, the community's own first, then the latest start.
 */
export function ruleSetFrom(rows: Selectable<FinRulesTable>[], year: number, communityId?: number): RuleSet {
  const day = `${String(year).padStart(4, '0')}-01-01`;
  const rules: RuleSet['rules'] = {};
  for (const kind of RULE_KINDS) {
    const mine = rows.filter((r) => r.kind === kind && inForceOn(r, day) && (r.community_id == null || r.community_id === communityId));
    // Two rows in force the same day are an editing mistake the editor prevents; the
    // newest is the likeliest intended one.
    mine.sort((a, b) => Number(b.community_id != null) - Number(a.community_id != null) || b.valid_from.localeCompare(a.valid_from) || b.id - a.id);
    if (mine[0]) (rules as Record<string, LoadedRule>)[kind] = loadedRule(mine[0]);
  }
  return { year, communityId: communityId ?? null, rules };
}

/** The rule of a kind in the set, or RuleMissingError. */
export function ruleOf<K extends RuleKind>(rs: RuleSet, kind: K): LoadedRule<K> {
  const rule = rs.rules[kind] as LoadedRule<K> | undefined;
  if (!rule) throw new RuleMissingError(kind, rs.year);
  return rule;
}
