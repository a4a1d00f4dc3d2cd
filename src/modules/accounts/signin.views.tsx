// Pages of sign-in: the password form and the TOTP step.
import type { Ctx } from '../../platform/http/context.ts';
import { Button, CsrfField, ErrorSummary, Notice, TextInput } from '../../platform/ui/components.tsx';
import { Layout } from '../../platform/ui/layout.tsx';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { PasswordInput, uiForm, type FormState } from './accounts.ui.tsx';

export function SignInPage({ ctx, state, next, notice }: { ctx: Ctx; state: FormState; next: string | null; notice?: MessageKey }) {
  const { t } = ctx;
  const form = uiForm(ctx, state, 'identifier');
  const labels = { identifier: t('auth.signin.identifier'), password: t('auth.signin.password') };
  return (
    <Layout ctx={ctx} title={t('auth.signin.title')} path="/signin">
      <h1>{t('auth.signin.title')}</h1>
      {notice && <Notice tone="info" title={t(notice)} />}
      <ErrorSummary form={form} labels={labels} />
      <p>{t('auth.signin.intro')}</p>
      <form method="post" action="/signin" novalidate>
        <CsrfField token={ctx.csrfToken} />
        {next && <input type="hidden" name="next" value={next} />}
        <TextInput form={form} name="identifier" label={labels.identifier} hint={t('auth.signin.identifierHint')} autocomplete="username" spellcheck={false} />
        <PasswordInput form={form} name="password" label={labels.password} autocomplete="current-password" />
        <Button>{t('auth.signin.submit')}</Button>
      </form>
      <p>
        <a href="/password/forgot">{t('auth.signin.forgot')}</a>
      </p>
      <p>
        <a href="/register">{t('auth.signin.register')}</a>
      </p>
    </Layout>
  );
}

export function TotpPage({ ctx, state, next }: { ctx: Ctx; state: FormState; next: string | null }) {
  const { t } = ctx;
  const form = uiForm(ctx, state, 'code');
  const labels = { code: t('auth.totp.code') };
  return (
    <Layout ctx={ctx} title={t('auth.totp.title')} path="/signin">
      <h1>{t('auth.totp.title')}</h1>
      <ErrorSummary form={form} labels={labels} />
      <p>{t('auth.totp.intro')}</p>
      <form method="post" action="/signin/totp" novalidate>
        <CsrfField token={ctx.csrfToken} />
        {next && <input type="hidden" name="next" value={next} />}
        <TextInput form={form} name="code" label={labels.code} value="" autocomplete="one-time-code" inputMode="numeric" width="s" spellcheck={false} />
        <Button>{t('auth.totp.submit')}</Button>
      </form>
    </Layout>
  );
}
