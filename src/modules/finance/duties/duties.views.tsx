// Pages of a community's rates of local duties and fees: the year's rates with the copy
// and accrual forms, and the rate form that shows the kind's legal limit and its mark.
import type { Ctx } from '../../../platform/http/context.ts';
import type { MessageKey, Translate } from '../../../platform/i18n/index.ts';
import { formatAmd, formatDay } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import { Button, ButtonLink, CsrfField, ErrorSummary, Notice, Select, Table, Tag, TextInput, type FormState, type Option } from '../../../platform/ui/components.tsx';
import { kindName, type DutyKind } from './duties.catalogue.ts';
import type { DutyRate } from './duties.rates.ts';
import { MEASURES, PERIODICITIES } from './duties.schemas.ts';

export const dutiesPath = (ctx: Ctx) => `/${ctx.requireCommunity().slug}/staff/finance/duties`;
export const periodicityLabel = (t: Translate, p: string) => t(`finance.duties.periodicity.${p}` as MessageKey);
export const measureLabel = (t: Translate, m: string) => t(`finance.duties.measure.${m}` as MessageKey);

/** The kind's legal limit with its verification mark; a kind without a known limit says so. */
export function LimitText({ t, kind }: { t: Translate; kind: DutyKind }) {
  const mark = <Tag tone={kind.verification === 'verified' ? 'green' : 'yellow'}>{t(`finance.duties.mark.${kind.verification}`)}</Tag>;
  return <>{kind.limit_amount === null ? t('finance.duties.noLimit') : formatAmd(kind.limit_amount)} {mark}</>;
}

export function kindOptions(ctx: Ctx, kinds: DutyKind[]): Option[] {
  return kinds.map((k) => ({ value: String(k.id), label: `${kindName(k, ctx.locale)} — ${ctx.t(`finance.duties.group.${k.grp}`)}` }));
}

export interface RatesPageProps {
  ctx: Ctx;
  year: number;
  rates: DutyRate[];
  kinds: Map<number, DutyKind>;
  canEdit: boolean;
  notice?: string;
  copyForm: FormState;
  accrueForm: FormState;
}

export function RatesPage({ ctx, year, rates, kinds, canEdit, notice, copyForm, accrueForm }: RatesPageProps) {
  const { t } = ctx;
  const path = dutiesPath(ctx);
  const title = t('finance.duties.title', { year });
  const copyLabels = { from_year: t('finance.duties.copy.fromYear'), to_year: t('finance.duties.copy.toYear'), decision_number: t('finance.duties.decisionNumber'), decision_date: t('finance.duties.decisionDate') };
  return (
    <StaffLayout ctx={ctx} title={title} path={path} crumbs={[{ label: t('finance.duties.nav') }]}>
      {notice && <Notice title={notice} />}
      <h1>{title}</h1>
      <p><a href={`${path}/payers`}>{t('finance.duties.payers.title')}</a></p>
      <form method="get" action={path} class="filters" aria-label={t('finance.duties.year')}>
        <TextInput form={{ t, values: { year: String(year) } }} name="year" label={t('finance.duties.year')} width="s" inputMode="numeric" />
        <Button variant="secondary">{t('finance.duties.show')}</Button>
      </form>
      {canEdit && <ButtonLink href={`${path}/rates/new?year=${year}`}>{t('finance.duties.newRate')}</ButtonLink>}
      <Table
        t={t}
        caption={t('finance.duties.caption', { count: rates.length })}
        rows={rates}
        empty={t('finance.duties.noRates')}
        stack
        columns={[
          { key: 'kind', label: t('finance.duties.kind'), render: (r) => `${kindName(kinds.get(r.kind_id)!, ctx.locale)}${r.variant ? ` (${r.variant})` : ''}` },
          { key: 'line', label: t('finance.duties.revenueLine'), render: (r) => r.revenue_line },
          { key: 'account', label: t('finance.duties.treasuryAccount'), render: (r) => r.treasury_account },
          { key: 'rate', label: t('finance.duties.rate'), numeric: true, render: (r) => `${formatAmd(r.rate)} · ${measureLabel(t, r.measure)} · ${periodicityLabel(t, r.periodicity)}` },
          { key: 'coef', label: t('finance.duties.coefficient'), numeric: true, render: (r) => r.zone_coefficient },
          { key: 'limit', label: t('finance.duties.limit'), render: (r) => <LimitText t={t} kind={kinds.get(r.kind_id)!} /> },
          { key: 'decision', label: t('finance.duties.decision'), render: (r) => `${r.decision_number}, ${formatDay(r.decision_date)}` },
          ...(canEdit ? [{ key: 'edit', label: t('finance.duties.edit'), render: (r: DutyRate) => <a href={`${path}/rates/${r.id}/edit`}>{t('finance.duties.edit')}<span class="visually-hidden"> — {kindName(kinds.get(r.kind_id)!, ctx.locale)} {r.variant}</span></a> }] : []),
        ]}
      />
      {canEdit && (
        <>
          <h2>{t('finance.duties.copy.title')}</h2>
          <ErrorSummary form={copyForm} labels={copyLabels} />
          <form method="post" action={`${path}/copy`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextInput form={copyForm} name="from_year" label={copyLabels.from_year} width="s" inputMode="numeric" required />
            <TextInput form={copyForm} name="to_year" label={copyLabels.to_year} width="s" inputMode="numeric" required />
            <TextInput form={copyForm} name="decision_number" label={copyLabels.decision_number} width="m" required />
            <TextInput form={copyForm} name="decision_date" label={copyLabels.decision_date} hint={t('finance.duties.dayHint')} width="s" required />
            <Button variant="secondary">{t('finance.duties.copy.submit')}</Button>
          </form>
          <h2>{t('finance.duties.accrue.title')}</h2>
          <ErrorSummary form={accrueForm} labels={{ as_of: t('finance.duties.accrue.asOf') }} />
          <form method="post" action={`${path}/accrue`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextInput form={accrueForm} name="as_of" label={t('finance.duties.accrue.asOf')} hint={t('finance.duties.dayHint')} width="s" required />
            <Button variant="secondary">{t('finance.duties.accrue.submit')}</Button>
          </form>
        </>
      )}
    </StaffLayout>
  );
}

export function RateFormPage({ ctx, id, form, kinds }: { ctx: Ctx; id: number | null; form: FormState; kinds: DutyKind[] }) {
  const { t } = ctx;
  const base = dutiesPath(ctx);
  const action = id === null ? `${base}/rates` : `${base}/rates/${id}`;
  const title = t(id === null ? 'finance.duties.newRate' : 'finance.duties.editRate');
  const labels = {
    year: t('finance.duties.year'), kind_id: t('finance.duties.kind'), variant: t('finance.duties.variant'), revenue_line: t('finance.duties.revenueLine'),
    treasury_account: t('finance.duties.treasuryAccount'), rate: t('finance.duties.rateAmd'), periodicity: t('finance.duties.periodicity'),
    measure: t('finance.duties.measure'), zone_coefficient: t('finance.duties.coefficient'), decision_number: t('finance.duties.decisionNumber'),
    decision_date: t('finance.duties.decisionDate'), council_decision_id: t('finance.duties.councilDecisionId'),
  };
  const chosen = kinds.find((k) => String(k.id) === form.values?.kind_id);
  return (
    <StaffLayout ctx={ctx} title={title} path={id === null ? `${base}/rates/new` : `${action}/edit`} crumbs={[{ href: base, label: t('finance.duties.nav') }, { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary form={form} labels={labels} />
      {chosen && <p>{t('finance.duties.limit')}: <LimitText t={t} kind={chosen} /> — {chosen.legal_ref}</p>}
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput form={form} name="year" label={labels.year} width="s" inputMode="numeric" required />
        <Select form={form} name="kind_id" label={labels.kind_id} options={kindOptions(ctx, kinds)} placeholder={t('finance.duties.choose')} required />
        <TextInput form={form} name="variant" label={labels.variant} hint={t('finance.duties.variantHint')} width="m" optional />
        <TextInput form={form} name="revenue_line" label={labels.revenue_line} width="s" inputMode="numeric" required />
        <TextInput form={form} name="treasury_account" label={labels.treasury_account} hint={t('finance.duties.treasuryHint')} width="m" inputMode="numeric" required />
        <TextInput form={form} name="rate" label={labels.rate} width="m" inputMode="numeric" required />
        <Select form={form} name="periodicity" label={labels.periodicity} options={PERIODICITIES.map((p) => ({ value: p, label: periodicityLabel(t, p) }))} required />
        <Select form={form} name="measure" label={labels.measure} options={MEASURES.map((m) => ({ value: m, label: measureLabel(t, m) }))} required />
        <TextInput form={form} name="zone_coefficient" label={labels.zone_coefficient} hint={t('finance.duties.coefficientHint')} width="s" required />
        <TextInput form={form} name="decision_number" label={labels.decision_number} width="m" required />
        <TextInput form={form} name="decision_date" label={labels.decision_date} hint={t('finance.duties.dayHint')} width="s" required />
        <TextInput form={form} name="council_decision_id" label={labels.council_decision_id} width="s" inputMode="numeric" optional />
        <Button>{t('finance.duties.save')}</Button>
      </form>
    </StaffLayout>
  );
}
