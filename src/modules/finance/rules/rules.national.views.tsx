// The national console's tax rules: each kind's rows by validity with the check mark, and
// the two forms (a new validity period; a correction of a row's values and reference).
import type { Selectable } from 'kysely';
import type { Ctx } from '../../../platform/http/context.ts';
import { NationalLayout } from '../../../platform/ui/staff-layout.tsx';
import { Button, ButtonLink, CsrfField, ErrorSummary, Notice, Select, SummaryList, TextInput, Textarea, type FormState } from '../../../platform/ui/components.tsx';
import type { FinRulesTable } from './rules.table.ts';
import { RULE_KINDS, type RuleKind } from './rules.types.ts';
import { kindLabel, RuleData, validityText, VerificationTag } from './rules.display.tsx';

type Row = Selectable<FinRulesTable>;
export const RULES_PATH = '/national/finance/rules';

/** One row as a card: validity and mark first (what a reader looks for), then reference, source, values. */
export function RuleCard({ ctx, row, action }: { ctx: Ctx; row: Row; action?: { href: string; label: string } }) {
  const { t } = ctx;
  return (
    <li class="card">
      <h3>{validityText(t, row)} <VerificationTag t={t} v={row.verification} /></h3>
      <SummaryList
        rows={[
          { key: t('finance.rules.col.legalRef'), value: row.legal_ref },
          { key: t('finance.rules.col.source'), value: row.source ?? '—' },
          { key: t('finance.rules.col.data'), value: <RuleData data={JSON.parse(row.data)} /> },
        ]}
      />
      {action && <p><a href={action.href}>{action.label}<span class="visually-hidden"> {kindLabel(t, row.kind)}, {validityText(t, row)}</span></a></p>}
    </li>
  );
}

export function NationalRulesPage({ ctx, rows, canEdit, done }: { ctx: Ctx; rows: Row[]; canEdit: boolean; done?: 'added' | 'corrected' }) {
  const { t } = ctx;
  const title = t('finance.rules.national.title');
  return (
    <NationalLayout ctx={ctx} title={title} path={RULES_PATH} crumbs={[{ label: title }]}>
      {done && <Notice title={t(done === 'added' ? 'finance.rules.notice.added' : 'finance.rules.notice.corrected')} />}
      <h1>{title}</h1>
      <p class="lead">{t('finance.rules.national.lead')}</p>
      <p>{t('finance.rules.toCheckExplain')}</p>
      {RULE_KINDS.map((kind) => {
        const mine = rows.filter((r) => r.kind === kind).reverse();
        return (
          <section aria-labelledby={`kind-${kind}`}>
            <h2 id={`kind-${kind}`}>{kindLabel(t, kind)}</h2>
            {canEdit && <ButtonLink href={`${RULES_PATH}/new?kind=${kind}`}>{t('finance.rules.addPeriod')}<span class="visually-hidden">: {kindLabel(t, kind)}</span></ButtonLink>}
            {mine.length === 0 ? <p>{t('finance.rules.none')}</p> : (
              <ul class="card-list">
                {mine.map((row) => <RuleCard ctx={ctx} row={row} action={canEdit ? { href: `${RULES_PATH}/edit?rule=${row.id}`, label: t('finance.rules.correct') } : undefined} />)}
              </ul>
            )}
          </section>
        );
      })}
    </NationalLayout>
  );
}

function ContentFields({ ctx, form }: { ctx: Ctx; form: FormState }) {
  const { t } = ctx;
  return (
    <>
      <Textarea form={form} name="data" label={t('finance.rules.field.data')} hint={t('finance.rules.field.dataHint')} rows={14} required />
      <TextInput form={form} name="legal_ref" label={t('finance.rules.field.legalRef')} required />
      <Textarea form={form} name="source" label={t('finance.rules.field.source')} hint={t('finance.rules.field.sourceHint')} rows={3} optional />
      <Select
        form={form}
        name="verification"
        label={t('finance.rules.field.verification')}
        hint={t('finance.rules.toCheckExplain')}
        options={[{ value: 'to_check', label: t('finance.rules.verification.to_check') }, { value: 'verified', label: t('finance.rules.verification.verified') }]}
        required
      />
    </>
  );
}

export function contentLabels(t: Ctx['t']): Record<string, string> {
  return {
    valid_from: t('finance.rules.field.validFrom'), data: t('finance.rules.field.data'), legal_ref: t('finance.rules.field.legalRef'),
    source: t('finance.rules.field.source'), verification: t('finance.rules.field.verification'),
  };
}

export function NewPeriodPage({ ctx, kind, form }: { ctx: Ctx; kind: RuleKind; form: FormState }) {
  const { t } = ctx;
  const title = t('finance.rules.new.title', { kind: kindLabel(t, kind) });
  return (
    <NationalLayout ctx={ctx} title={title} path={`${RULES_PATH}/new`} crumbs={[{ href: RULES_PATH, label: t('finance.rules.national.title') }, { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary form={form} labels={contentLabels(t)} />
      <form method="post" action={`${RULES_PATH}/new`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="kind" value={kind} />
        <TextInput form={form} name="valid_from" label={t('finance.rules.field.validFrom')} hint={t('finance.rules.field.validFromHint')} width="m" required spellcheck={false} />
        <ContentFields ctx={ctx} form={form} />
        <Button>{t('finance.rules.submit.add')}</Button>
      </form>
    </NationalLayout>
  );
}

export function CorrectRulePage({ ctx, row, form }: { ctx: Ctx; row: Row; form: FormState }) {
  const { t } = ctx;
  const title = t('finance.rules.edit.title', { kind: kindLabel(t, row.kind) });
  return (
    <NationalLayout ctx={ctx} title={title} path={`${RULES_PATH}/edit`} crumbs={[{ href: RULES_PATH, label: t('finance.rules.national.title') }, { label: title }]}>
      <h1>{title}</h1>
      <p>{validityText(t, row)} <VerificationTag t={t} v={row.verification} /></p>
      <p>{t('finance.rules.edit.lead')}</p>
      <ErrorSummary form={form} labels={contentLabels(t)} />
      <form method="post" action={`${RULES_PATH}/edit`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="rule" value={String(row.id)} />
        <ContentFields ctx={ctx} form={form} />
        <Button>{t('finance.rules.submit.correct')}</Button>
      </form>
    </NationalLayout>
  );
}

/** The form's values from a row, for the editors. */
export function rowValues(row: Row | undefined): Record<string, string> {
  if (!row) return { verification: 'to_check' };
  return { data: JSON.stringify(JSON.parse(row.data), null, 2), legal_ref: row.legal_ref, source: row.source ?? '', verification: row.verification };
}
