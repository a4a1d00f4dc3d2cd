// Importing one statement file: read it whole first (a file that cannot be read is
// refused before anything is written), then in one transaction store the import, each
// line with its outcome, and a payment for each line that matches. The same file twice
// is found by its hash and adds nothing; a statement overlapping an earlier one adds only
// the lines whose bank transaction id is new.
import { createHash } from 'node:crypto';
import type { AuditActor } from '../../../platform/audit/audit.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { MAPPINGS, type StatementMapping, type StatementSource } from './mappings.ts';
import { readStatementFile, Unreadable } from './read.ts';
import { columnsOf, parseRow, type ParsedLine, type Problem } from './parse.ts';
import { matchLine, type MatchResult } from './match.ts';
import { postPayment, withRetryOnConflict } from './post.ts';
import type { StatementLineStatus } from './statements.table.ts';

export interface ImportInput {
  source: StatementSource;
  fileName: string;
  data: Buffer;
}

export interface ImportOutcome {
  importId: number;
  /** The same file was imported before: nothing was written, this is the earlier import. */
  repeated: boolean;
}

const now = () => new Date().toISOString();
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function earlierImport(tdb: TenantDb, hash: string): Promise<number | null> {
  const row = await tdb.selectFrom('fin_stmt_imports').select('id').where('sha256', '=', hash).executeTakeFirst();
  return row?.id ?? null;
}

async function lineExists(tdb: TenantDb, source: string, txnId: string): Promise<boolean> {
  return !!(await tdb.selectFrom('fin_stmt_lines').select('id').where('source', '=', source).where('bank_txn_id', '=', txnId).executeTakeFirst());
}

/** Reads and checks the whole file; throws Unreadable when it cannot be used at all. */
export async function readStatement(mapping: StatementMapping, data: Buffer): Promise<ParsedLine[]> {
  const table = await readStatementFile(data, mapping);
  const cols = columnsOf(table, mapping);
  if (table.rows.length === 0) throw new Unreadable('finance.statements.file.noRows');
  return table.rows.map((row) => parseRow(row, table, cols, mapping));
}

export async function importStatement(tdb: TenantDb, actor: AuditActor, input: ImportInput): Promise<ImportOutcome> {
  const mapping = MAPPINGS[input.source];
  const lines = await readStatement(mapping, input.data);
  const hash = sha256(input.data);
  const before = await earlierImport(tdb, hash);
  if (before) return { importId: before, repeated: true };

  return withRetryOnConflict(() => tdb.transaction(async (tx, raw) => {
    // Checked again inside: a concurrent upload of the same file may have committed meanwhile.
    const again = await earlierImport(tx, hash);
    if (again) return { importId: again, repeated: true };
    const created = now();
    const { id: importId } = await tx.insertInto('fin_stmt_imports', {
      source: mapping.source, file_name: input.fileName.slice(0, 255), sha256: hash, line_count: lines.length,
      matched_count: 0, unmatched_count: 0, rejected_count: 0, duplicate_count: 0, actor_user_id: actor.userId, created_at: created,
    }).returning('id').executeTakeFirstOrThrow();

    const counts: Record<StatementLineStatus | 'duplicate', number> = { matched: 0, unmatched: 0, rejected: 0, ignored: 0, duplicate: 0 };
    for (const line of lines) {
      if (line.txnId && (await lineExists(tx, mapping.source, line.txnId))) {
        counts.duplicate++;
        continue;
      }
      let status: StatementLineStatus;
      let problems: Problem[];
      let match: MatchResult | null = null;
      let paymentId: number | null = null;
      if (line.problems.length) {
        status = 'rejected';
        problems = line.problems;
      } else {
        match = await matchLine(tx, line);
        status = match.matched ? 'matched' : 'unmatched';
        problems = [{ reason: match.reason, ...(!match.matched && match.params ? { params: match.params } : {}) }];
        if (match.matched) {
          paymentId = await postPayment(tx, mapping, { txnId: line.txnId!, paidOn: line.paidOn!, amount: line.amount!, payerName: line.payerName, reference: match.reference },
            match.payer, { obligationIds: match.obligationIds, actor });
        }
      }
      counts[status]++;
      const payer = match?.matched ? match.payer : null;
      await tx.insertInto('fin_stmt_lines', {
        import_id: importId, source: mapping.source, line_no: line.line, bank_txn_id: line.txnId, raw: JSON.stringify(line.raw),
        paid_on: line.paidOn, amount: line.amount, payer_name: line.payerName, payer_identifier: line.payerId, purpose: line.purpose,
        status, reason: problems[0]!.reason, reasons: JSON.stringify(problems),
        payer_kind: payer?.kind ?? null, resident_id: payer?.kind === 'resident' ? payer.id : null, organization_id: payer?.kind === 'organization' ? payer.id : null,
        payment_id: paymentId, note: null, resolved_by_user_id: null, resolved_at: null, created_at: created,
      }).execute();
    }
    const summary = { matched_count: counts.matched, unmatched_count: counts.unmatched, rejected_count: counts.rejected, duplicate_count: counts.duplicate };
    await tx.updateTable('fin_stmt_imports').set(summary).where('id', '=', importId).execute();
    await appendAudit(raw, actor, {
      communityId: tx.communityId, action: 'finance.statement.import', entityType: 'statement_import', entityId: importId,
      after: { source: mapping.source, file_name: input.fileName.slice(0, 255), sha256: hash, lines: lines.length, ...summary },
    });
    return { importId, repeated: false };
  }));
}
