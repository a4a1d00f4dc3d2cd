// The back office's payer pages: the search (name, public service number, tax ID) and a
// payer's page with the balance per obligation (principal, penalty to date, due dates), the
// statement of a chosen period (on screen, as PDF) and the correction forms.
import type { Ctx } from '../../../platform/http/context.ts';
import { formatAmd, formatDay, localized } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import { Button, Notice, Table, Tag, TextInput, type FormState } from '../../../platform/ui/components.tsx';
import { DayInput } from '../../../platform/ui/day-input.tsx';
import type { PayerHit } from './payers.queries.ts';
import type { PayerPage } from './payers.service.ts';
import { obligationKindLabel, payerPath } from './ledger.display.ts';
import { StatementTables } from './statement.views.tsx';
import { CorrectionForms, type CorrectionState } from './payer-forms.views.tsx';

export const financeBase = (ctx: Ctx) => `/${ctx.requireCommunity().slug}/staff/finance`;

export function PayerSearchPage({ ctx, q, hits }: { ctx: Ctx; q: string; hits: PayerHit[] | null }) {
  const { t } = ctx;
  const slug = ctx.requireCommunity().slug;
  const title = t('finance.ledger.payers.title');
  const form: FormState = { t, values: { q } };
  return (
    <StaffLayout ctx={ctx} title={title} path={`${financeBase(ctx)}/payers`} crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <form method="get" action={`${financeBase(ctx)}/payers`} role="search">
        <TextInput form={form} name="q" label={t('finance.ledger.payers.q')} hint={t('finance.ledger.payers.qHint')} />
        <Button>{t('finance.ledger.payers.search')}</Button>
      </form>
      {hits !== null && (
        <Table
          t={t}
          caption={t('finance.ledger.payers.found', { q })}
          rows={hits}
          empty={t('finance.ledger.payers.none')}
          columns={[
            { key: 'name', label: t('finance.ledger.payer'), render: (h) => <a href={payerPath(slug, h.payer)}>{h.name}</a> },
            { key: 'kind', label: t('finance.ledger.payers.kind'), render: (h) => t(h.payer.kind === 'resident' ? 'finance.ledger.payers.resident' : 'finance.ledger.payers.organization') },
            { key: 'id', label: t('finance.ledger.payers.identifier'), render: (h) => h.identifier ?? '—' },
            { key: 'settlement', label: t('finance.ledger.settlement'), render: (h) => (h.settlement ? localized(h.settlement, 'name', ctx.locale) : '—') },
          ]}
        />
      )}
    </StaffLayout>
  );
}

const DONE_NOTICE = {
  relief: 'finance.ledger.done.relief', write_off: 'finance.ledger.done.write_off', refund: 'finance.ledger.done.refund',
  transfer: 'finance.ledger.done.transfer', reverse: 'finance.ledger.done.reverse',
} as const;

export function PayerPageView({ ctx, page, period, corrections, done }: {
  ctx: Ctx;
  page: PayerPage;
  period: { from: string; to: string };
  /** null: the reader may not correct the ledger. */
  corrections: CorrectionState | null;
  done?: keyof typeof DONE_NOTICE;
}) {
  const { t } = ctx;
  const slug = ctx.requireCommunity().slug;
  const { identity, balance } = page;
  const path = payerPath(slug, identity.payer);
  const periodForm: FormState = { t, values: { from: period.from, to: period.to }, idPrefix: 'period-' };
  const pdfHref = `${path}/statement.pdf?from=${period.from}&to=${period.to}`;
  return (
    <StaffLayout ctx={ctx} title={identity.name} path={path} crumbs={[{ href: `${financeBase(ctx)}/payers`, label: t('finance.ledger.payers.title') }, { label: identity.name }]}>
      {done && <Notice title={t(DONE_NOTICE[done])} />}
      <h1>{identity.name}</h1>
      <p class="lead">
        {t(identity.payer.kind === 'resident' ? 'finance.ledger.psn' : 'finance.ledger.taxId')}: {identity.identifier ?? '—'}
      </p>
      <ul class="stats" id="balance">
        <li class="stat"><span class="stat-value">{formatAmd(balance.due)}</span> {t('finance.ledger.dueTotal', { day: formatDay(page.today) })}</li>
        <li class="stat"><span class="stat-value">{formatAmd(balance.principal)}</span> {t('finance.ledger.principal')}</li>
        <li class="stat"><span class="stat-value">{formatAmd(balance.penaltyToDate)}</span> {t('finance.ledger.penaltyToDate')}</li>
        <li class="stat"><span class="stat-value">{formatAmd(balance.credit)}</span> {t('finance.ledger.credit')}</li>
      </ul>
      <h2>{t('finance.ledger.obligations')}</h2>
      <Table
        t={t}
        caption={t('finance.ledger.obligations')}
        captionHidden
        rows={balance.obligations}
        empty={t('finance.ledger.noObligations')}
        stack
        columns={[
          { key: 'what', label: t('finance.ledger.col.obligation'), render: (o) => <>{obligationKindLabel(t, o.kind)}, {o.period} — {o.subjectLabel}{o.status === 'cancelled' && <> <Tag>{t('finance.ledger.cancelled')}</Tag></>}</> },
          { key: 'due_on', label: t('finance.ledger.col.dueOn'), render: (o) => formatDay(o.dueOn) },
          { key: 'principal', label: t('finance.ledger.principal'), numeric: true, render: (o) => formatAmd(o.principal) },
          {
            key: 'penalty', label: t('finance.ledger.penaltyToDate'), numeric: true,
            render: (o) => <>{formatAmd(o.penaltyToDate)}{o.penaltyToCheck && <> <Tag tone="yellow">{t('finance.ledger.toCheck')}</Tag></>}</>,
          },
          { key: 'due', label: t('finance.ledger.col.due'), numeric: true, render: (o) => formatAmd(o.due) },
        ]}
      />
      {balance.obligations.some((o) => o.penaltyToCheck) && <p class="muted">{t('finance.ledger.toCheckNote')}</p>}
      <h2>{t('finance.ledger.payments')}</h2>
      <Table
        t={t}
        caption={t('finance.ledger.payments')}
        captionHidden
        rows={page.payments}
        empty={t('finance.ledger.noPayments')}
        columns={[
          { key: 'on', label: t('finance.ledger.col.date'), render: (p) => formatDay(p.paid_on) },
          { key: 'amount', label: t('finance.ledger.col.amount'), numeric: true, render: (p) => formatAmd(p.amount) },
          { key: 'channel', label: t('finance.ledger.col.channel'), render: (p) => t(`finance.ledger.channel.${p.channel as 'cash'}`) },
          { key: 'ref', label: t('finance.ledger.col.reference'), render: (p) => [p.receipt_number, p.reference].filter(Boolean).join(' · ') || '—' },
        ]}
      />
      <h2 id="statement">{t('finance.ledger.statement.title')}</h2>
      <form method="get" action={path} class="inline-form">
        <DayInput form={periodForm} name="from" label={t('finance.ledger.statement.from')} />
        <DayInput form={periodForm} name="to" label={t('finance.ledger.statement.to')} />
        <Button variant="secondary">{t('finance.ledger.statement.show')}</Button>
      </form>
      <p>
        <a href={`${path}/statement?from=${period.from}&to=${period.to}`}>{t('finance.ledger.statement.printable')}</a>
        {' · '}
        <a href={pdfHref}>{t('finance.ledger.statement.pdf')}</a>
      </p>
      <StatementTables ctx={ctx} st={page.statement} />
      {corrections && <CorrectionForms ctx={ctx} page={page} path={path} state={corrections} />}
    </StaffLayout>
  );
}
