// Automatic matching of a statement line to a payer and, when the payer quoted one, to
// what they paid for. Two clues, both from the community's own registers and ledger:
// - the payer's identifier: 10 digits is a resident's public service number (ՀԾՀ),
//   8 digits an organization's tax ID (ՀՎՀՀ);
// - references in the purpose text: a case's registration number ("2026/000338", which the
//   services module quotes as the payment reference for its fee) or the label an obligation
//   is billed under (a cadastral code such as 09-001-0123-0045 on a tax notice).
// A line matches when the clues name exactly one payer and do not contradict each other;
// anything else waits for the accountant, with the reason.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import type { PayerKind } from '../ledger/ledger.table.ts';

export interface Payer {
  kind: PayerKind;
  id: number;
  name: string;
}

export type MatchResult =
  | { matched: true; payer: Payer; obligationIds?: number[]; reason: MessageKey; reference: string | null }
  | { matched: false; reason: MessageKey; params?: Record<string, string> };

const CASE_NUMBER = /(?<!\d)\d{4}\/\d{6}(?!\d)/g;
const CADASTRAL_CODE = /(?<![\d-])\d{2}-\d{3}-\d{4}-\d{4}(?:-\d{1,4}){0,2}(?![\d-])/g;

/** The references quoted in a purpose text, in the order written, each once. */
export function referencesIn(purpose: string | null): string[] {
  if (!purpose) return [];
  const found = [...purpose.matchAll(CASE_NUMBER), ...purpose.matchAll(CADASTRAL_CODE)].sort((a, b) => a.index - b.index).map((m) => m[0]);
  return [...new Set(found)];
}

/** The payer a resident's or an organization's identifier names; several or none → null with why. */
export async function payerByIdentifier(tdb: TenantDb, identifier: string): Promise<Payer[] | null> {
  if (/^\d{10}$/.test(identifier)) {
    const rows = await tdb.selectFrom('residents').select(['id', 'first_name', 'last_name'])
      .where('public_service_number', '=', identifier).where('status', '!=', 'deceased').limit(2).execute();
    return rows.map((r) => ({ kind: 'resident' as const, id: r.id, name: `${r.first_name} ${r.last_name}` }));
  }
  if (/^\d{8}$/.test(identifier)) {
    const rows = await tdb.selectFrom('organizations').select(['id', 'name']).where('tax_id', '=', identifier).limit(2).execute();
    return rows.map((r) => ({ kind: 'organization' as const, id: r.id, name: r.name }));
  }
  return null;
}

/** Active obligations a reference names: through the case it numbers, or by the label it is billed under. */
async function obligationsFor(tdb: TenantDb, refs: string[]) {
  if (!refs.length) return [];
  const caseIds = (await tdb.selectFrom('cases').select('id').where('reg_number', 'in', refs).execute()).map((c) => c.id);
  return tdb.selectFrom('fin_obligations')
    .select(['id', 'payer_kind', 'resident_id', 'organization_id'])
    .where('status', '=', 'active')
    .where((eb) => eb.or([
      eb('subject_label', 'in', refs),
      ...(caseIds.length ? [eb.and([eb('subject_type', '=', 'case'), eb('subject_id', 'in', caseIds)])] : []),
    ]))
    .orderBy('due_on').orderBy('id')
    .execute();
}

const payerKey = (kind: PayerKind, id: number | null) => `${kind}:${id ?? ''}`;

async function payerName(tdb: TenantDb, kind: PayerKind, id: number): Promise<string> {
  if (kind === 'resident') {
    const r = await tdb.selectFrom('residents').select(['first_name', 'last_name']).where('id', '=', id).executeTakeFirstOrThrow();
    return `${r.first_name} ${r.last_name}`;
  }
  return (await tdb.selectFrom('organizations').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;
}

export async function matchLine(tdb: TenantDb, line: { payerId: string | null; purpose: string | null }): Promise<MatchResult> {
  const refs = referencesIn(line.purpose);
  const obligations = await obligationsFor(tdb, refs);
  const byId = line.payerId ? await payerByIdentifier(tdb, line.payerId) : null;
  if (byId && byId.length > 1) return { matched: false, reason: 'finance.statements.match.ambiguousPayer', params: { id: line.payerId! } };
  const idPayer = byId?.[0];

  const refPayers = new Map(obligations.map((o) => [payerKey(o.payer_kind, o.resident_id ?? o.organization_id), o]));
  if (refPayers.size > 1) return { matched: false, reason: 'finance.statements.match.ambiguousReference', params: { refs: refs.join(', ') } };
  const refPayer = [...refPayers.values()][0];

  if (idPayer && refPayer && payerKey(idPayer.kind, idPayer.id) !== payerKey(refPayer.payer_kind, refPayer.resident_id ?? refPayer.organization_id)) {
    return { matched: false, reason: 'finance.statements.match.conflict', params: { refs: refs.join(', ') } };
  }
  if (refPayer) {
    const id = (refPayer.resident_id ?? refPayer.organization_id)!;
    const payer = idPayer ?? { kind: refPayer.payer_kind, id, name: await payerName(tdb, refPayer.payer_kind, id) };
    return {
      matched: true, payer, obligationIds: obligations.map((o) => o.id),
      reason: idPayer ? 'finance.statements.match.byIdAndReference' : 'finance.statements.match.byReference',
      reference: refs.join(', '),
    };
  }
  if (idPayer) return { matched: true, payer: idPayer, reason: 'finance.statements.match.byId', reference: refs.join(', ') || null };
  if (line.payerId) return { matched: false, reason: 'finance.statements.match.unknownPayer', params: { id: line.payerId } };
  return { matched: false, reason: refs.length ? 'finance.statements.match.unknownReference' : 'finance.statements.match.noClue', params: { refs: refs.join(', ') } };
}
