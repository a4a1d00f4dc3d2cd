// The budget's use-cases: start a year's draft, load its plan from a file, adopt it by a
// council decision, amend it by a later decision, import a Treasury execution report.
// Each runs in one transaction with its audit event; bad input writes nothing.
import { createHash } from 'node:crypto';
import type { AuditActor } from '../../../platform/audit/audit.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { readMapped, parseDrams, type FileRow } from './budget.file.ts';
import { EXECUTION_COLUMNS, PLAN_COLUMNS, directionOf, monthOf, partOf } from './budget.columns.ts';
import { normalizeEconomic, normalizeFunctional } from './classification.ts';
import { planLines, type Budget } from './budget.report.ts';
import type { BudgetDirection, BudgetPart } from './budget.table.ts';

/** A refusal the page shows next to the field it is about. */
export class BudgetRefused extends Error {
  constructor(readonly messageKey: MessageKey, readonly field = '_form') {
    super(messageKey);
  }
}

export interface RowProblem {
  line: number;
  reason: MessageKey;
}

export interface Decision {
  number: string;
  date: string;
}

const now = () => new Date().toISOString();

async function budgetById(tenant: TenantDb, id: number): Promise<Budget> {
  const b = await tenant.selectFrom('fin_budgets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!b) throw new BudgetRefused('finance.budget.error.noBudget');
  return b;
}

export async function createBudget(tenant: TenantDb, actor: AuditActor, year: number): Promise<number> {
  return tenant.transaction(async (tx, raw) => {
    const exists = await tx.selectFrom('fin_budgets').select('id').where('year', '=', year).executeTakeFirst();
    if (exists) throw new BudgetRefused('finance.budget.error.exists', 'year');
    const at = now();
    const { id } = await tx.insertInto('fin_budgets', { year, status: 'draft', decision_number: null, decision_date: null, decision_id: null, created_at: at, updated_at: at })
      .returning('id').executeTakeFirstOrThrow();
    await appendAudit(raw, actor, { communityId: tx.communityId, action: 'finance.budget.create', entityType: 'fin_budget', entityId: id, after: { year } });
    return id;
  });
}

interface PlanLine { direction: BudgetDirection; part: BudgetPart; functional_code: string; economic_code: string; name: string; approved: number }

function planRow(r: FileRow): PlanLine | MessageKey {
  const direction = directionOf(r.cells.direction!);
  if (!direction) return 'finance.budget.row.direction';
  const part = partOf(r.cells.part!);
  if (!part) return 'finance.budget.row.part';
  const economic = normalizeEconomic(r.cells.economic!);
  if (!economic) return 'finance.budget.row.economic';
  const functional = direction === 'expense' ? normalizeFunctional(r.cells.functional!) : '';
  if (functional === null) return 'finance.budget.row.functional';
  const approved = parseDrams(r.cells.approved!);
  if (approved === null) return 'finance.budget.row.amount';
  return { direction, part, functional_code: functional, economic_code: economic, name: r.cells.name!.slice(0, 300), approved };
}

/**
 * Replaces a draft's lines with those of the file. All or nothing: one bad row and the
 * plan stays as it was, with every problem listed (a plan with holes would be adopted so).
 */
export async function importPlan(tenant: TenantDb, actor: AuditActor, budgetId: number, file: Buffer): Promise<{ lines: number; problems: RowProblem[] }> {
  const rows = await readMapped(file, PLAN_COLUMNS);
  const problems: RowProblem[] = [];
  const lines: PlanLine[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const line = planRow(r);
    if (typeof line === 'string') {
      problems.push({ line: r.line, reason: line });
      continue;
    }
    const key = `${line.direction}|${line.part}|${line.functional_code}|${line.economic_code}`;
    if (seen.has(key)) problems.push({ line: r.line, reason: 'finance.budget.row.duplicate' });
    seen.add(key);
    lines.push(line);
  }
  if (!rows.length) throw new BudgetRefused('finance.budget.file.empty', 'file');
  if (problems.length) return { lines: 0, problems };
  return tenant.transaction(async (tx, raw) => {
    const budget = await budgetById(tx, budgetId);
    if (budget.status !== 'draft') throw new BudgetRefused('finance.budget.error.adopted');
    await tx.deleteFrom('fin_budget_lines').where('budget_id', '=', budgetId).execute();
    await tx.insertInto('fin_budget_lines', lines.map((l) => ({ ...l, budget_id: budgetId }))).execute();
    await tx.updateTable('fin_budgets').set({ updated_at: now() }).where('id', '=', budgetId).execute();
    const total = (d: BudgetDirection) => lines.filter((l) => l.direction === d).reduce((s, l) => s + l.approved, 0);
    await appendAudit(raw, actor, {
      communityId: tx.communityId, action: 'finance.budget.plan_import', entityType: 'fin_budget', entityId: budgetId,
      after: { year: budget.year, lines: lines.length, revenue: total('revenue'), expense: total('expense') },
    });
    return { lines: lines.length, problems };
  });
}

export async function adoptBudget(tenant: TenantDb, actor: AuditActor, budgetId: number, decision: Decision): Promise<void> {
  await tenant.transaction(async (tx, raw) => {
    const budget = await budgetById(tx, budgetId);
    if (budget.status !== 'draft') throw new BudgetRefused('finance.budget.error.adopted');
    const has = await tx.selectFrom('fin_budget_lines').select('id').where('budget_id', '=', budgetId).limit(1).executeTakeFirst();
    if (!has) throw new BudgetRefused('finance.budget.error.noLines');
    await tx.updateTable('fin_budgets').set({ status: 'adopted', decision_number: decision.number, decision_date: decision.date, updated_at: now() })
      .where('id', '=', budgetId).execute();
    await appendAudit(raw, actor, { communityId: tx.communityId, action: 'finance.budget.adopt', entityType: 'fin_budget', entityId: budgetId, before: { status: 'draft' }, after: { status: 'adopted', decision } });
  });
}

/**
 * An amendment by a council decision: changes of lines' plans (whole drams, ±), kept as
 * history. A line's adjusted plan may not fall below zero.
 */
export async function amendBudget(
  tenant: TenantDb, actor: AuditActor, budgetId: number, decision: Decision & { note: string | null }, deltas: Map<number, number>,
): Promise<number> {
  const changes = [...deltas].filter(([, d]) => d !== 0);
  if (!changes.length) throw new BudgetRefused('finance.budget.error.noChange');
  return tenant.transaction(async (tx, raw) => {
    const budget = await budgetById(tx, budgetId);
    if (budget.status !== 'adopted') throw new BudgetRefused('finance.budget.error.notAdopted');
    const lines = new Map((await planLines(tx, budgetId)).map((l) => [l.id!, l]));
    for (const [id, delta] of changes) {
      const line = lines.get(id);
      if (!line) throw new BudgetRefused('finance.budget.error.noLine');
      if (line.adjusted + delta < 0) throw new BudgetRefused('finance.budget.error.negative', `line_${id}`);
    }
    const { id } = await tx.insertInto('fin_budget_amendments', {
      budget_id: budgetId, decision_number: decision.number, decision_date: decision.date, decision_id: null, note: decision.note, actor_user_id: actor.userId, created_at: now(),
    }).returning('id').executeTakeFirstOrThrow();
    await tx.insertInto('fin_budget_amendment_lines', changes.map(([lineId, delta]) => ({ amendment_id: id, line_id: lineId, delta }))).execute();
    await appendAudit(raw, actor, {
      communityId: tx.communityId, action: 'finance.budget.amend', entityType: 'fin_budget', entityId: budgetId,
      after: { amendmentId: id, decision: { number: decision.number, date: decision.date }, changes: changes.map(([lineId, delta]) => ({ lineId, delta })) },
    });
    return id;
  });
}

export interface ExecutionImport {
  importId: number;
  /** The same file was imported before: nothing changed. */
  repeated: boolean;
  applied: number;
  problems: RowProblem[];
}

/**
 * A Treasury execution report for the budget's expense lines. Good rows set the executed
 * amount of their line and month (a later report for the same month replaces the figure);
 * bad rows are reported and skipped. The same file again changes nothing.
 */
export async function importExecution(tenant: TenantDb, actor: AuditActor, budgetId: number, fileName: string, file: Buffer): Promise<ExecutionImport> {
  const sha256 = createHash('sha256').update(file).digest('hex');
  const budget = await budgetById(tenant, budgetId);
  const before = await tenant.selectFrom('fin_budget_exec_imports').selectAll().where('budget_id', '=', budgetId).where('sha256', '=', sha256).executeTakeFirst();
  if (before) return { importId: before.id, repeated: true, applied: before.rows_applied, problems: JSON.parse(before.report_json) as RowProblem[] };
  if (budget.status !== 'adopted') throw new BudgetRefused('finance.budget.error.notAdopted', 'file');
  const rows = await readMapped(file, EXECUTION_COLUMNS);
  if (!rows.length) throw new BudgetRefused('finance.budget.file.empty', 'file');
  const lines = await tenant.selectFrom('fin_budget_lines').select(['id', 'part', 'functional_code', 'economic_code']).where('budget_id', '=', budgetId).where('direction', '=', 'expense').execute();
  const lineOf = new Map(lines.map((l) => [`${l.part}|${l.functional_code}|${l.economic_code}`, l.id]));
  const problems: RowProblem[] = [];
  const good = new Map<string, { lineId: number; period: string; amount: number }>();
  for (const r of rows) {
    const part = partOf(r.cells.part!);
    const functional = normalizeFunctional(r.cells.functional!);
    const economic = normalizeEconomic(r.cells.economic!);
    const period = monthOf(r.cells.period!, budget.year);
    const amount = parseDrams(r.cells.executed!, true);
    const reason: MessageKey | null = !part ? 'finance.budget.row.part' : !functional ? 'finance.budget.row.functional' : !economic ? 'finance.budget.row.economic'
      : !period ? 'finance.budget.row.period' : amount === null ? 'finance.budget.row.amount' : null;
    const lineId = reason ? undefined : lineOf.get(`${part}|${functional}|${economic}`);
    const key = `${lineId}|${period}`;
    const problem = reason ?? (lineId === undefined ? 'finance.budget.row.noLine' : good.has(key) ? 'finance.budget.row.duplicate' : null);
    if (problem) problems.push({ line: r.line, reason: problem });
    else good.set(key, { lineId: lineId!, period: period!, amount: amount! });
  }
  return tenant.transaction(async (tx, raw) => {
    const { id } = await tx.insertInto('fin_budget_exec_imports', {
      budget_id: budgetId, sha256, file_name: fileName.slice(0, 255), rows_applied: good.size, rows_rejected: problems.length,
      report_json: JSON.stringify(problems), actor_user_id: actor.userId, created_at: now(),
    }).returning('id').executeTakeFirstOrThrow();
    for (const g of good.values()) {
      await tx.deleteFrom('fin_budget_execution').where('line_id', '=', g.lineId).where('period', '=', g.period).execute();
      await tx.insertInto('fin_budget_execution', { line_id: g.lineId, period: g.period, amount: g.amount, import_id: id }).execute();
    }
    await appendAudit(raw, actor, {
      communityId: tx.communityId, action: 'finance.budget.execution_import', entityType: 'fin_budget', entityId: budgetId,
      after: { importId: id, file: fileName.slice(0, 255), sha256, applied: good.size, rejected: problems.length },
    });
    return { importId: id, repeated: false, applied: good.size, problems };
  });
}
