// The budget and its execution as a Fiscal Data Package (openspending fiscal-data-package
// v0.3: a `model` of measures and dimensions over CSV resources, each with its Table
// Schema), with the v1.0 `columnType` on each field too. Two resources, because a measure
// has one direction: revenues and expenditures. Amounts are whole drams (AMD).
import type { Locale } from '../../../platform/i18n/index.ts';
import type { TenantCommunity } from '../../../platform/http/tenancy.ts';
import type { BudgetReport, LineFigures } from './budget.report.ts';
import { codeName, dottedEconomic } from './classification.ts';
import type { BudgetDirection } from './budget.table.ts';

/** A Table Schema field; `columnType` (FDP v1.0) only where the v1 vocabulary has a fitting type. */
interface Field { name: string; type: 'integer' | 'string'; title: string; columnType?: string }

const COMMON: Field[] = [
  { name: 'fiscal_year', type: 'integer', title: 'Fiscal year', columnType: 'date:fiscal-year' },
  { name: 'budget_part', type: 'string', title: 'Budget part (administrative or fund)' },
  { name: 'economic_code', type: 'string', title: 'Economic classification code (dot-separated)', columnType: 'economic-classification:generic:code' },
  { name: 'economic_label', type: 'string', title: 'Economic classification', columnType: 'economic-classification:generic:label' },
  { name: 'line_name', type: 'string', title: 'Line as the plan names it' },
  { name: 'approved', type: 'integer', title: 'Approved plan (AMD)', columnType: 'value' },
  { name: 'adjusted', type: 'integer', title: 'Adjusted plan (AMD)', columnType: 'value' },
  { name: 'executed', type: 'integer', title: 'Executed (AMD)', columnType: 'value' },
];
const FUNCTIONAL: Field[] = [
  { name: 'functional_code', type: 'string', title: 'Functional classification code (section.group.class)', columnType: 'functional-classification:generic:code' },
  { name: 'functional_label', type: 'string', title: 'Functional classification', columnType: 'functional-classification:generic:label' },
];

export const RESOURCES = { revenue: 'budget-revenue', expense: 'budget-expenditure' } as const satisfies Record<BudgetDirection, string>;
const fieldsOf = (d: BudgetDirection) => (d === 'expense' ? [...COMMON.slice(0, 2), ...FUNCTIONAL, ...COMMON.slice(2)] : COMMON);

export const FDP_FILE = 'datapackage.json';

/** Where a budget's Fiscal Data Package is: datapackage.json with its CSV resources beside it. */
export const fdpBase = (slug: string, budgetId: number) => `/api/v1/communities/${slug}/budget/${budgetId}`;

/** The CSV file name of a resource, beside datapackage.json. */
export const csvName = (d: BudgetDirection) => `${RESOURCES[d]}.csv`;

const cell = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function rowOf(l: LineFigures, year: number, locale: Locale): Record<string, string | number> {
  return {
    fiscal_year: year, budget_part: l.part,
    functional_code: l.functionalCode, functional_label: codeName('functional', l.functionalCode, locale) ?? '',
    economic_code: dottedEconomic(l.economicCode), economic_label: codeName(l.direction, l.economicCode, locale) ?? '',
    line_name: l.name, approved: l.approved, adjusted: l.adjusted, executed: l.actual,
  };
}

/** One resource's CSV: the header is the Table Schema's field names, in order. */
export function fdpCsv(report: BudgetReport, direction: BudgetDirection, locale: Locale = 'hy'): string {
  const fields = fieldsOf(direction).map((f) => f.name);
  const rows = report.lines.filter((l) => l.direction === direction).map((l) => rowOf(l, report.budget.year, locale));
  return [fields.join(','), ...rows.map((r) => fields.map((f) => cell(r[f]!)).join(','))].join('\r\n') + '\r\n';
}

const measure = (d: BudgetDirection, phase: 'approved' | 'adjusted' | 'executed') => ({
  source: phase, resource: RESOURCES[d], currency: 'AMD', direction: d === 'expense' ? 'expenditure' : 'revenue', phase,
});

const classification = (resource: string, type: 'functional' | 'economic', prefix: string) => ({
  dimensionType: 'classification', classificationType: type, primaryKey: 'code',
  attributes: { code: { source: `${prefix}_code`, resource }, label: { source: `${prefix}_label`, resource, labelfor: 'code' } },
});

export function dataPackage(report: BudgetReport, community: TenantCommunity, baseUrl: string) {
  const year = report.budget.year;
  const resources = (['revenue', 'expense'] as const).map((d) => ({
    name: RESOURCES[d], path: csvName(d), format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
    schema: { fields: fieldsOf(d).map((f) => ({ ...f })) },
  }));
  return {
    name: `${community.slug}-budget-${year}`,
    title: `${community.name_en ?? community.slug} community budget ${year}`,
    description: `The ${year} budget of ${community.name_en ?? community.slug} as adopted by council decision ${report.budget.decision_number ?? ''} of ${report.budget.decision_date ?? ''}, with amendments and execution through ${report.asOf}.`,
    homepage: `${baseUrl}/${community.slug}/budget?year=${year}`,
    version: report.asOf,
    license: 'CC-BY-4.0',
    profiles: { 'fiscal-data-package': '*', 'tabular-data-package': '*' },
    // The vendored JSON Schema (frictionlessdata/schemas) wants ISO 3166-1 alpha-2 in capitals.
    countryCode: 'AM',
    granularity: 'aggregated',
    fiscalPeriod: { start: `${year}-01-01`, end: `${year}-12-31` },
    resources,
    model: {
      measures: Object.fromEntries((['revenue', 'expense'] as const).flatMap((d) =>
        (['approved', 'adjusted', 'executed'] as const).map((p) => [`${p}_${d === 'expense' ? 'expenditure' : 'revenue'}`, measure(d, p)]))),
      dimensions: {
        fiscal_year: { dimensionType: 'datetime', primaryKey: 'year', attributes: { year: { source: 'fiscal_year' } } },
        // The administrative (current) and fund (capital) parts every community budget has; not an organisation, so 'other'.
        budget_part: { dimensionType: 'other', primaryKey: 'part', attributes: { part: { source: 'budget_part' } } },
        functional_classification: classification(RESOURCES.expense, 'functional', 'functional'),
        economic_classification: { ...classification(RESOURCES.expense, 'economic', 'economic'), attributes: { code: { source: 'economic_code' }, label: { source: 'economic_label', labelfor: 'code' } } },
        budget_line: { dimensionType: 'other', primaryKey: 'name', attributes: { name: { source: 'line_name' } } },
      },
    },
  };
}
