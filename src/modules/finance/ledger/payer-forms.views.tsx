// The correction forms on a payer's page: relief and write-off (each citing its legal
// ground), refund of credit, transfer of a payment's allocation, and reversal of an entry.
// Each form has its own field ids, and the one that came back with errors shows them.
import type { Ctx } from '../../../platform/http/context.ts';
import { formatAmd, formatDay } from '../../../platform/i18n/index.ts';
import { Button, CsrfField, ErrorSummary, Select, Textarea, TextInput, type FormState, type Option } from '../../../platform/ui/components.tsx';
import type { FieldErrors } from '../../../platform/http/errors.ts';
import type { PayerPage } from './payers.service.ts';
import { componentLabel, entryKindLabel, obligationKindLabel, signedAmd } from './ledger.display.ts';

export type CorrectionForm = 'relief' | 'write_off' | 'refund' | 'transfer' | 'reverse';

export interface CorrectionState {
  /** The form that was sent and came back with errors. */
  failed: CorrectionForm | null;
  errors?: FieldErrors;
  values?: Record<string, string>;
  /** Which forms the reader may use. */
  allowed: CorrectionForm[];
}

const ACTION: Record<CorrectionForm, string> = { relief: 'relief', write_off: 'write-off', refund: 'refund', transfer: 'transfer', reverse: 'reverse' };

export function CorrectionForms({ ctx, page, path, state }: { ctx: Ctx; page: PayerPage; path: string; state: CorrectionState }) {
  const { t } = ctx;
  if (state.allowed.length === 0) return null;
  const formOf = (which: CorrectionForm): FormState => ({
    t, idPrefix: `${which}-`,
    ...(state.failed === which ? { errors: state.errors, values: state.values } : {}),
  });
  const obligations: Option[] = page.balance.obligations.filter((o) => o.status === 'active')
    .map((o) => ({ value: String(o.id), label: `${obligationKindLabel(t, o.kind)}, ${o.period} — ${o.subjectLabel} (${formatAmd(o.due)})` }));
  const components: Option[] = (['principal', 'penalty'] as const).map((c) => ({ value: c, label: componentLabel(t, c) }));
  const payments: Option[] = page.payments.map((p) => ({ value: String(p.id), label: `${formatDay(p.paid_on)} — ${formatAmd(p.amount)}${p.receipt_number ? ` (${p.receipt_number})` : ''}` }));
  const label = new Map(page.balance.obligations.map((o) => [o.id, `${obligationKindLabel(t, o.kind)}, ${o.period}`]));
  const entries: Option[] = page.reversible.map((e) => ({
    value: String(e.id), label: `${formatDay(e.entry_on)} — ${entryKindLabel(t, e.kind as 'accrual')}, ${componentLabel(t, e.component)} ${signedAmd(e.amount)} — ${label.get(e.obligation_id) ?? ''}`,
  }));
  const labels = {
    obligation: t('finance.ledger.form.obligation'), component: t('finance.ledger.form.component'), amount: t('finance.ledger.form.amount'),
    legal_ground: t('finance.ledger.form.legalGround'), note: t('finance.ledger.form.note'), payment: t('finance.ledger.form.payment'),
    from: t('finance.ledger.form.from'), to: t('finance.ledger.form.to'), entry: t('finance.ledger.form.entry'), _form: t('finance.ledger.form.general'),
  };
  const Form = ({ which, title, children }: { which: CorrectionForm; title: string; children: preact.ComponentChildren }) => (
    <section aria-labelledby={`h-${which}`}>
      <h3 id={`h-${which}`}>{title}</h3>
      <ErrorSummary form={formOf(which)} labels={labels} />
      <form method="post" action={`${path}/${ACTION[which]}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {children}
        <Button>{title}</Button>
      </form>
    </section>
  );
  const reliefFields = (which: 'relief' | 'write_off') => (
    <>
      <Select form={formOf(which)} name="obligation" label={labels.obligation} options={obligations} placeholder="" required />
      <Select form={formOf(which)} name="component" label={labels.component} options={components} required />
      <TextInput form={formOf(which)} name="amount" label={labels.amount} hint={t('finance.ledger.form.amountHint')} width="s" inputMode="numeric" required />
      <TextInput form={formOf(which)} name="legal_ground" label={labels.legal_ground} hint={t('finance.ledger.form.legalGroundHint')} required />
      <Textarea form={formOf(which)} name="note" label={labels.note} optional />
    </>
  );
  const allowed = new Set(state.allowed);
  return (
    <>
      <h2 id="corrections">{t('finance.ledger.corrections')}</h2>
      <p>{t('finance.ledger.correctionsIntro')}</p>
      {allowed.has('relief') && obligations.length > 0 && <Form which="relief" title={t('finance.ledger.form.relief')}>{reliefFields('relief')}</Form>}
      {allowed.has('write_off') && obligations.length > 0 && <Form which="write_off" title={t('finance.ledger.form.writeOff')}>{reliefFields('write_off')}</Form>}
      {allowed.has('refund') && page.balance.credit > 0 && (
        <Form which="refund" title={t('finance.ledger.form.refund')}>
          <TextInput form={formOf('refund')} name="amount" label={labels.amount} hint={t('finance.ledger.form.refundHint', { credit: formatAmd(page.balance.credit) })} width="s" inputMode="numeric" required />
          <Textarea form={formOf('refund')} name="note" label={labels.note} hint={t('finance.ledger.form.refundNoteHint')} required />
        </Form>
      )}
      {allowed.has('transfer') && payments.length > 0 && obligations.length > 0 && (
        <Form which="transfer" title={t('finance.ledger.form.transfer')}>
          <Select form={formOf('transfer')} name="payment" label={labels.payment} options={payments} placeholder="" required />
          <Select form={formOf('transfer')} name="from" label={labels.from} options={[{ value: 'credit', label: t('finance.ledger.form.fromCredit') }, ...obligations]} required />
          <Select form={formOf('transfer')} name="to" label={labels.to} options={obligations} placeholder="" required />
          <Textarea form={formOf('transfer')} name="note" label={labels.note} optional />
        </Form>
      )}
      {allowed.has('reverse') && entries.length > 0 && (
        <Form which="reverse" title={t('finance.ledger.form.reverse')}>
          <Select form={formOf('reverse')} name="entry" label={labels.entry} options={entries} placeholder="" required />
          <Textarea form={formOf('reverse')} name="note" label={labels.note} hint={t('finance.ledger.form.reverseHint')} required />
        </Form>
      )}
    </>
  );
}
