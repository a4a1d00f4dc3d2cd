// The staff pages of the payments part: cash at the desk and the payment connections.
import type { Ctx } from '../../../platform/http/context.ts';
import { formatAmd } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import { Button, ButtonLink, Checkboxes, CsrfField, ErrorSummary, Field, Notice, Table, TextInput, type FormState } from '../../../platform/ui/components.tsx';
import type { PayerBalance } from '../ledger/balances.ts';
import type { PayerIdentity } from '../ledger/payer.ts';
import type { ConnectionView } from './settings.ts';
import { PROVIDER_NAMES, type ProviderName } from './payments.table.ts';
import { PROVIDER_LABEL } from './intents.service.ts';
import { obligationColumns } from './my-taxes.views.tsx';
import { payerKey } from './ledger-api.ts';

export interface CashPageProps {
  ctx: Ctx;
  q: string;
  searchError: boolean;
  found: { who: PayerIdentity; balance: PayerBalance; formKey: string } | null;
  form: FormState;
}

export function CashPage({ ctx, q, searchError, found, form }: CashPageProps) {
  const { t } = ctx;
  const slug = ctx.requireCommunity().slug;
  const title = t('finance.cash.title');
  const search: FormState = { t, values: { q }, errors: searchError ? { q: 'finance.cash.badQuery' } : {} };
  const open = found?.balance.obligations.filter((o) => o.status === 'active' && o.due > 0) ?? [];
  return (
    <StaffLayout ctx={ctx} title={title} path={`/${slug}/staff/finance/cash`}>
      <h1>{title}</h1>
      <form method="get" action={`/${slug}/staff/finance/cash`} class="form">
        <ErrorSummary form={search} labels={{ q: t('finance.cash.find') }} />
        <TextInput form={search} name="q" label={t('finance.cash.find')} hint={t('finance.cash.findHint')} width="m" inputMode="numeric" />
        <Button variant="secondary">{t('finance.cash.search')}</Button>
      </form>
      {q && !searchError && !found && <p>{t('finance.cash.notFound')}</p>}
      {found && (
        <section aria-labelledby="payer-title">
          <h2 id="payer-title">{t('finance.cash.payer', { name: found.who.name })}</h2>
          <p><strong>{t('finance.myTaxes.total', { amount: formatAmd(Math.max(0, found.balance.due)) })}</strong></p>
          <Table t={t} caption={t('finance.pay.col.obligation')} captionHidden stack rows={found.balance.obligations.filter((o) => o.status === 'active')} empty={t('finance.cash.nothing')} columns={obligationColumns(ctx)} />
          <form method="post" action={`/${slug}/staff/finance/cash`} class="form" novalidate>
            <ErrorSummary form={form} labels={{ obligations: t('finance.myTaxes.choose'), amount: t('finance.cash.amount') }} />
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="payer" value={payerKey(found.who.payer)} />
            <input type="hidden" name="formKey" value={found.formKey} />
            {open.length > 0 && (
              <Checkboxes form={form} name="obligations" label={t('finance.myTaxes.choose')} checked={open.map((o) => String(o.id))}
                items={open.map((o) => ({ value: String(o.id), label: `${o.subjectLabel}, ${o.period}: ${formatAmd(o.due)}` }))} />
            )}
            <TextInput form={form} name="amount" label={t('finance.cash.amount')} hint={t('finance.cash.amountHint')} width="s" inputMode="numeric"
              value={form.values?.amount ?? String(Math.max(0, found.balance.due))} />
            <Button>{t('finance.cash.take')}</Button>
          </form>
        </section>
      )}
    </StaffLayout>
  );
}

export function CashDonePage({ ctx, paymentId, number, amount, payerName }: { ctx: Ctx; paymentId: number; number: string | null; amount: number; payerName: string }) {
  const { t } = ctx;
  const slug = ctx.requireCommunity().slug;
  const title = t('finance.cash.done');
  return (
    <StaffLayout ctx={ctx} title={title} path={`/${slug}/staff/finance/cash`}>
      <h1>{title}</h1>
      <Notice tone="success" title={t('finance.pay.result.paidBody', { amount: formatAmd(amount), number: number ?? '—' })}>{payerName}</Notice>
      <p><a href={`/${slug}/staff/finance/payments/${paymentId}/receipt`}>{t('finance.pay.result.receipt')}</a></p>
      <p><ButtonLink href={`/${slug}/staff/finance/cash`}>{t('finance.cash.another')}</ButtonLink></p>
    </StaffLayout>
  );
}

function ConnectionForm({ ctx, provider, current, form }: { ctx: Ctx; provider: ProviderName; current: ConnectionView | undefined; form: FormState }) {
  const { t } = ctx;
  const slug = ctx.requireCommunity().slug;
  const values = form.values ?? {};
  const f: FormState = { ...form, idPrefix: `${provider}-`, values: { merchantId: current?.merchantId ?? '', username: current?.username ?? '', gatewayUrl: current?.gatewayUrl ?? '', ...values } };
  const secretId = `field-${provider}-secret`;
  const enabled = values.enabled !== undefined ? values.enabled === '1' : current?.enabled ?? false;
  return (
    <form method="post" action={`/${slug}/staff/finance/payment-settings/${provider}`} class="form" novalidate>
      <h2>{PROVIDER_LABEL[provider]}</h2>
      <ErrorSummary form={f} labels={{ merchantId: t('finance.settings.merchantId'), username: t('finance.settings.username'), secret: t('finance.settings.secret'), gatewayUrl: t('finance.settings.gatewayUrl') }} />
      <CsrfField token={ctx.csrfToken} />
      <TextInput form={f} name="merchantId" label={t('finance.settings.merchantId')} width="m" />
      {provider === 'vpos' && <TextInput form={f} name="username" label={t('finance.settings.username')} width="m" optional />}
      <Field form={f} name="secret" label={t('finance.settings.secret')} hint={current?.hasSecret ? `${t('finance.settings.secretStored')}. ${t('finance.settings.secretHint')}` : undefined}>
        <input class="input input-m" type="password" id={secretId} name="secret" autocomplete="new-password" value="" aria-describedby={current?.hasSecret ? `${secretId}-hint` : undefined} />
      </Field>
      <TextInput form={f} name="gatewayUrl" label={t('finance.settings.gatewayUrl')} type="url" />
      <div class="checkbox">
        <input type="checkbox" id={`field-${provider}-enabled`} name="enabled" value="1" checked={enabled} />
        <label for={`field-${provider}-enabled`}>{t('finance.settings.enabled')}</label>
      </div>
      <Button>{t('finance.settings.save')}</Button>
    </form>
  );
}

export function SettingsPage({ ctx, connections, saved, failed }: { ctx: Ctx; connections: ConnectionView[]; saved: boolean; failed?: { provider: ProviderName; form: FormState } }) {
  const { t } = ctx;
  const slug = ctx.requireCommunity().slug;
  const title = t('finance.settings.title');
  return (
    <StaffLayout ctx={ctx} title={title} path={`/${slug}/staff/finance/payment-settings`}>
      <h1>{title}</h1>
      {saved && <Notice tone="success" title={t('finance.settings.saved')} />}
      <p>{t('finance.settings.intro')}</p>
      {PROVIDER_NAMES.map((p) => (
        <ConnectionForm ctx={ctx} provider={p} current={connections.find((c) => c.provider === p)} form={failed?.provider === p ? failed.form : { t }} />
      ))}
    </StaffLayout>
  );
}
