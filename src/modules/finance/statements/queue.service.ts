// The accountant's side of the statements: the queue of lines no rule could match, the
// search for a payer, matching a line by hand (to a payer, optionally to some of their
// obligations) and setting aside a line that is not the community's. Every change is
// audited in its transaction; a line is resolved once (a second accountant gets a conflict).
import type { AuditActor } from '../../../platform/audit/audit.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { conflict, notFound, badRequest } from '../../../platform/http/errors.ts';
import { stripControls } from '../../../platform/http/controls.ts';
import { foldWord } from '../../../platform/search/fold.ts';
import { auditResidentsShown } from '../../registry/index.ts';
import type { PayerKind, PayerRef } from '../ledger/ledger.table.ts';
import { obligationBalances, type ObligationBalance } from '../ledger/balances.ts';
import { MAPPINGS, SOURCES, type StatementSource } from './mappings.ts';
import type { Payer } from './match.ts';
import { postPayment, withRetryOnConflict } from './post.ts';

export const LINE_COLUMNS = [
  'id', 'import_id', 'source', 'line_no', 'bank_txn_id', 'raw', 'paid_on', 'amount', 'payer_name', 'payer_identifier', 'purpose',
  'status', 'reason', 'reasons', 'payer_kind', 'resident_id', 'organization_id', 'payment_id', 'note', 'resolved_at',
] as const;

export async function findLine(tdb: TenantDb, id: number) {
  return tdb.selectFrom('fin_stmt_lines').select(LINE_COLUMNS).where('id', '=', id).executeTakeFirst();
}
export type LineRow = NonNullable<Awaited<ReturnType<typeof findLine>>>;

export const QUEUE_PAGE = 50;

/** Unmatched lines of every import, oldest payment first. */
export async function unmatchedQueue(tdb: TenantDb, page: number) {
  const base = tdb.selectFrom('fin_stmt_lines').where('status', '=', 'unmatched');
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base.select(LINE_COLUMNS).orderBy('paid_on').orderBy('id').limit(QUEUE_PAGE).offset((page - 1) * QUEUE_PAGE).execute();
  return { rows, total: Number(n) };
}

export interface PayerHit extends Payer {
  identifier: string | null;
}

/**
 * Residents and organizations by public service number, tax ID or name (each word folded
 * and matched by prefix, as the registers' own search does). The residents shown are
 * audited as seen through a search, like any other read of the population register.
 */
export async function searchPayers(tdb: TenantDb, actor: AuditActor, q: string, limit = 20): Promise<PayerHit[]> {
  const text = stripControls(q).trim();
  if (!text) return [];
  const digits = text.replace(/\s/g, '');
  let residents: { id: number; first_name: string; last_name: string; public_service_number: string | null }[] = [];
  let organizations: { id: number; name: string; tax_id: string }[] = [];
  if (/^\d{10}$/.test(digits)) {
    residents = await tdb.selectFrom('residents').select(['id', 'first_name', 'last_name', 'public_service_number']).where('public_service_number', '=', digits).limit(limit).execute();
  } else if (/^\d{8}$/.test(digits)) {
    organizations = await tdb.selectFrom('organizations').select(['id', 'name', 'tax_id']).where('tax_id', '=', digits).limit(limit).execute();
  } else {
    const keys = text.split(/\s+/).slice(0, 4).map(foldWord).filter(Boolean).map((k) => k.slice(0, 60));
    if (!keys.length) return [];
    const having = (entity: 'resident' | 'organization', key: string) => tdb.selectFrom('search_keys').select('search_keys.entity_id')
      .where('search_keys.entity', '=', entity).where('search_keys.key', '>=', key).where('search_keys.key', '<', `${key}{`);
    let rq = tdb.selectFrom('residents').select(['id', 'first_name', 'last_name', 'public_service_number']);
    let oq = tdb.selectFrom('organizations').select(['id', 'name', 'tax_id']);
    for (const k of keys) {
      rq = rq.where('id', 'in', having('resident', k));
      oq = oq.where('id', 'in', having('organization', k));
    }
    residents = await rq.orderBy('last_name').orderBy('first_name').orderBy('id').limit(limit).execute();
    organizations = await oq.orderBy('name').orderBy('id').limit(limit).execute();
  }
  await auditResidentsShown(tdb, actor, 'search', residents.map((r) => ({ residentId: r.id })));
  return [
    ...residents.map((r) => ({ kind: 'resident' as const, id: r.id, name: `${r.first_name} ${r.last_name}`, identifier: r.public_service_number })),
    ...organizations.map((o) => ({ kind: 'organization' as const, id: o.id, name: o.name, identifier: o.tax_id })),
  ];
}

/** The payer in this community, or null (another community's id is not found). */
export async function findPayer(tdb: TenantDb, kind: PayerKind, id: number): Promise<PayerHit | null> {
  if (kind === 'resident') {
    const r = await tdb.selectFrom('residents').select(['id', 'first_name', 'last_name', 'public_service_number']).where('id', '=', id).executeTakeFirst();
    return r ? { kind, id: r.id, name: `${r.first_name} ${r.last_name}`, identifier: r.public_service_number } : null;
  }
  const o = await tdb.selectFrom('organizations').select(['id', 'name', 'tax_id']).where('id', '=', id).executeTakeFirst();
  return o ? { kind, id: o.id, name: o.name, identifier: o.tax_id } : null;
}

export const payerRef = (p: Pick<Payer, 'kind' | 'id'>): PayerRef =>
  (p.kind === 'resident' ? { kind: 'resident', residentId: p.id } : { kind: 'organization', organizationId: p.id });

/** The payer's active obligations with something due on `asOf`, oldest first, for choosing what a payment is for. */
export async function payerObligations(tdb: TenantDb, payer: Pick<Payer, 'kind' | 'id'>, asOf: string): Promise<ObligationBalance[]> {
  const rows = await obligationBalances(tdb, { payer: payerRef(payer) }, asOf);
  return rows.filter((o) => o.status === 'active' && o.due > 0);
}

const sourceOf = (s: string): StatementSource => {
  if (!(SOURCES as readonly string[]).includes(s)) throw new Error(`statement line of an unknown source ${s}`);
  return s as StatementSource;
};

export interface ManualMatch {
  payerKind: PayerKind;
  payerId: number;
  obligationIds: number[];
  note: string | null;
}

/** Matches an unmatched line by hand: the payment is recorded and allocated as an automatic match would be. */
export async function matchByHand(tdb: TenantDb, actor: AuditActor, lineId: number, input: ManualMatch): Promise<void> {
  await withRetryOnConflict(() => tdb.transaction(async (tx, raw) => {
    const line = await findLine(tx, lineId);
    if (!line) throw notFound();
    const payer = await findPayer(tx, input.payerKind, input.payerId);
    if (!payer) throw badRequest({ payer: 'finance.statements.error.payer' });
    const own = new Set((await payerObligations(tx, payer, line.paid_on!)).map((o) => o.id));
    if (input.obligationIds.some((id) => !own.has(id))) throw badRequest({ obligation: 'finance.statements.error.obligation' });
    // The condition on status makes the line resolved once, whoever comes first.
    const at = new Date().toISOString();
    const taken = await tx.updateTable('fin_stmt_lines')
      .set({ status: 'matched', reason: 'finance.statements.match.byHand', reasons: JSON.stringify([{ reason: 'finance.statements.match.byHand' }]),
        payer_kind: payer.kind, resident_id: payer.kind === 'resident' ? payer.id : null, organization_id: payer.kind === 'organization' ? payer.id : null,
        note: input.note, resolved_by_user_id: actor.userId, resolved_at: at })
      .where('id', '=', lineId).where('status', '=', 'unmatched').executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) throw conflict({ line: 'finance.statements.error.resolved' });
    const paymentId = await postPayment(tx, MAPPINGS[sourceOf(line.source)],
      { txnId: line.bank_txn_id!, paidOn: line.paid_on!, amount: line.amount!, payerName: line.payer_name, reference: line.purpose?.slice(0, 200) ?? null },
      payer, { obligationIds: input.obligationIds.length ? input.obligationIds : undefined, actor });
    await tx.updateTable('fin_stmt_lines').set({ payment_id: paymentId }).where('id', '=', lineId).execute();
    await tx.updateTable('fin_stmt_imports').set((eb) => ({ matched_count: eb('matched_count', '+', 1), unmatched_count: eb('unmatched_count', '-', 1) }))
      .where('id', '=', line.import_id).execute();
    await appendAudit(raw, actor, {
      communityId: tx.communityId, action: 'finance.statement.match', entityType: 'statement_line', entityId: lineId,
      before: { status: 'unmatched' }, after: { status: 'matched', payer: `${payer.kind}:${payer.id}`, obligations: input.obligationIds, payment_id: paymentId, note: input.note },
    });
  }));
}

/** Sets a line aside as not the community's money (a transfer to another account, a bank's own entry). */
export async function ignoreLine(tdb: TenantDb, actor: AuditActor, lineId: number, note: string): Promise<void> {
  await tdb.transaction(async (tx, raw) => {
    const line = await findLine(tx, lineId);
    if (!line) throw notFound();
    const taken = await tx.updateTable('fin_stmt_lines')
      .set({ status: 'ignored', reason: 'finance.statements.match.ignored', reasons: JSON.stringify([{ reason: 'finance.statements.match.ignored' }]),
        note, resolved_by_user_id: actor.userId, resolved_at: new Date().toISOString() })
      .where('id', '=', lineId).where('status', '=', 'unmatched').executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) throw conflict({ line: 'finance.statements.error.resolved' });
    await tx.updateTable('fin_stmt_imports').set((eb) => ({ unmatched_count: eb('unmatched_count', '-', 1) })).where('id', '=', line.import_id).execute();
    await appendAudit(raw, actor, {
      communityId: tx.communityId, action: 'finance.statement.ignore', entityType: 'statement_line', entityId: lineId,
      before: { status: 'unmatched' }, after: { status: 'ignored', note },
    });
  });
}
