// The statement of a period on a page of its own, for printing from the browser.
import type { Ctx } from '../../../platform/http/context.ts';
import { formatDay } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import { ErrorSummary } from '../../../platform/ui/components.tsx';
import type { Statement } from './statement.ts';
import type { PayerIdentity } from './payer.ts';
import { StatementTables } from './statement.views.tsx';
import { payerPath } from './ledger.display.ts';
import { financeBase } from './payers.views.tsx';

export function StatementPage({ ctx, identity, st, from, to }: { ctx: Ctx; identity: PayerIdentity; st: Statement | null; from: string; to: string }) {
  const { t } = ctx;
  const path = payerPath(ctx.requireCommunity().slug, identity.payer);
  const title = t('finance.ledger.statement.title');
  return (
    <StaffLayout ctx={ctx} title={`${title} — ${identity.name}`} path={`${path}/statement`}
      crumbs={[{ href: `${financeBase(ctx)}/payers`, label: t('finance.ledger.payers.title') }, { href: path, label: identity.name }, { label: title }]}>
      <h1>{title}: {identity.name}</h1>
      <p class="lead">{t('finance.ledger.statement.period', { from: formatDay(from), to: formatDay(to) })}</p>
      {st ? <StatementTables ctx={ctx} st={st} /> : (
        <ErrorSummary form={{ t, errors: { from: 'finance.ledger.error.period' } }} labels={{ from: t('finance.ledger.statement.from') }} />
      )}
      <p><a href={`${path}/statement.pdf?from=${from}&to=${to}`}>{t('finance.ledger.statement.pdf')}</a></p>
    </StaffLayout>
  );
}
