// How a service's terms read to people, in their language: group, who may apply, channels,
// fee and deadline. Shared by the public catalogue, the editor's list and anyone else who
// shows a service (the portal, the desk).
import { decimalSeparator, formatAmd, formatNumber, type Locale, type Translate } from '../../../platform/i18n/index.ts';
import { pick, SERVICE_GROUPS, type DeadlineSpec, type FeeSpec, type ServiceGroup, type ServiceSpec } from './spec.ts';

export function groupLabel(t: Translate, group: string): string {
  return (SERVICE_GROUPS as readonly string[]).includes(group) ? t(`services.catalogue.group.${group as ServiceGroup}`) : group;
}

export function applicantsText(t: Translate, applicants: ServiceSpec['applicants']): string {
  return applicants.map((a) => t(`services.catalogue.applicant.${a}`)).join(', ');
}

export function channelsText(t: Translate, channels: ServiceSpec['channels']): string {
  return t(`services.catalogue.channels.${channels}`);
}

/** Whether citizens may apply through the portal. */
export const appliesOnline = (spec: ServiceSpec) => spec.channels !== 'office';
/** Whether the Citizen Office takes applications. */
export const appliesAtOffice = (spec: ServiceSpec) => spec.channels !== 'online';

/** "5 working days" in the reader's language and plural form (the catalogue's plural messages). */
export function deadlineText(t: Translate, deadline: DeadlineSpec): string {
  return t(deadline.unit === 'working' ? 'services.catalogue.deadline.working' : 'services.catalogue.deadline.calendar', { days: deadline.days });
}

/**
 * An exact decimal rate ("1500", "12.5") written by the number rule of formatNumber, from
 * its digits: a rate is never turned into a float, which could change its last decimal.
 */
export function formatRate(rate: string, locale: Locale): string {
  const [whole, fraction] = rate.split('.');
  return `${formatNumber(Number(whole ?? '0'), locale)}${fraction ? `${decimalSeparator(locale)}${fraction}` : ''}\u00a0֏`;
}

function fieldLabel(spec: ServiceSpec, key: string, locale: Locale): string {
  const f = spec.fields.find((x) => x.key === key);
  return f ? pick(f.label, locale) : key;
}

/** One line for lists: "Free", "1 000 ֏", "2 000 – 20 000 ֏ …", "100 ֏ × “Floor area”". */
export function feeSummary(t: Translate, locale: Locale, spec: ServiceSpec): string {
  const fee: FeeSpec = spec.fee;
  switch (fee.kind) {
    case 'none':
      return t('services.catalogue.fee.none');
    case 'fixed':
      return fee.amount === 0 ? t('services.catalogue.fee.none') : formatAmd(fee.amount);
    case 'table': {
      const amounts = fee.rows.map((r) => r.amount);
      const [lo, hi] = [Math.min(...amounts), Math.max(...amounts)];
      if (lo === hi) return formatAmd(lo);
      return t('services.catalogue.fee.range', { from: formatAmd(lo), to: formatAmd(hi), field: fieldLabel(spec, fee.field, locale) });
    }
    case 'per_unit':
      return t('services.catalogue.fee.perUnit', { rate: formatRate(fee.rate, locale), field: fieldLabel(spec, fee.field, locale) });
  }
}

/** The full explanation for a service's page: how a per-unit fee is computed, with base and minimum. */
export function feeExplanation(t: Translate, locale: Locale, spec: ServiceSpec): string {
  const fee = spec.fee;
  if (fee.kind !== 'per_unit') return feeSummary(t, locale, spec);
  const parts = [t('services.catalogue.fee.perUnitExplain', { rate: formatRate(fee.rate, locale), field: fieldLabel(spec, fee.field, locale) })];
  if (fee.base > 0) parts.push(t('services.catalogue.fee.base', { base: formatAmd(fee.base) }));
  if (fee.min > 0) parts.push(t('services.catalogue.fee.min', { min: formatAmd(fee.min) }));
  return parts.join(' ');
}

/** For a table fee: each option of the select with its amount, in the select's order. */
export function feeTable(spec: ServiceSpec, locale: Locale): { label: string; amount: number }[] {
  const fee = spec.fee;
  if (fee.kind !== 'table') return [];
  const options = spec.fields.find((f) => f.key === fee.field)?.options ?? [];
  return fee.rows.map((r) => ({ label: pick(options.find((o) => o.value === r.value)?.label ?? { hy: r.value, en: r.value, ru: r.value }, locale), amount: r.amount }));
}
