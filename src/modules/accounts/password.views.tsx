// Pages of the forgotten password: asking for a link, and setting a new password with it.
import type { Ctx } from '../../platform/http/context.ts';
import { Button, CsrfField, ErrorSummary, Notice, TextInput } from '../../platform/ui/components.tsx';
import { Layout } from '../../platform/ui/layout.tsx';
import { PasswordInput, uiForm, type FormState } from './accounts.ui.tsx';

export function ForgotPage({ ctx, state, sent }: { ctx: Ctx; state: FormState; sent: boolean }) {
  const { t } = ctx;
  const form = uiForm(ctx, state, 'email');
  const labels = { email: t('auth.forgot.email') };
  return (
    <Layout ctx={ctx} title={t('auth.forgot.title')} path="/password/forgot">
      <h1>{t('auth.forgot.title')}</h1>
      {sent ? (
        <Notice tone="info" title={t('auth.forgot.sent')} />
      ) : (
        <>
          <ErrorSummary form={form} labels={labels} />
          <p>{t('auth.forgot.intro')}</p>
          <form method="post" action="/password/forgot" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextInput form={form} name="email" label={labels.email} type="email" autocomplete="email" spellcheck={false} />
            <Button>{t('auth.forgot.submit')}</Button>
          </form>
        </>
      )}
      <p>
        <a href="/signin">{t('auth.signin.title')}</a>
      </p>
    </Layout>
  );
}

export function ResetPage({ ctx, state, token }: { ctx: Ctx; state: FormState; token: string | null }) {
  const { t } = ctx;
  const form = uiForm(ctx, state, 'password');
  const labels = { password: t('auth.reset.password'), password_confirm: t('auth.reset.confirm') };
  return (
    <Layout ctx={ctx} title={t('auth.reset.title')} path="/password/forgot">
      <h1>{t('auth.reset.title')}</h1>
      {token === null ? (
        <>
          <p>{t('auth.reset.invalidLink')}</p>
          <p>
            <a href="/password/forgot">{t('auth.forgot.title')}</a>
          </p>
        </>
      ) : (
        <>
          <ErrorSummary form={form} labels={labels} />
          <form method="post" action={`/password/reset/${token}`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <PasswordInput form={form} name="password" label={labels.password} hint={t('auth.password.hint')} autocomplete="new-password" />
            <PasswordInput form={form} name="password_confirm" label={labels.password_confirm} autocomplete="new-password" />
            <Button>{t('auth.reset.submit')}</Button>
          </form>
        </>
      )}
    </Layout>
  );
}
