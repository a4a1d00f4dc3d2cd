// The queue of unmatched lines and one line's page: find the payer, match, or set aside.
import type { Ctx } from '../../../platform/http/context.ts';
import { formatAmd, formatDay, type MessageKey } from '../../../platform/i18n/index.ts';
import {
  Button, Checkboxes, CsrfField, ErrorSummary, Notice, Pager, SummaryList, Table, Textarea, TextInput, type FormState,
} from '../../../platform/ui/components.tsx';
import type { ObligationBalance } from '../ledger/balances.ts';
import { QUEUE_PAGE, type LineRow, type PayerHit } from './queue.service.ts';
import { Shell, StatusTag, lineColumns, reasonsText, sourceLabel, statementsBase } from './statements.views.tsx';

export function QueuePage({ ctx, rows, total, page }: { ctx: Ctx; rows: LineRow[]; total: number; page: number }) {
  const t = ctx.t;
  return (
    <Shell ctx={ctx} title={t('finance.statements.queue.title')} crumb>
      <p>{t('finance.statements.queue.intro')}</p>
      <Table t={t} caption={t('finance.statements.queue.title')} columns={lineColumns(ctx, true)} rows={rows} stack empty={t('finance.statements.queue.empty')} />
      <Pager t={t} page={page} pages={Math.ceil(total / QUEUE_PAGE)} path={`${statementsBase(ctx)}/queue`} />
    </Shell>
  );
}


export interface LinePageProps {
  ctx: Ctx;
  line: LineRow;
  q?: string;
  hits?: PayerHit[];
  payer?: PayerHit | null;
  obligations?: ObligationBalance[];
  done?: 'matched' | 'ignored';
  matchForm?: Omit<FormState, 't'>;
  ignoreForm?: Omit<FormState, 't'>;
}

const payerValue = (p: Pick<PayerHit, 'kind' | 'id'>) => `${p.kind}:${p.id}`;

export function LinePage({ ctx, line, q, hits, payer, obligations = [], done, matchForm = {}, ignoreForm = {} }: LinePageProps) {
  const t = ctx.t;
  const url = `${statementsBase(ctx)}/lines/${line.id}`;
  const mForm: FormState = { t, ...matchForm };
  const iForm: FormState = { t, idPrefix: 'ignore-', ...ignoreForm };
  const kindLabel = (k: string) => t(`finance.statements.kind.${k}` as MessageKey);
  return (
    <Shell ctx={ctx} title={t('finance.statements.line.title', { line: line.line_no })} crumb>
      {done && <Notice tone="success" title={t(`finance.statements.done.${done}`)} />}
      {/* A line already matched or set aside has no forms left to point at: the notice below says so. */}
      {line.status === 'unmatched' && (
        <>
          <ErrorSummary form={mForm} labels={{ payer: t('finance.statements.line.payer'), obligation: t('finance.statements.line.obligations'), note: t('finance.statements.line.note'), line: t('finance.statements.col.status') }} />
          <ErrorSummary form={iForm} labels={{ note: t('finance.statements.line.ignoreNote'), line: t('finance.statements.col.status') }} />
        </>
      )}
      <SummaryList rows={[
        { key: t('finance.statements.source'), value: sourceLabel(ctx, line.source) },
        { key: t('finance.statements.col.txn'), value: line.bank_txn_id ?? '' },
        { key: t('finance.statements.col.date'), value: line.paid_on ? formatDay(line.paid_on) : '' },
        { key: t('finance.statements.col.amount'), value: line.amount === null ? '' : formatAmd(line.amount) },
        { key: t('finance.statements.col.payer'), value: line.payer_name ?? '' },
        { key: t('finance.statements.col.identifier'), value: line.payer_identifier ?? '' },
        { key: t('finance.statements.col.purpose'), value: line.purpose ?? '' },
        { key: t('finance.statements.col.status'), value: <StatusTag ctx={ctx} status={line.status} /> },
        { key: t('finance.statements.col.reason'), value: reasonsText(ctx, line) + (line.note ? ` — ${line.note}` : '') },
      ]} />
      {line.status !== 'unmatched' ? (!done && <Notice tone="info" title={t('finance.statements.line.resolved')} />) : (
        <>
          {/* "Choose the payer" in the error summary leads here: the payer is chosen by finding them. */}
          <div id="field-payer" tabindex={-1}>
          <form method="get" action={url} role="search">
            <TextInput form={{ t, values: { q: q ?? '' } }} name="q" label={t('finance.statements.line.search')} width="m" />
            <Button variant="secondary">{t('finance.statements.line.find')}</Button>
          </form>
          </div>
          {hits && (
            <Table t={t} caption={t('finance.statements.line.results')} empty={t('finance.statements.line.noResults')} rows={hits} columns={[
              { key: 'name', label: t('finance.statements.col.payer'), render: (h: PayerHit) => h.name },
              { key: 'id', label: t('finance.statements.col.identifier'), render: (h: PayerHit) => h.identifier ?? '' },
              { key: 'choose', label: t('finance.statements.line.choose'), render: (h: PayerHit) => (
                <a href={`${url}?${new URLSearchParams({ ...(q ? { q } : {}), payer: payerValue(h) }).toString()}`}>
                  {t('finance.statements.line.choose')}<span class="visually-hidden"> {h.name}</span>
                </a>) },
            ]} />
          )}
          {payer && (
            <form method="post" action={`${url}/match`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="payer" value={payerValue(payer)} />
              <h2>{t('finance.statements.line.payer')}: {payer.name}{payer.identifier ? ` (${payer.identifier})` : ''}</h2>
              {obligations.length ? (
                <Checkboxes form={mForm} name="obligation" label={t('finance.statements.line.obligations')} hint={t('finance.statements.line.obligationsHint')}
                  items={obligations.map((o) => ({ value: String(o.id), label: `${kindLabel(o.kind)}: ${t('finance.statements.line.obligation', { label: o.subjectLabel, period: o.period, due: formatDay(o.dueOn), amount: formatAmd(o.due) })}` }))} />
              ) : <p>{t('finance.statements.line.noObligations')}</p>}
              <Textarea form={mForm} name="note" label={t('finance.statements.line.note')} optional rows={2} />
              <Button>{t('finance.statements.line.match')}</Button>
            </form>
          )}
          <h2>{t('finance.statements.line.ignoreTitle')}</h2>
          <form method="post" action={`${url}/ignore`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <Textarea form={iForm} name="note" label={t('finance.statements.line.ignoreNote')} required rows={2} />
            <Button variant="warning">{t('finance.statements.line.ignore')}</Button>
          </form>
        </>
      )}
    </Shell>
  );
}
