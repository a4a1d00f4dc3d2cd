// What the data of each kind of rule must look like when someone edits it: the shapes of
// rules.types.ts as zod schemas, so a typo in a bracket is refused before any tax uses it.
import { z } from 'zod';
import { PROPERTY_KINDS, VEHICLE_CLASSES, type RuleDataByKind, type RuleKind } from './rules.types.ts';

const pct = z.number().min(0).max(100);
const drams = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const brackets = z.array(z.object({ from: drams, fixed: drams, ratePct: pct, provisional: z.boolean().optional() }).strict()).min(1);

const band = z.object({
  fromHp: z.number().int().min(1),
  perHp: drams,
  surchargePerHpAbove: z.object({ hp: z.number().int().min(1), amount: drams }).strict().optional(),
}).strict();

const propertyTables = z.object(Object.fromEntries(PROPERTY_KINDS.map((k) => [k, brackets.optional()])) as Record<(typeof PROPERTY_KINDS)[number], z.ZodOptional<typeof brackets>>).strict();
const vehicleBands = z.object(Object.fromEntries(VEHICLE_CLASSES.map((k) => [k, z.array(band).min(1)])) as Record<(typeof VEHICLE_CLASSES)[number], z.ZodArray<typeof band>>).strict();

export const RULE_DATA_SCHEMAS: { [K in RuleKind]: z.ZodType<RuleDataByKind[K]> } = {
  real_estate_brackets: z.object({ tables: propertyTables }).strict(),
  cadastral_base: z.object({
    landBasePerM2: drams,
    buildingBasePerM2: drams,
    zoneCoefficients: z.record(z.string().regex(/^\d{1,2}$/), z.number().positive().max(1)),
  }).strict(),
  phase_in: z.object({ sharePctByYear: z.record(z.string().regex(/^\d{4}$/), pct), excluded: z.array(z.string().max(40)) }).strict(),
  land_tax: z.object({
    agriculturalPctOfNetIncome: pct,
    insideSettlementPct: pct,
    outsideSettlementPct: pct,
    provisional: z.array(z.enum(['agricultural', 'inside', 'outside'])).optional(),
  }).strict(),
  vehicle_tax: z.object({
    bands: vehicleBands,
    kwToHp: z.number().positive().max(10),
    fullYears: z.number().int().min(0).max(100),
    reductionPctPerYear: pct,
    maxReductionPct: pct,
    truckExemptAfterYears: z.number().int().min(0).max(200),
  }).strict(),
  penalty: z.object({ ratePctPerDay: pct, capDays: z.number().int().min(0).max(100_000) }).strict(),
  due_dates: z.object({
    byKind: z.object({ real_estate: z.string().regex(/^\d{2}-\d{2}$/).optional(), land: z.string().regex(/^\d{2}-\d{2}$/).optional(), vehicle: z.string().regex(/^\d{2}-\d{2}$/).optional() }).strict(),
  }).strict(),
  exemptions: z.object({ ownerTypes: z.array(z.string().max(40)), legalForms: z.array(z.string().max(40)) }).strict(),
  land_relief: z.object({ maxPctOfBudgetedRevenue: pct }).strict(),
} as { [K in RuleKind]: z.ZodType<RuleDataByKind[K]> };

/** The data checked for its kind, or null when it does not fit. */
export function checkRuleData<K extends RuleKind>(kind: K, data: unknown): RuleDataByKind[K] | null {
  const parsed = RULE_DATA_SCHEMAS[kind].safeParse(data);
  return parsed.success ? parsed.data : null;
}
