// The national console's pages of the catalogue of duty and fee kinds and their limits.
import type { Ctx } from '../../../platform/http/context.ts';
import { NationalLayout } from '../../../platform/ui/staff-layout.tsx';
import { Button, CsrfField, ErrorSummary, Notice, Select, SummaryList, Table, TextInput, Textarea, type FormState } from '../../../platform/ui/components.tsx';
import { kindName, type DutyKind } from './duties.catalogue.ts';
import { LimitText, measureLabel, periodicityLabel } from './duties.views.tsx';

const PATH = '/national/finance/duty-kinds';

function band(ctx: Ctx, k: DutyKind): string {
  return k.band_from_m2 === null || k.band_to_m2 === null ? '' : ` · ${ctx.t('finance.duties.kinds.band', { from: k.band_from_m2, to: k.band_to_m2 })}`;
}

export function KindsPage({ ctx, kinds, saved }: { ctx: Ctx; kinds: DutyKind[]; saved: boolean }) {
  const { t } = ctx;
  const title = t('finance.duties.kinds.title');
  return (
    <NationalLayout ctx={ctx} title={title} path={PATH} crumbs={[{ label: title }]}>
      {saved && <Notice title={t('finance.duties.saved')} />}
      <h1>{title}</h1>
      <Table
        t={t}
        caption={t('finance.duties.kinds.caption', { count: kinds.length })}
        rows={kinds}
        stack
        columns={[
          { key: 'name', label: t('finance.duties.kind'), render: (k) => <a href={`${PATH}/${k.code}/edit`}>{kindName(k, ctx.locale)}</a> },
          { key: 'group', label: t('finance.duties.kinds.group'), render: (k) => t(`finance.duties.group.${k.grp}`) },
          { key: 'measure', label: t('finance.duties.measure'), render: (k) => `${measureLabel(t, k.measure)}, ${periodicityLabel(t, k.periodicity)}${band(ctx, k)}` },
          { key: 'line', label: t('finance.duties.revenueLine'), render: (k) => k.revenue_line ?? '—' },
          { key: 'limit', label: t('finance.duties.limit'), render: (k) => <LimitText t={t} kind={k} /> },
        ]}
      />
    </NationalLayout>
  );
}

export function KindFormPage({ ctx, kind, form }: { ctx: Ctx; kind: DutyKind; form: FormState }) {
  const { t } = ctx;
  const action = `${PATH}/${kind.code}`;
  const title = t('finance.duties.kinds.edit');
  const labels = {
    limit_amount: t('finance.duties.kinds.limitAmd'), revenue_line: t('finance.duties.revenueLine'), legal_ref: t('finance.duties.kinds.legalRef'),
    source: t('finance.duties.kinds.source'), verification: t('finance.duties.kinds.verification'),
  };
  return (
    <NationalLayout ctx={ctx} title={title} path={`${action}/edit`} crumbs={[{ href: PATH, label: t('finance.duties.kinds.title') }, { label: kindName(kind, ctx.locale) }]}>
      <h1>{kindName(kind, ctx.locale)}</h1>
      <SummaryList rows={[
        { key: t('finance.duties.kinds.group'), value: t(`finance.duties.group.${kind.grp}`) },
        { key: t('finance.duties.measure'), value: `${measureLabel(t, kind.measure)}, ${periodicityLabel(t, kind.periodicity)}${band(ctx, kind)}` },
      ]} />
      <ErrorSummary form={form} labels={labels} />
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput form={form} name="limit_amount" label={labels.limit_amount} hint={t('finance.duties.kinds.limitHint')} width="m" inputMode="numeric" optional />
        <TextInput form={form} name="revenue_line" label={labels.revenue_line} width="s" inputMode="numeric" optional />
        <Textarea form={form} name="legal_ref" label={labels.legal_ref} rows={2} required />
        <Textarea form={form} name="source" label={labels.source} rows={3} optional />
        <Select form={form} name="verification" label={labels.verification} options={[
          { value: 'verified', label: t('finance.duties.mark.verified') }, { value: 'to_check', label: t('finance.duties.mark.to_check') },
        ]} required />
        <Button>{t('finance.duties.save')}</Button>
      </form>
    </NationalLayout>
  );
}
