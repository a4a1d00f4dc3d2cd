// One object's assessment, as pure data: the register's object and its owners on the
// day read, the year's rule set → one line per payer. Joint owners are one payer (the
// first listed, with the others as co-owners, jointly liable); owners in shares pay pro
// rata (shares.ts). Exempt owners and owners outside the registers get a line with the
// reason and nothing to pay; their share is not passed on to the others.
import { createHash } from 'node:crypto';
import { exemptionFor, landTax, realEstateTax } from '../rules/calc.ts';
import type { RuleSet } from '../rules/rules.service.ts';
import type { PropertyKind, RuleRef, TaxResult } from '../rules/rules.types.ts';
import type { PayerKind } from '../ledger/ledger.table.ts';
import type { AssessedTax } from './assessment.table.ts';
import { addShares, splitByShares, type Share } from './shares.ts';

export type { RuleSet };

export interface TaxObject {
  type: 'parcel' | 'structure';
  id: number;
  label: string;
  /** Structures: building | apartment. */
  kind: string | null;
  purpose: string;
  insideSettlement: boolean;
  cadastralValue: number | null;
  netIncome: number | null;
}

export interface ObjectOwner {
  ownershipId: number;
  ownerType: 'resident' | 'organization' | 'community' | 'other';
  residentId: number | null;
  organizationId: number | null;
  name: string | null;
  legalForm: string | null;
  shareNum: number;
  shareDen: number;
  tenure: 'shared' | 'joint';
}

export interface LineDraft {
  taxKind: AssessedTax;
  objectType: 'parcel' | 'structure';
  objectId: number;
  objectLabel: string;
  payerKind: PayerKind | null;
  residentId: number | null;
  organizationId: number | null;
  payerName: string | null;
  tenure: 'shared' | 'joint';
  coOwners: { residentId: number | null; organizationId: number | null }[];
  base: number;
  shareNum: number;
  shareDen: number;
  amount: number;
  calcKind: string;
  ruleKind: string | null;
  ruleId: number | null;
  legalRef: string | null;
  verification: string | null;
  exemptReason: string | null;
  fingerprint: string;
}

/** The calculator's kind of property for a structure of the register. */
export function propertyKindOf(kind: string | null, purpose: string): PropertyKind {
  if (kind === 'apartment') return 'apartment';
  switch (purpose) {
    case 'residential': return 'house';
    case 'public': return 'public';
    case 'industrial': return 'industrial';
    default: return 'non_residential';
  }
}

/** A line's identity within a year: the same object, tax and payer. */
export function lineKey(l: { taxKind: AssessedTax; objectType: string; objectId: number; payerKind: string | null; residentId: number | null; organizationId: number | null; payerName: string | null }): string {
  const payer = l.payerKind === 'resident' ? `r${l.residentId}` : l.payerKind === 'organization' ? `o${l.organizationId}` : `n:${l.payerName ?? ''}`;
  return `${l.taxKind}:${l.objectType}:${l.objectId}:${payer}`;
}

interface Group {
  owners: ObjectOwner[];
  share: Share;
  tenure: 'shared' | 'joint';
}

/** Joint owners form one group (listed first by their first row); each owner in shares is a group. */
function groupsOf(owners: readonly ObjectOwner[]): Group[] {
  const sorted = [...owners].sort((a, b) => a.ownershipId - b.ownershipId);
  const joint = sorted.filter((o) => o.tenure === 'joint');
  const groups: Group[] = sorted.filter((o) => o.tenure !== 'joint').map((o) => ({ owners: [o], share: { num: o.shareNum, den: o.shareDen }, tenure: 'shared' }));
  if (joint.length) {
    const group: Group = { owners: joint, share: addShares(joint.map((o) => ({ num: o.shareNum, den: o.shareDen }))), tenure: 'joint' };
    const at = groups.findIndex((g) => g.owners[0]!.ownershipId > joint[0]!.ownershipId);
    groups.splice(at < 0 ? groups.length : at, 0, group);
  }
  return groups;
}

/** Why this owner pays nothing (with the exemption's rule), or null. Owners outside the registers cannot be charged. */
function skipReason(rs: RuleSet, o: ObjectOwner): { reason: string; rule: RuleRef | null } | null {
  if (o.ownerType === 'other') return { reason: 'not_in_register', rule: null };
  const e = exemptionFor(rs, { kind: o.ownerType, legalForm: o.legalForm });
  if (e.exempt) return { reason: e.reason ?? 'exempt', rule: e.rule };
  if (o.ownerType === 'community') return { reason: 'not_in_register', rule: null };
  return null;
}

/** 'verified', or the calculator's warnings ('to_check', 'provisional') for the notice's mark. */
const verificationOf = (r: TaxResult | null, rule: RuleRef | null) => (r ? (r.warnings.length ? r.warnings.join(',') : 'verified') : rule?.verification ?? null);

function fingerprint(parts: unknown[]): string {
  return createHash('sha1').update(JSON.stringify(parts)).digest('base64url');
}

/** The object's whole tax (before sharing) with the rule applied, or why there is none. */
function objectTax(rs: RuleSet, year: number, obj: TaxObject) {
  if (obj.type === 'structure') {
    const calcKind = propertyKindOf(obj.kind, obj.purpose);
    if (obj.cadastralValue == null) return { taxKind: 'real_estate_tax' as const, calcKind, base: 0, result: null, missing: 'no_value' };
    return { taxKind: 'real_estate_tax' as const, calcKind, base: obj.cadastralValue, result: realEstateTax(rs, { propertyKind: calcKind, base: obj.cadastralValue, year }), missing: null };
  }
  const agricultural = obj.purpose === 'agricultural';
  const calcKind = agricultural ? 'land_agricultural' : `land_${obj.insideSettlement ? 'inside' : 'outside'}`;
  const base = agricultural ? obj.netIncome : obj.cadastralValue;
  if (base == null) return { taxKind: 'land_tax' as const, calcKind, base: 0, result: null, missing: agricultural ? 'no_net_income' : 'no_value' };
  const result = landTax(rs, { purpose: obj.purpose, insideSettlement: obj.insideSettlement, cadastralValue: obj.cadastralValue, netIncome: obj.netIncome, year });
  return { taxKind: 'land_tax' as const, calcKind, base, result, missing: null };
}

type ObjectTax = ReturnType<typeof objectTax>;

/**
 * A run's object taxes by the inputs they depend on (objectTax reads nothing else), so the
 * rules' exact arithmetic runs once per distinct (kind, purpose, place, value) rather than
 * once per object — registers repeat values, and the exact fractions are the costliest part
 * of computing a line. Bounded: emptied when it reaches MEMO_MAX entries.
 */
export type TaxMemo = Map<string, ObjectTax>;
const MEMO_MAX = 100_000;

function memoTax(rs: RuleSet, year: number, obj: TaxObject, memo: TaxMemo | undefined): ObjectTax {
  if (!memo) return objectTax(rs, year, obj);
  const key = `${obj.type}|${obj.kind}|${obj.purpose}|${obj.insideSettlement ? 1 : 0}|${obj.cadastralValue}|${obj.netIncome}`;
  let tax = memo.get(key);
  if (!tax) {
    if (memo.size >= MEMO_MAX) memo.clear();
    tax = objectTax(rs, year, obj);
    memo.set(key, tax);
  }
  return tax;
}

/** The lines of one object for `year`; no owners on the day read: no lines. `memo`: one per run and rule set. */
export function assessObject(rs: RuleSet, year: number, obj: TaxObject, owners: readonly ObjectOwner[], memo?: TaxMemo): LineDraft[] {
  if (owners.length === 0) return [];
  const tax = memoTax(rs, year, obj, memo);
  const groups = groupsOf(owners);
  const total = tax.result?.amount ?? 0;
  const parts = splitByShares(total, groups.map((g) => g.share));
  return groups.map((g, i) => {
    const first = g.owners[0]!;
    const skip = tax.missing ? { reason: tax.missing, rule: null } : g.owners.map((o) => skipReason(rs, o)).find((r) => r !== null) ?? null;
    const reason = skip?.reason ?? null;
    // A joint group is charged on its first owner in the registers; the rest are co-owners.
    const payer = g.owners.find((o) => o.ownerType === 'resident' || o.ownerType === 'organization') ?? first;
    const payerKind: PayerKind | null = payer.ownerType === 'resident' ? 'resident' : payer.ownerType === 'organization' ? 'organization' : null;
    const coOwners = g.owners.filter((o) => o !== payer && (o.residentId !== null || o.organizationId !== null)).map((o) => ({ residentId: o.residentId, organizationId: o.organizationId }));
    const rule = skip?.rule ?? tax.result?.rule ?? null;
    const amount = reason ? 0 : parts[i]!;
    const draft = {
      taxKind: tax.taxKind, objectType: obj.type, objectId: obj.id, objectLabel: obj.label,
      payerKind, residentId: payer.residentId, organizationId: payer.organizationId, payerName: payerKind ? null : (payer.name ?? payer.ownerType),
      tenure: g.tenure, coOwners, base: tax.base, shareNum: g.share.num, shareDen: g.share.den, amount, calcKind: tax.calcKind,
      ruleKind: rule?.kind ?? null, ruleId: rule?.ruleId ?? null, legalRef: rule?.legalRef ?? null, verification: skip?.rule ? skip.rule.verification : verificationOf(tax.result, rule),
      exemptReason: reason,
    };
    return { ...draft, fingerprint: fingerprint([year, draft.base, draft.calcKind, obj.insideSettlement, draft.tenure, draft.shareNum, draft.shareDen, coOwners, draft.ruleId, reason, amount]) };
  });
}
