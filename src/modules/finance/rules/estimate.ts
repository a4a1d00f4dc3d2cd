// The tax estimator behind the public page and GET /api/v1/finance/estimate: the query as a
// citizen types it (blank fields dropped, "25 000 000" and "88,2" accepted), checked field by
// field so the page can show each error beside its field, then computed with the rules in
// force for the tax year.
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { queryKeys } from '../../../platform/http/strict-query.ts';
import { badRequest, type FieldErrors } from '../../../platform/http/errors.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { landCadastralValue, landTax, realEstateTax, vehicleTax } from './calc.ts';
import { loadRuleSet, RuleMissingError } from './rules.service.ts';
import { PROPERTY_KINDS, VEHICLE_CLASSES, type PropertyKind, type TaxResult, type VehicleBody, type VehicleClass } from './rules.types.ts';

export const ESTIMATE_KINDS = [...PROPERTY_KINDS, 'land_agricultural', 'land', 'vehicle'] as const;
export type EstimateKind = (typeof ESTIMATE_KINDS)[number];

export const ESTIMATE_FIELDS = ['kind', 'year', 'value', 'area', 'zone', 'inside', 'class', 'body', 'hp', 'kw', 'manufactured', 'lang'] as const;
/** Every parameter optional text; estimateInput checks the values (unknown parameters are refused). */
export const estimateQuery = queryKeys(ESTIMATE_FIELDS);
export type EstimateQuery = Partial<Record<(typeof ESTIMATE_FIELDS)[number], string>>;

export type EstimateInput =
  | { kind: PropertyKind; year: number; value: number }
  | { kind: 'land_agricultural'; year: number; value: number }
  | { kind: 'land'; year: number; inside: boolean; value: number | null; area: number | null; zone: number | null }
  | { kind: 'vehicle'; year: number; vehicleClass: VehicleClass; body?: VehicleBody; hp: number | null; kw: number | null; manufactured: number };

const squash = (s: string | undefined) => (s ?? '').replace(/[\s\u00a0\u202f]/g, '');
const DRAMS = /^\d{1,15}$/;
const DECIMAL = /^\d{1,9}([.,]\d{1,4})?$/;

function drams(raw: string | undefined): number | undefined {
  const s = squash(raw);
  return DRAMS.test(s) && Number.isSafeInteger(Number(s)) ? Number(s) : undefined;
}
function decimal(raw: string | undefined): number | undefined {
  const s = squash(raw);
  return DECIMAL.test(s) ? Number(s.replace(',', '.')) : undefined;
}
function year(raw: string | undefined): number | undefined {
  const s = squash(raw);
  return /^\d{4}$/.test(s) && Number(s) >= 1900 ? Number(s) : undefined;
}
const oneOf = <T extends string>(values: readonly T[], raw: string | undefined): T | undefined =>
  (values as readonly string[]).includes(raw ?? '') ? (raw as T) : undefined;

/** The checked input, or the errors by field (message keys). */
export function estimateInput(q: EstimateQuery, now = new Date()): { ok: true; input: EstimateInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const kind = oneOf(ESTIMATE_KINDS, q.kind);
  if (!kind) errors.kind = 'finance.estimate.error.kind';
  const taxYear = q.year === undefined ? Number(todayInYerevan(now).slice(0, 4)) : year(q.year);
  if (taxYear === undefined) errors.year = 'finance.estimate.error.year';
  const value = q.value === undefined ? null : drams(q.value);
  if (value === undefined) errors.value = 'finance.estimate.error.value';
  const y = taxYear ?? 0;
  const done = (input: EstimateInput) => (Object.keys(errors).length ? { ok: false as const, errors } : { ok: true as const, input });
  if (!kind) return { ok: false, errors };

  if (kind === 'vehicle') {
    const vehicleClass = oneOf(VEHICLE_CLASSES, q.class);
    if (!vehicleClass) errors.class = 'finance.estimate.error.class';
    const body = q.body === undefined ? undefined : oneOf(['truck', 'bus'] as const, q.body);
    if (q.body !== undefined && !body) errors.body = 'finance.estimate.error.body';
    const hp = q.hp === undefined ? null : decimal(q.hp);
    const kw = q.kw === undefined ? null : decimal(q.kw);
    if (hp === undefined || kw === undefined || (hp === null) === (kw === null) || hp === 0 || kw === 0) errors.hp = 'finance.estimate.error.power';
    const manufactured = year(q.manufactured);
    if (manufactured === undefined || (taxYear !== undefined && manufactured > taxYear)) errors.manufactured = 'finance.estimate.error.manufactured';
    return done({ kind, year: y, vehicleClass: vehicleClass ?? 'car', ...(body ? { body } : {}), hp: hp ?? null, kw: kw ?? null, manufactured: manufactured ?? 0 });
  }
  if (kind === 'land') {
    const inside = q.inside === 'true' ? true : q.inside === 'false' ? false : undefined;
    if (inside === undefined) errors.inside = 'finance.estimate.error.inside';
    const area = q.area === undefined ? null : decimal(q.area);
    if (area === undefined) errors.area = 'finance.estimate.error.area';
    const zone = q.zone === undefined ? null : (/^\d{1,2}$/.test(squash(q.zone)) ? Number(squash(q.zone)) : undefined);
    if (zone === undefined) errors.zone = 'finance.estimate.error.zone';
    if (value === null && (area == null || zone == null) && !errors.area && !errors.zone) errors.value = 'finance.estimate.error.valueOrArea';
    return done({ kind, year: y, inside: inside ?? true, value: value ?? null, area: area ?? null, zone: zone ?? null });
  }
  if (value === null) errors.value = 'finance.estimate.error.value';
  return done({ kind, year: y, value: value ?? 0 });
}

/** Two results of one estimate as one: the cadastral value from area and zone, then the tax on it. */
function withCadastralValue(tax: TaxResult, cz: TaxResult): TaxResult {
  return {
    ...tax,
    applied: [...tax.applied, ...cz.applied],
    basis: { ...cz.basis, ...tax.basis },
    warnings: [...new Set([...tax.warnings, ...cz.warnings])],
  };
}

/**
 * The estimate with the rules in force for the tax year (the community's own where it has
 * them). A year or an object no rule covers is the citizen's bad input, not a server error.
 */
export async function estimateTax(db: Kysely<Database>, input: EstimateInput, communityId?: number): Promise<TaxResult> {
  const rs = await loadRuleSet(db, input.year, communityId);
  try {
    switch (input.kind) {
      case 'vehicle':
        return vehicleTax(rs, { vehicleClass: input.vehicleClass, hp: input.hp, kw: input.kw, manufactured: input.manufactured, ...(input.body ? { body: input.body } : {}) });
      case 'land_agricultural':
        return landTax(rs, { purpose: 'agricultural', insideSettlement: true, netIncome: input.value });
      case 'land': {
        if (input.value != null) return landTax(rs, { purpose: 'other', insideSettlement: input.inside, cadastralValue: input.value });
        const cz = landCadastralValue(rs, { areaM2: input.area ?? 0, zone: input.zone ?? 0 });
        return withCadastralValue(landTax(rs, { purpose: 'other', insideSettlement: input.inside, cadastralValue: cz.amount }), cz);
      }
      default:
        return realEstateTax(rs, { propertyKind: input.kind, base: input.value });
    }
  } catch (err) {
    if (err instanceof RuleMissingError) {
      throw badRequest(err.kind === 'cadastral_base' && err.what?.startsWith('zone') ? { zone: 'finance.estimate.error.zone' } : { year: 'finance.estimate.error.noRule' });
    }
    throw err;
  }
}
