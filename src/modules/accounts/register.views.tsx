// The registration page.
import type { Ctx } from '../../platform/http/context.ts';
import { Button, CsrfField, ErrorSummary, TextInput } from '../../platform/ui/components.tsx';
import { Layout } from '../../platform/ui/layout.tsx';
import { PasswordInput, uiForm, type FormState } from './accounts.ui.tsx';

export function RegisterPage({ ctx, state }: { ctx: Ctx; state: FormState }) {
  const { t } = ctx;
  const form = uiForm(ctx, state, 'full_name');
  const labels = {
    full_name: t('accounts.register.fullName'), email: t('accounts.register.email'), phone: t('accounts.register.phone'),
    password: t('accounts.register.password'), password_confirm: t('accounts.register.confirm'),
  };
  return (
    <Layout ctx={ctx} title={t('accounts.register.title')} path="/register">
      <h1>{t('accounts.register.title')}</h1>
      <ErrorSummary form={form} labels={labels} />
      <p>{t('accounts.register.intro')}</p>
      <form method="post" action="/register" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput form={form} name="full_name" label={labels.full_name} autocomplete="name" spellcheck={false} />
        {/* One rule for the pair, stated once on the group: neither box is optional on its own. */}
        <fieldset class="group" aria-describedby="contact-hint">
          <legend>{t('accounts.register.contact')}</legend>
          <p class="hint" id="contact-hint">{t('accounts.register.contactHint')}</p>
          <TextInput form={form} name="email" label={labels.email} type="email" autocomplete="email" spellcheck={false} />
          <TextInput form={form} name="phone" label={labels.phone} type="tel" hint={t('accounts.register.phoneHint')} autocomplete="tel" width="m" />
        </fieldset>
        <PasswordInput form={form} name="password" label={labels.password} hint={t('auth.password.hint')} autocomplete="new-password" />
        <PasswordInput form={form} name="password_confirm" label={labels.password_confirm} autocomplete="new-password" />
        <Button>{t('accounts.register.submit')}</Button>
      </form>
      <p>
        <a href="/signin">{t('accounts.register.haveAccount')}</a>
      </p>
    </Layout>
  );
}
