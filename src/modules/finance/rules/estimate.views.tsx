// The public estimator page: one GET form (works without JavaScript, one column on a phone)
// and, once filled in, the tax with the rule it applied, its legal reference, the "to be
// checked" mark and the warnings, above the form so a phone shows the answer first.
import type { Ctx } from '../../../platform/http/context.ts';
import { formatAmd, formatDay, formatNumber, localized, type Translate } from '../../../platform/i18n/index.ts';
import { Layout } from '../../../platform/ui/layout.tsx';
import { Button, ErrorSummary, Notice, Select, SummaryList, TextInput, type FormState, type SummaryRow } from '../../../platform/ui/components.tsx';
import { kindLabel, VerificationTag } from './rules.display.tsx';
import { ESTIMATE_KINDS } from './estimate.ts';
import { VEHICLE_CLASSES, type TaxResult } from './rules.types.ts';

/** Basis figures shown to people, in this order; those in drams are formatted as money. */
const BASIS: { key: string; money?: boolean }[] = [
  { key: 'base', money: true }, { key: 'cadastralValue', money: true }, { key: 'netIncome', money: true },
  { key: 'bracketFrom', money: true }, { key: 'bracketFixed', money: true }, { key: 'bracketRatePct' }, { key: 'ratePct' },
  { key: 'hp' }, { key: 'perHp' }, { key: 'surcharge' }, { key: 'age' }, { key: 'reductionPct' },
  { key: 'fullTax' }, { key: 'phaseInPct' },
];

function basisRows(ctx: Ctx, r: TaxResult): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const { key, money } of BASIS) {
    const v = r.basis[key];
    if (typeof v !== 'number') continue;
    rows.push({ key: ctx.t(`finance.estimate.basis.${key}` as never), value: money && Number.isInteger(v) ? formatAmd(v) : formatNumber(v, ctx.locale, { decimals: 6 }) });
  }
  if (r.basis.exempt) rows.push({ key: ctx.t('finance.estimate.basis.exempt'), value: '✓' });
  return rows;
}

function fieldLabels(t: Translate): Record<string, string> {
  return {
    kind: t('finance.estimate.field.kind'), year: t('finance.estimate.field.year'), value: t('finance.estimate.field.value'),
    area: t('finance.estimate.field.area'), zone: t('finance.estimate.field.zone'), inside: t('finance.estimate.field.inside'),
    class: t('finance.estimate.field.class'), body: t('finance.estimate.field.body'), hp: t('finance.estimate.field.hp'),
    kw: t('finance.estimate.field.kw'), manufactured: t('finance.estimate.field.manufactured'),
  };
}

function Result({ ctx, result, year }: { ctx: Ctx; result: TaxResult; year: number }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="estimate-result" class="card">
      <h2 id="estimate-result">{t('finance.estimate.result.title', { year: String(year) })}</h2>
      <p class="lead"><strong>{formatAmd(result.amount)}</strong></p>
      {result.warnings.length > 0 && (
        <Notice tone="warning" title={t(`finance.estimate.warning.${result.warnings.includes('provisional') ? 'provisional' : 'to_check'}`)}>
          {result.warnings.includes('provisional') && result.warnings.includes('to_check') && <p>{t('finance.estimate.warning.to_check')}</p>}
        </Notice>
      )}
      <h3>{t('finance.estimate.result.rule')}</h3>
      {result.applied.map((rule) => (
        <SummaryList
          rows={[
            { key: t('finance.estimate.result.rule'), value: kindLabel(t, rule.kind) },
            { key: t('finance.estimate.result.legalRef'), value: rule.legalRef },
            { key: t('finance.estimate.result.validFrom'), value: formatDay(rule.validFrom) },
            { key: t('finance.estimate.result.verification'), value: <VerificationTag t={t} v={rule.verification} /> },
          ]}
        />
      ))}
      <h3>{t('finance.estimate.result.how')}</h3>
      <SummaryList rows={basisRows(ctx, result)} />
      <p>{t('finance.estimate.disclaimer')}</p>
    </section>
  );
}

export function EstimatePage({ ctx, form, result }: { ctx: Ctx; form: FormState; result?: { amount: TaxResult; year: number } }) {
  const { t } = ctx;
  const c = ctx.requireCommunity();
  const path = `/${c.slug}/taxes/estimate`;
  const title = t('finance.estimate.title');
  const labels = fieldLabels(t);
  const kinds = ESTIMATE_KINDS.map((k) => ({ value: k, label: t(`finance.estimate.kind.${k}`) }));
  return (
    <Layout ctx={ctx} title={title} path={path} breadcrumbs={[{ href: `/${c.slug}`, label: localized(c, 'name', ctx.locale) }, { label: title }]}>
      <h1>{title}</h1>
      <p class="lead">{t('finance.estimate.lead')}</p>
      {result && <Result ctx={ctx} result={result.amount} year={result.year} />}
      <ErrorSummary form={form} labels={labels} />
      <form method="get" action={path} novalidate>
        <Select form={form} name="kind" label={labels.kind!} options={kinds} placeholder={t('ui.choose')} required />
        <TextInput form={form} name="year" label={labels.year!} width="s" inputMode="numeric" required />
        <fieldset class="group">
          <legend>{t('finance.estimate.fieldset.property')}</legend>
          <TextInput form={form} name="value" label={labels.value!} hint={t('finance.estimate.field.valueHint')} width="m" inputMode="numeric" optional />
          <TextInput form={form} name="area" label={labels.area!} width="s" inputMode="decimal" optional />
          <TextInput form={form} name="zone" label={labels.zone!} width="s" inputMode="numeric" optional />
          <Select form={form} name="inside" label={labels.inside!} options={[{ value: 'true', label: t('finance.estimate.inside.true') }, { value: 'false', label: t('finance.estimate.inside.false') }]} optional />
        </fieldset>
        <fieldset class="group">
          <legend>{t('finance.estimate.fieldset.vehicle')}</legend>
          <Select form={form} name="class" label={labels.class!} options={VEHICLE_CLASSES.map((v) => ({ value: v, label: t(`finance.estimate.class.${v}`) }))} placeholder={t('ui.choose')} optional />
          <Select form={form} name="body" label={labels.body!} options={[{ value: 'truck', label: t('finance.estimate.body.truck') }, { value: 'bus', label: t('finance.estimate.body.bus') }]} placeholder={t('ui.choose')} optional />
          <TextInput form={form} name="hp" label={labels.hp!} width="s" inputMode="decimal" optional />
          <TextInput form={form} name="kw" label={labels.kw!} width="s" inputMode="decimal" optional />
          <TextInput form={form} name="manufactured" label={labels.manufactured!} width="s" inputMode="numeric" optional />
        </fieldset>
        <Button>{t('finance.estimate.submit')}</Button>
      </form>
    </Layout>
  );
}
