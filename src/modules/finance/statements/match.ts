// Automatic matching of a statement line to a payer and, when the payer quoted one, to
// what they paid for. Two clues, both from the community's own registers and ledger:
// - the payer's identifier: 10 digits is a resident's public service number (ՀԾՀ),
//   8 digits an organization's tax ID (ՀՎՀՀ);
// - references in the purpose text: a tax notice's number ("2026-R000012": the year, R for a
//   resident or O for an organization, and the payer's id, as the assessment numbers its
//   notices), a case's registration number ("2026/000338", which the services module quotes
//   as the payment reference for its fee) or the label an obligation is billed under (a
//   cadastral code such as 09-001-0123-0045).
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
const NOTICE_NUMBER = /(?<![\w-])(\d{4})-([RO])(\d{6,9})(?!\w)/g;
/** The taxes a notice of the year bills (the assessment's notices). */
const NOTICE_KINDS = ['real_estate_tax', 'land_tax'] as const;
const CADASTRAL_CODE = /(?<![\d-])\d{2}-\d{3}-\d{4}-\d{4}(?:-\d{1,4}){0,2}(?![\d-])/g;

/** The references quoted in a purpose text, in the order written, each once. */
export function referencesIn(purpose: string | null): string[] {
  if (!purpose) return [];
  const found = [...purpose.matchAll(NOTICE_NUMBER), ...purpose.matchAll(CASE_NUMBER), ...purpose.matchAll(CADASTRAL_CODE)].sort((a, b) => a.index - b.index).map((m) => m[0]);
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

interface RefObligation { id: number; payer_kind: PayerKind; resident_id: number | null; organization_id: number | null }

/** The payers tax notices name (when they are this community's) and their taxes of the notice's year. */
async function noticeClues(tdb: TenantDb, refs: string[]): Promise<{ payers: Payer[]; obligations: RefObligation[] }> {
  const payers: Payer[] = [];
  const obligations: RefObligation[] = [];
  for (const ref of refs) {
    const m = /^(\d{4})-([RO])(\d+)$/.exec(ref);
    if (!m) continue;
    const kind: PayerKind = m[2] === 'R' ? 'resident' : 'organization';
    const id = Number(m[3]);
    const found = await tdb.selectFrom(kind === 'resident' ? 'residents' : 'organizations').select('id').where('id', '=', id).executeTakeFirst();
    if (!found) continue;
    payers.push({ kind, id, name: await payerName(tdb, kind, id) });
    obligations.push(...await tdb.selectFrom('fin_obligations').select(['id', 'payer_kind', 'resident_id', 'organization_id'])
      .where('status', '=', 'active').where(kind === 'resident' ? 'resident_id' : 'organization_id', '=', id)
      .where('period', '=', m[1]!).where('kind', 'in', NOTICE_KINDS).orderBy('due_on').orderBy('id').execute());
  }
  return { payers, obligations };
}

/** Active obligations a reference names: through the case it numbers, or by the label it is billed under. */
async function obligationsFor(tdb: TenantDb, refs: string[]): Promise<RefObligation[]> {
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
  const notices = await noticeClues(tdb, refs);
  const obligations = [...notices.obligations, ...(await obligationsFor(tdb, refs)).filter((o) => !notices.obligations.some((n) => n.id === o.id))];
  const byId = line.payerId ? await payerByIdentifier(tdb, line.payerId) : null;
  if (byId && byId.length > 1) return { matched: false, reason: 'finance.statements.match.ambiguousPayer', params: { id: line.payerId! } };
  const idPayer = byId?.[0];

  const refPayers = new Map<string, Pick<Payer, 'kind' | 'id'>>([
    ...notices.payers.map((p) => [payerKey(p.kind, p.id), p] as const),
    ...obligations.map((o) => [payerKey(o.payer_kind, o.resident_id ?? o.organization_id), { kind: o.payer_kind, id: (o.resident_id ?? o.organization_id)! }] as const),
  ]);
  if (refPayers.size > 1) return { matched: false, reason: 'finance.statements.match.ambiguousReference', params: { refs: refs.join(', ') } };
  const refPayer = [...refPayers.values()][0];

  if (idPayer && refPayer && payerKey(idPayer.kind, idPayer.id) !== payerKey(refPayer.kind, refPayer.id)) {
    return { matched: false, reason: 'finance.statements.match.conflict', params: { refs: refs.join(', ') } };
  }
  if (refPayer) {
    const payer = idPayer ?? { ...refPayer, name: await payerName(tdb, refPayer.kind, refPayer.id) };
    return {
      matched: true, payer, obligationIds: obligations.length ? obligations.map((o) => o.id) : undefined,
      reason: idPayer ? 'finance.statements.match.byIdAndReference' : 'finance.statements.match.byReference',
      reference: refs.join(', '),
    };
  }
  if (idPayer) return { matched: true, payer: idPayer, reason: 'finance.statements.match.byId', reference: refs.join(', ') || null };
  if (line.payerId) return { matched: false, reason: 'finance.statements.match.unknownPayer', params: { id: line.payerId } };
  return { matched: false, reason: refs.length ? 'finance.statements.match.unknownReference' : 'finance.statements.match.noClue', params: { refs: refs.join(', ') } };
}
