// The registration page.
import type { Ctx } from '../../platform/http/context.ts';
import { Button, CsrfField, ErrorSummary, TextInput } from '../../platform/ui/components.tsx';
import { Layout } from '../../platform/ui/layout.tsx';
import { PasswordInput, uiForm, type FormState } from './accounts.ui.tsx';

export function RegisterPage({ ctx, state }: { ctx: Ctx; state: FormState }) {
  const { t } = ctx;
  const form = uiForm(ctx, state, 'full_name');
  return (
    <Layout ctx={ctx} title={t('accounts.register.title')} path="/register">
      <h1>{t('accounts.register.title')}</h1>
      <ErrorSummary form={form} />
      <p>{t('accounts.register.intro')}</p>
      <form method="post" action="/register" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput form={form} name="full_name" label={t('accounts.register.fullName')} autocomplete="name" spellcheck={false} />
        <TextInput form={form} name="email" label={t('accounts.register.email')} type="email" autocomplete="email" spellcheck={false} />
        <TextInput form={form} name="phone" label={t('accounts.register.phone')} type="tel" hint={t('accounts.register.phoneHint')} autocomplete="tel" width="m" />
        <PasswordInput form={form} name="password" label={t('accounts.register.password')} hint={t('auth.password.hint')} autocomplete="new-password" />
        <PasswordInput form={form} name="password_confirm" label={t('accounts.register.confirm')} autocomplete="new-password" />
        <Button>{t('accounts.register.submit')}</Button>
      </form>
      <p>
        <a href="/signin">{t('accounts.register.haveAccount')}</a>
      </p>
    </Layout>
  );
}
