// Changing rules without rewriting history: a new validity period closes the period it
// follows (the day before it starts), a correction changes a row's values, reference or
// check mark; every change is audited with before and after in the same transaction. The
// national administrator changes national rows; a community changes only its own rows.
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { appendAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { badRequest, conflict, notFound } from '../../../platform/http/errors.ts';
import type { FinRulesTable } from './rules.table.ts';
import type { RuleKind, Verification } from './rules.types.ts';
import { checkRuleData } from './rules.data.schemas.ts';

export interface RuleContent {
  data: unknown;
  legalRef: string;
  source: string | null;
  verification: Verification;
}

export interface NewPeriod extends RuleContent {
  kind: RuleKind;
  /** YYYY-MM-DD */
  validFrom: string;
}

/** Whose rows: the nation's (null) or one community's. */
export type RuleScope = { communityId: number | null };

type Row = Selectable<FinRulesTable>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(s: string): boolean {
  if (!DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** What the audit keeps of a row: everything but the bookkeeping columns. */
const snapshot = (r: Row) => ({
  kind: r.kind, community_id: r.community_id, valid_from: r.valid_from, valid_to: r.valid_to,
  data: JSON.parse(r.data) as unknown, legal_ref: r.legal_ref, source: r.source, verification: r.verification,
});

function checkedData(kind: RuleKind, data: unknown): string {
  const ok = checkRuleData(kind, data);
  if (!ok) throw badRequest({ data: 'finance.rules.error.shape' });
  return JSON.stringify(ok);
}

const inScope = (scope: RuleScope) => (r: Row) => (scope.communityId == null ? r.community_id == null : r.community_id === scope.communityId);

/**
 * Adds a validity period. The period it follows (the latest to start before it, if still
 * open on that day) ends the day before; a period starting on that day or later must be
 * corrected instead, so two periods never overlap.
 */
export async function addRulePeriod(db: Kysely<Database>, actor: AuditActor, scope: RuleScope, input: NewPeriod): Promise<{ id: number; closedId: number | null }> {
  if (!isDay(input.validFrom)) throw badRequest({ valid_from: 'finance.rules.error.day' });
  const data = checkedData(input.kind, input.data);
  return db.transaction().execute(async (tx) => {
    const rows = (await tx.selectFrom('fin_rules').selectAll().where('kind', '=', input.kind).execute()).filter(inScope(scope));
    if (rows.some((r) => r.valid_from >= input.validFrom)) throw conflict({ valid_from: 'finance.rules.error.laterExists' });
    const prev = rows.filter((r) => r.valid_to == null || r.valid_to >= input.validFrom).sort((a, b) => b.valid_from.localeCompare(a.valid_from))[0];
    const at = new Date().toISOString();
    let closedId: number | null = null;
    if (prev) {
      const validTo = dayBefore(input.validFrom);
      await tx.updateTable('fin_rules').set({ valid_to: validTo, updated_by_user_id: actor.userId, updated_at: at }).where('id', '=', prev.id).execute();
      await appendAudit(tx, actor, {
        communityId: scope.communityId, action: 'finance.rule.period_closed', entityType: 'fin_rule', entityId: prev.id,
        before: { valid_to: prev.valid_to }, after: { valid_to: validTo },
      });
      closedId = prev.id;
    }
    const row = await tx.insertInto('fin_rules').values({
      community_id: scope.communityId, kind: input.kind, valid_from: input.validFrom, valid_to: null, data,
      legal_ref: input.legalRef, source: input.source, verification: input.verification, updated_by_user_id: actor.userId, updated_at: at,
    }).returningAll().executeTakeFirstOrThrow();
    await appendAudit(tx, actor, { communityId: scope.communityId, action: 'finance.rule.period_added', entityType: 'fin_rule', entityId: row.id, after: snapshot(row) });
    return { id: row.id, closedId };
  });
}

/** Corrects a row's values, reference, source or check mark (not its validity); 404 outside the scope. */
export async function correctRule(db: Kysely<Database>, actor: AuditActor, scope: RuleScope, ruleId: number, input: RuleContent): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('fin_rules').selectAll().where('id', '=', ruleId).executeTakeFirst();
    if (!before || !inScope(scope)(before)) throw notFound();
    const data = checkedData(before.kind, input.data);
    const after = await tx.updateTable('fin_rules')
      .set({ data, legal_ref: input.legalRef, source: input.source, verification: input.verification, updated_by_user_id: actor.userId, updated_at: new Date().toISOString() })
      .where('id', '=', ruleId).returningAll().executeTakeFirstOrThrow();
    await appendAudit(tx, actor, { communityId: scope.communityId, action: 'finance.rule.corrected', entityType: 'fin_rule', entityId: ruleId, before: snapshot(before), after: snapshot(after) });
  });
}

/** Every row of the scope (and, for a community, the national rows too), by kind then validity. */
export async function listRules(db: Kysely<Database>, communityId: number | null): Promise<Row[]> {
  let q = db.selectFrom('fin_rules').selectAll();
  q = communityId == null
    ? q.where('community_id', 'is', null)
    : q.where((eb) => eb.or([eb('community_id', 'is', null), eb('community_id', '=', communityId)]));
  return q.orderBy('kind').orderBy('valid_from').orderBy('id').execute();
}

export async function findRule(db: Kysely<Database>, ruleId: number): Promise<Row | undefined> {
  return db.selectFrom('fin_rules').selectAll().where('id', '=', ruleId).executeTakeFirst();
}
