// Pages of the online payment: on the way to the provider (a form Idram wants posted) and
// back from it (paid, waiting for the confirmation, or not paid).
import { h } from 'preact';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../../platform/http/context.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { formatAmd } from '../../../platform/i18n/index.ts';
import { Layout } from '../../../platform/ui/layout.tsx';
import { Button, ButtonLink, Notice } from '../../../platform/ui/components.tsx';
import type { Redirect } from './provider.ts';
import { PROVIDER_LABEL, type IntentRow } from './intents.service.ts';
import type { ProviderName } from './payments.table.ts';

/**
 * On the way to the provider: a button that posts the provider's form (Idram) or a link to its
 * payment page (vPOS). Not a redirect from our form: the pages' Content-Security-Policy allows
 * forms to post to this site only (form-action 'self', which browsers apply to a form's
 * redirects too), so this page alone also allows the provider's origin.
 */
export function ToProviderPage({ ctx, redirect, amount, provider }: { ctx: Ctx; redirect: Redirect; amount: number; provider: string }) {
  const { t } = ctx;
  const title = t('finance.myTaxes.payTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t('finance.pay.case.amount', { amount: formatAmd(amount) })}</p>
      {redirect.method === 'POST' ? (
        <form method="post" action={redirect.url}>
          {Object.entries(redirect.fields).map(([name, value]) => <input type="hidden" name={name} value={value} />)}
          <Button>{`${t('finance.myTaxes.pay')}: ${provider}`}</Button>
        </form>
      ) : (
        <p><a class="button button-primary" href={redirect.url}>{`${t('finance.myTaxes.pay')}: ${provider}`}</a></p>
      )}
    </Layout>
  );
}

export function ResultPage({ ctx, intent, receipt, declined }: { ctx: Ctx; intent: IntentRow; receipt: { number: string; href: string } | null; declined: boolean }) {
  const { t } = ctx;
  const paid = intent.status === 'paid';
  const failed = !paid && (intent.status !== 'pending' || declined);
  const title = paid ? t('finance.pay.result.paid') : failed ? t('finance.pay.result.failed') : t('finance.pay.result.pending');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {paid && <Notice tone="success" title={title}>{t('finance.pay.result.paidBody', { amount: formatAmd(intent.amount), number: receipt?.number ?? '—' })}</Notice>}
      {failed && <p>{t('finance.pay.result.failedBody')}</p>}
      {!paid && !failed && <p>{t('finance.pay.result.pendingBody')}</p>}
      {paid && receipt && <p><a href={receipt.href}>{t('finance.pay.result.receipt')}</a></p>}
      <p><ButtonLink href={intent.return_path}>{t('finance.pay.result.back')}</ButtonLink></p>
    </Layout>
  );
}

/** Sends the payer on: a link, or a page with the form the provider wants posted. */
export function toProvider(ctx: Ctx, reply: FastifyReply, redirect: Redirect, amount: number, provider: ProviderName) {
  if (redirect.method === 'POST') {
    const csp = String(reply.getHeader('content-security-policy') ?? '');
    reply.header('content-security-policy', csp.replace("form-action 'self'", `form-action 'self' ${new URL(redirect.url).origin}`));
  }
  return sendPage(reply, h(ToProviderPage, { ctx, redirect, amount, provider: PROVIDER_LABEL[provider] }));
}
