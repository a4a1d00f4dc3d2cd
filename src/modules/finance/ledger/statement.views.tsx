// A payer's statement on screen: per obligation the opening balance, every entry of the
// period and the closing balance, then the totals. The same figures go on paper (statement.pdf.ts).
import type { Ctx } from '../../../platform/http/context.ts';
import { formatAmd, formatDay } from '../../../platform/i18n/index.ts';
import { Table, Tag } from '../../../platform/ui/components.tsx';
import type { Statement, StatementObligation } from './statement.ts';
import { componentLabel, entryKindLabel, obligationKindLabel, signedAmd } from './ledger.display.ts';

interface Line {
  on: string;
  what: string;
  principal: string;
  penalty: string;
}

function lines(ctx: Ctx, o: StatementObligation, from: string, to: string): Line[] {
  const { t } = ctx;
  const out: Line[] = [{ on: formatDay(from), what: t('finance.ledger.statement.opening'), principal: signedAmd(o.opening.principal), penalty: signedAmd(o.opening.penalty) }];
  for (const e of o.entries) {
    const extra = [e.legalGround, e.note].filter(Boolean).join(' — ');
    out.push({
      on: formatDay(e.on),
      what: `${entryKindLabel(t, e.kind)}${extra ? `: ${extra}` : ''}`,
      principal: e.component === 'principal' ? signedAmd(e.amount) : '',
      penalty: e.component === 'penalty' ? signedAmd(e.amount) : '',
    });
  }
  if (o.accruedNotPosted !== 0) out.push({ on: formatDay(to), what: t('finance.ledger.statement.accrued'), principal: '', penalty: signedAmd(o.accruedNotPosted) });
  out.push({ on: formatDay(to), what: t('finance.ledger.statement.closing'), principal: signedAmd(o.closing.principal), penalty: signedAmd(o.closing.penalty) });
  return out;
}

export function StatementTables({ ctx, st }: { ctx: Ctx; st: Statement }) {
  const { t } = ctx;
  if (st.obligations.length === 0) return <p>{t('finance.ledger.statement.empty')}</p>;
  return (
    <>
      {st.obligations.map((o) => (
        <section aria-labelledby={`ob-${o.id}`}>
          <h3 id={`ob-${o.id}`}>
            {obligationKindLabel(t, o.kind)}, {o.period} — {o.subjectLabel}
            {o.status === 'cancelled' && <> <Tag>{t('finance.ledger.cancelled')}</Tag></>}
            {o.penaltyToCheck && <> <Tag tone="yellow">{t('finance.ledger.toCheck')}</Tag></>}
          </h3>
          <p class="muted">{t('finance.ledger.dueOn', { day: formatDay(o.dueOn) })}{o.effectiveDueOn !== o.dueOn ? ` ${t('finance.ledger.movedTo', { day: formatDay(o.effectiveDueOn) })}` : ''}</p>
          <Table
            t={t}
            caption={t('finance.ledger.statement.caption', { what: `${obligationKindLabel(t, o.kind)}, ${o.period}` })}
            captionHidden
            rows={lines(ctx, o, st.from, st.to)}
            columns={[
              { key: 'on', label: t('finance.ledger.col.date'), render: (l) => l.on },
              { key: 'what', label: t('finance.ledger.col.what'), render: (l) => l.what },
              { key: 'principal', label: componentLabel(t, 'principal'), numeric: true, render: (l) => l.principal },
              { key: 'penalty', label: componentLabel(t, 'penalty'), numeric: true, render: (l) => l.penalty },
            ]}
          />
        </section>
      ))}
      <h3>{t('finance.ledger.statement.totals')}</h3>
      <dl class="summary-list" id="statement-totals">
        <div class="summary-row"><dt>{t('finance.ledger.statement.openingTotal', { day: formatDay(st.from) })}</dt><dd>{formatAmd(st.opening.total)}</dd></div>
        <div class="summary-row"><dt>{t('finance.ledger.statement.closingTotal', { day: formatDay(st.to) })}</dt><dd>{formatAmd(st.closing.total)}</dd></div>
        <div class="summary-row"><dt>{t('finance.ledger.credit')}</dt><dd>{formatAmd(st.creditClosing)}</dd></div>
      </dl>
    </>
  );
}
