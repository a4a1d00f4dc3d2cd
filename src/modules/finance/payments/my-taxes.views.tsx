// "My taxes" (/account/taxes): one section per payer the person is (themselves in each
// community, organizations they represent), with what is owed, the history and a pay form.
import type { Ctx } from '../../../platform/http/context.ts';
import type { FieldErrors } from '../../../platform/http/errors.ts';
import { formatAmd, formatDay, localized, type MessageKey } from '../../../platform/i18n/index.ts';
import { Layout } from '../../../platform/ui/layout.tsx';
import { Button, Checkboxes, CsrfField, ErrorSummary, Select, Table, Tag, type FormState } from '../../../platform/ui/components.tsx';
import type { ObligationBalance } from '../ledger/balances.ts';
import type { PaymentLine, PayerSection } from './my-taxes.data.ts';
import { PROVIDER_LABEL } from './intents.service.ts';

export interface PayFormErrors {
  key: string;
  errors: FieldErrors;
  values: Record<string, string>;
  checked: string[];
}

export function obligationColumns(ctx: Ctx) {
  const { t } = ctx;
  return [
    { key: 'what', label: t('finance.pay.col.obligation'), render: (o: ObligationBalance) => o.subjectLabel },
    { key: 'period', label: t('finance.pay.col.period'), render: (o: ObligationBalance) => o.period },
    { key: 'dueOn', label: t('finance.pay.col.dueOn'), render: (o: ObligationBalance) => <time dateTime={o.dueOn}>{formatDay(o.dueOn)}</time> },
    { key: 'principal', label: t('finance.pay.col.principal'), numeric: true, render: (o: ObligationBalance) => formatAmd(o.principal) },
    {
      key: 'penalty', label: t('finance.pay.col.penalty'), numeric: true,
      render: (o: ObligationBalance) => <>{formatAmd(o.penaltyToDate)}{o.penaltyToCheck && o.penaltyToDate > 0 && <> <Tag tone="yellow">{t('finance.myTaxes.toCheck')}</Tag></>}</>,
    },
    { key: 'due', label: t('finance.pay.col.due'), numeric: true, render: (o: ObligationBalance) => <strong>{formatAmd(o.due)}</strong> },
  ];
}

export function PaymentHistory({ ctx, slug, payments, receiptHref }: { ctx: Ctx; slug: string; payments: PaymentLine[]; receiptHref: (slug: string, id: number) => string }) {
  const { t } = ctx;
  return (
    <Table t={t} caption={t('finance.myTaxes.history')} stack rows={payments} empty={t('finance.myTaxes.noPayments')} columns={[
      { key: 'date', label: t('finance.pay.col.date'), render: (p) => <time dateTime={p.paidOn}>{formatDay(p.paidOn)}</time> },
      { key: 'amount', label: t('finance.pay.col.amount'), numeric: true, render: (p) => formatAmd(p.amount) },
      { key: 'channel', label: t('finance.pay.col.channel'), render: (p) => t(`finance.pay.channel.${p.channel}` as MessageKey) },
      { key: 'receipt', label: t('finance.pay.col.receipt'), render: (p) => (p.receiptNumber ? <a href={receiptHref(slug, p.id)}>{t('finance.myTaxes.receipt', { number: p.receiptNumber })}</a> : '—') },
    ]} />
  );
}

function PayForm({ ctx, s, failed }: { ctx: Ctx; s: PayerSection; failed: PayFormErrors | undefined }) {
  const { t } = ctx;
  const payable = s.balance.obligations.filter((o) => o.status === 'active' && o.due > 0);
  if (payable.length === 0) return null;
  if (s.providers.length === 0) return <p>{t('finance.myTaxes.noOnline')}</p>;
  const form: FormState = { t, errors: failed?.errors ?? {}, values: failed?.values ?? {}, idPrefix: `${s.key}-` };
  const checked = failed?.checked ?? payable.map((o) => String(o.id));
  return (
    <form method="post" action={`/${s.who.slug}/taxes/pay`} class="form" novalidate>
      <h3>{t('finance.myTaxes.payTitle')}</h3>
      <ErrorSummary form={form} labels={{ obligations: t('finance.myTaxes.choose'), provider: t('finance.myTaxes.provider') }} />
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="payer" value={s.key} />
      <Checkboxes form={form} name="obligations" label={t('finance.myTaxes.choose')} checked={checked}
        items={payable.map((o) => ({ value: String(o.id), label: `${o.subjectLabel}, ${o.period}: ${formatAmd(o.due)}` }))} />
      <Select form={form} name="provider" label={t('finance.myTaxes.provider')} options={s.providers.map((p) => ({ value: p, label: PROVIDER_LABEL[p] }))} />
      <Button>{t('finance.myTaxes.pay')}</Button>
    </form>
  );
}

export function MyTaxesPage({ ctx, linked, sections, failed }: { ctx: Ctx; linked: boolean; sections: PayerSection[]; failed?: PayFormErrors }) {
  const { t } = ctx;
  const title = t('finance.myTaxes.title');
  return (
    <Layout ctx={ctx} title={title} path="/account/taxes" breadcrumbs={[{ href: '/account', label: t('nav.myAccount') }, { label: title }]}>
      <h1>{title}</h1>
      <p>{t('finance.myTaxes.intro')}</p>
      {!linked && <p class="notice">{t('finance.myTaxes.notLinked')}</p>}
      {linked && sections.length === 0 && <p>{t('finance.myTaxes.none')}</p>}
      {sections.map((s) => (
        <section aria-labelledby={`payer-${s.key}-${s.who.slug}`}>
          <h2 id={`payer-${s.key}-${s.who.slug}`}>
            {localized(s.who.communityName, 'name', ctx.locale)} — {s.who.name}{s.who.asRepresentative && <> ({t('finance.myTaxes.asRepresentative')})</>}
          </h2>
          <p><strong>{t('finance.myTaxes.total', { amount: formatAmd(Math.max(0, s.balance.due)) })}</strong>{s.balance.credit > 0 && <> · {t('finance.myTaxes.credit', { amount: formatAmd(s.balance.credit) })}</>}</p>
          <Table t={t} caption={`${t('finance.pay.col.obligation')}: ${s.who.name}`} captionHidden stack rows={s.balance.obligations.filter((o) => o.status === 'active')} empty={t('finance.myTaxes.none')} columns={obligationColumns(ctx)} />
          {s.joint.length > 0 && (
            <>
              <h3>{t('finance.myTaxes.joint')}</h3>
              <p>{t('finance.myTaxes.jointNote')}</p>
              <Table t={t} caption={t('finance.myTaxes.joint')} captionHidden stack rows={s.joint} empty={t('finance.myTaxes.none')} columns={obligationColumns(ctx)} />
            </>
          )}
          <PayForm ctx={ctx} s={s} failed={failed?.key === `${s.who.slug}:${s.key}` ? failed : undefined} />
          <PaymentHistory ctx={ctx} slug={s.who.slug} payments={s.payments} receiptHref={(slug, id) => `/${slug}/taxes/receipts/${id}`} />
          <p><a href={`/${s.who.slug}/taxes/statement?payer=${s.key}`}>{t('finance.myTaxes.statement')}</a></p>
        </section>
      ))}
    </Layout>
  );
}
