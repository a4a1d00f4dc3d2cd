// The back office's read-only view of the rules in force for a tax year, and the
// community's own land-tax relief cap with its form (the head's power).
import type { Ctx } from '../../../platform/http/context.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import { Button, CsrfField, ErrorSummary, Notice, SummaryList, TextInput, type FormState } from '../../../platform/ui/components.tsx';
import type { LoadedRule, RuleSet } from './rules.service.ts';
import { RULE_KINDS } from './rules.types.ts';
import { kindLabel, RuleData, validityText, VerificationTag } from './rules.display.tsx';

function InForce({ ctx, rule }: { ctx: Ctx; rule: LoadedRule }) {
  const { t } = ctx;
  const row = { valid_from: rule.ref.validFrom, valid_to: rule.validTo };
  return (
    <SummaryList
      rows={[
        { key: t('finance.rules.col.validity'), value: <>{validityText(t, row)} <VerificationTag t={t} v={rule.ref.verification} /></> },
        { key: t('finance.rules.col.scope'), value: t(rule.communityId == null ? 'finance.rules.scope.national' : 'finance.rules.scope.community') },
        { key: t('finance.rules.col.legalRef'), value: rule.ref.legalRef },
        { key: t('finance.rules.col.source'), value: rule.source ?? '—' },
        { key: t('finance.rules.col.data'), value: <RuleData data={rule.data as never} /> },
      ]}
    />
  );
}

export interface ReliefView {
  /** The national cap for the year shown (the law's limit), if any. */
  nationalMax: number | null;
  form?: FormState;
}

export function StaffRulesPage({ ctx, rs, relief, saved }: { ctx: Ctx; rs: RuleSet; relief: ReliefView; saved: boolean }) {
  const { t } = ctx;
  const slug = ctx.requireCommunity().slug;
  const path = `/${slug}/staff/finance/rules`;
  const title = t('finance.rules.staff.title');
  const labels = { valid_from: t('finance.rules.field.validFrom'), pct: t('finance.rules.relief.pct'), legal_ref: t('finance.rules.relief.legalRef') };
  return (
    <StaffLayout ctx={ctx} title={title} path={path} crumbs={[{ label: title }]}>
      {saved && <Notice title={t('finance.rules.relief.saved')} />}
      <h1>{title}</h1>
      <p class="lead">{t('finance.rules.staff.lead')}</p>
      <p>{t('finance.rules.toCheckExplain')}</p>
      <form method="get" action={path} class="filters">
        <TextInput form={{ t }} name="year" label={t('finance.rules.staff.year')} value={String(rs.year)} width="s" inputMode="numeric" />
        <Button variant="secondary">{t('finance.rules.staff.show')}</Button>
      </form>
      <section aria-labelledby="relief">
        <h2 id="relief">{t('finance.rules.relief.title')}</h2>
        {relief.nationalMax != null ? <p>{t('finance.rules.relief.lead', { max: String(relief.nationalMax) })}</p> : <p>{t('finance.rules.relief.cannot')}</p>}
        {rs.rules.land_relief && <InForce ctx={ctx} rule={rs.rules.land_relief} />}
        {relief.form && (
          <>
            <ErrorSummary form={relief.form} labels={labels} />
            <form method="post" action={`${path}/relief`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <TextInput form={relief.form} name="valid_from" label={labels.valid_from} hint={t('finance.rules.field.validFromHint')} width="m" required />
              <TextInput form={relief.form} name="pct" label={labels.pct} width="s" inputMode="decimal" required />
              <TextInput form={relief.form} name="legal_ref" label={labels.legal_ref} required />
              <Button>{t('finance.rules.relief.submit')}</Button>
            </form>
          </>
        )}
      </section>
      {RULE_KINDS.filter((k) => k !== 'land_relief').map((kind) => {
        const rule = rs.rules[kind];
        return (
          <section aria-labelledby={`kind-${kind}`}>
            <h2 id={`kind-${kind}`}>{kindLabel(t, kind)}</h2>
            {rule ? <InForce ctx={ctx} rule={rule} /> : <p>{t('finance.rules.none')}</p>}
          </section>
        );
      })}
    </StaffLayout>
  );
}
