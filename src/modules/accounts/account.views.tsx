// "My account" and the TOTP enrolment page.
import type { Ctx } from '../../platform/http/context.ts';
import { Button, CsrfField, ErrorSummary, Field, Notice, SummaryList, Table, TextInput, fieldId } from '../../platform/ui/components.tsx';
import { Layout } from '../../platform/ui/layout.tsx';
import { allowedNavEntries, navHref } from '../../platform/ui/nav.ts';
import { LOCALES, formatInstant, localized } from '../../platform/i18n/index.ts';
import { isCommunityRole, isNationalRole } from '../../platform/policy/roles.ts';
import type { Account } from './accounts.service.ts';
import { PasswordInput, uiForm, type FormState } from './accounts.ui.tsx';

const LANGUAGE_NAMES = { hy: 'Հայերեն', en: 'English', ru: 'Русский' } as const;

export interface TotpSetup {
  secret: string;
  uri: string;
  qrSvg: string;
}

export interface AccountPageProps {
  ctx: Ctx;
  account: Account;
  state?: FormState;
  notice?: string;
  newToken?: { name: string; token: string };
}

function roleName(ctx: Ctx, role: string): string {
  return isCommunityRole(role) || isNationalRole(role) ? ctx.t(`accounts.role.${role}`) : role;
}

type Membership = Account['me']['communities'][number];
type Token = Account['tokens'][number];

export function AccountPage({ ctx, account, state = {}, notice, newToken }: AccountPageProps) {
  const { t } = ctx;
  const { user, me, tokens } = account;
  const form = uiForm(ctx, state, 'locale');
  const localeError = form.errors?.locale;
  // The fields of every form on the page (one form state serves them all).
  const labels: Record<string, string> = {
    locale: t('accounts.locale.label'), current_password: t('accounts.password.current'), new_password: t('accounts.password.new'),
    confirm_password: t('accounts.password.confirm'),
    ...(user.totp_enabled ? { totp_password: t('accounts.totp.password') } : {}),
    ...(me.isStaff ? { token_name: t('accounts.tokens.name') } : {}),
  };
  // The modules' pages about oneself across communities (applications, who saw one's record).
  const pages = allowedNavEntries(ctx.services, ctx.actor, 'account');
  return (
    <Layout ctx={ctx} title={t('accounts.title')} path="/account">
      <h1>{t('accounts.title')}</h1>
      {notice && <Notice title={notice} />}
      <ErrorSummary form={form} labels={labels} />
      {newToken && (
        <Notice title={t('accounts.tokens.created', { name: newToken.name })}>
          <p>
            <code class="token">{newToken.token}</code>
          </p>
        </Notice>
      )}

      {pages.length > 0 && (
        <nav aria-labelledby="account-pages">
          <h2 id="account-pages">{t('accounts.pages.title')}</h2>
          <ul class="inline-links">
            {pages.map((p) => <li><a href={navHref(p, null)}>{t(p.label)}</a></li>)}
          </ul>
        </nav>
      )}

      <section aria-labelledby="profile">
        <h2 id="profile">{t('accounts.profile')}</h2>
        <SummaryList
          rows={[
            { key: t('accounts.name'), value: user.full_name },
            { key: t('accounts.email'), value: user.email ?? t('accounts.none') },
            { key: t('accounts.phone'), value: user.phone ?? t('accounts.none') },
          ]}
        />
      </section>

      <section aria-labelledby="language">
        <h2 id="language">{t('accounts.locale.title')}</h2>
        <form method="post" action="/account/locale">
          <CsrfField token={ctx.csrfToken} />
          {/* Not the design system's Select: each option is named in its own language (lang). */}
          <Field form={form} name="locale" label={labels.locale!}>
            <select
              class="select"
              id={fieldId('locale')}
              name="locale"
              aria-invalid={localeError ? 'true' : undefined}
              aria-describedby={localeError ? `${fieldId('locale')}-error` : undefined}
            >
              {LOCALES.map((l) => (
                <option value={l} lang={l} selected={l === user.locale}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </Field>
          <Button>{t('action.save')}</Button>
        </form>
      </section>

      {me.communities.length === 0 && me.nationalRoles.length === 0 && (
        <section aria-labelledby="communities">
          <h2 id="communities">{t('accounts.communities.citizenTitle')}</h2>
          <p><a href="/">{t('accounts.communities.choose')}</a></p>
        </section>
      )}
      {(me.communities.length > 0 || me.nationalRoles.length > 0) && <section aria-labelledby="communities">
        <h2 id="communities">{t('accounts.communities.title')}</h2>
        {me.nationalRoles.length > 0 && (
          <p>
            {t('accounts.communities.national')}: {me.nationalRoles.map((r) => roleName(ctx, r)).join(', ')}
          </p>
        )}
        <Table<Membership>
          t={t}
          caption={t('accounts.communities.title')}
          captionHidden
          empty={t('accounts.communities.none')}
          rows={me.communities}
          columns={[
            {
              key: 'community',
              label: t('accounts.communities.community'),
              render: (c) => <a href={`/${c.slug}`}>{localized({ name_hy: c.name.hy, name_en: c.name.en, name_ru: c.name.ru }, 'name', ctx.locale)}</a>,
            },
            { key: 'roles', label: t('accounts.communities.roles'), render: (c) => c.roles.map((r) => roleName(ctx, r)).join(', ') },
            { key: 'open', label: t('accounts.communities.open'), render: (c) => <a href={`/${c.slug}/staff`}>{t('accounts.communities.open')}</a> },
          ]}
        />
      </section>}

      <section aria-labelledby="password">
        <h2 id="password">{t('accounts.password.title')}</h2>
        <form method="post" action="/account/password" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <PasswordInput form={form} name="current_password" label={labels.current_password!} autocomplete="current-password" />
          <PasswordInput form={form} name="new_password" label={labels.new_password!} hint={t('auth.password.hint')} autocomplete="new-password" />
          <PasswordInput form={form} name="confirm_password" label={labels.confirm_password!} autocomplete="new-password" />
          <Button>{t('accounts.password.submit')}</Button>
        </form>
      </section>

      <section aria-labelledby="totp">
        <h2 id="totp">{t('accounts.totp.title')}</h2>
        {user.totp_enabled ? (
          <>
            <p>{t('accounts.totp.on')}</p>
            <form method="post" action="/account/totp/disable" novalidate>
              <CsrfField token={ctx.csrfToken} />
              <PasswordInput form={form} name="totp_password" label={labels.totp_password!} autocomplete="current-password" />
              <Button variant="warning">{t('accounts.totp.disable')}</Button>
            </form>
          </>
        ) : (
          <>
            <p>{t('accounts.totp.off')}</p>
            <form method="post" action="/account/totp/start">
              <CsrfField token={ctx.csrfToken} />
              <Button variant="secondary">{t('accounts.totp.start')}</Button>
            </form>
          </>
        )}
      </section>

      {me.isStaff && (
        <section aria-labelledby="tokens">
          <h2 id="tokens">{t('accounts.tokens.title')}</h2>
          <p>{t('accounts.tokens.intro')}</p>
          <Table<Token>
            t={t}
            caption={t('accounts.tokens.title')}
            captionHidden
            empty={t('accounts.tokens.none')}
            rows={tokens}
            columns={[
              { key: 'name', label: t('accounts.tokens.name'), render: (tk) => tk.name },
              { key: 'created', label: t('accounts.tokens.createdAt'), render: (tk) => formatInstant(tk.created_at) },
              { key: 'used', label: t('accounts.tokens.lastUsed'), render: (tk) => (tk.last_used_at ? formatInstant(tk.last_used_at) : t('accounts.tokens.never')) },
              {
                key: 'status',
                label: t('accounts.tokens.status'),
                render: (tk) =>
                  tk.revoked_at ? (
                    t('accounts.tokens.revokedAt', { time: formatInstant(tk.revoked_at) })
                  ) : (
                    <form method="post" action={`/account/tokens/${tk.id}/revoke`}>
                      <CsrfField token={ctx.csrfToken} />
                      {t('accounts.tokens.active')}{' '}
                      <Button variant="warning">{t('accounts.tokens.revoke', { name: tk.name })}</Button>
                    </form>
                  ),
              },
            ]}
          />
          <form method="post" action="/account/tokens" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextInput form={form} name="token_name" label={labels.token_name!} hint={t('accounts.tokens.nameHint')} width="m" />
            <Button>{t('accounts.tokens.create')}</Button>
          </form>
        </section>
      )}
    </Layout>
  );
}

export function TotpSetupPage({ ctx, setup, state = {} }: { ctx: Ctx; setup: TotpSetup; state?: FormState }) {
  const { t } = ctx;
  const form = uiForm(ctx, state, 'totp_code');
  const labels = { totp_code: t('accounts.totp.code') };
  return (
    <Layout ctx={ctx} title={t('accounts.totp.setupTitle')} path="/account">
      <h1>{t('accounts.totp.setupTitle')}</h1>
      <ErrorSummary form={form} labels={labels} />
      <p>{t('accounts.totp.scan')}</p>
      {/* The SVG is generated here by the qrcode package from our own URI: no user markup. */}
      <div class="qr" role="img" aria-label={t('accounts.totp.qr')} dangerouslySetInnerHTML={{ __html: setup.qrSvg }} />
      <SummaryList
        rows={[
          { key: t('accounts.totp.secret'), value: <code class="totp-secret">{setup.secret}</code> },
          { key: t('accounts.totp.uri'), value: <code class="totp-uri">{setup.uri}</code> },
        ]}
      />
      <form method="post" action="/account/totp/confirm" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput form={form} name="totp_code" label={labels.totp_code} value="" autocomplete="one-time-code" inputMode="numeric" width="s" spellcheck={false} />
        <Button>{t('accounts.totp.confirm')}</Button>
      </form>
      <p>
        <a href="/account">{t('action.cancel')}</a>
      </p>
    </Layout>
  );
}
