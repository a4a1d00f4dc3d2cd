// Pages of sign-in, registration, password reset and "my account". Plain HTML forms:
// everything works without JavaScript; every input has a label, errors are listed in a
// summary at the top that links to the fields (id="field-<name>").
import type { ComponentChildren } from 'preact';
import type { Ctx } from '../../platform/http/context.ts';
import type { FieldErrors } from '../../platform/http/errors.ts';
import { Layout } from '../../platform/ui/layout.tsx';
import { LOCALES, formatInstant, localized, type MessageKey } from '../../platform/i18n/index.ts';
import { isCommunityRole, isNationalRole } from '../../platform/policy/roles.ts';
import type { Account } from './accounts.service.ts';

type Values = Record<string, string>;

export interface FormState {
  values?: Values;
  errors?: FieldErrors;
  /** A form-wide message already translated (e.g. with a time in it), linked to `formErrorField`. */
  formError?: string;
  formErrorField?: string;
}

const LANGUAGE_NAMES = { hy: 'Հայերեն', en: 'English', ru: 'Русский' } as const;

function ErrorSummary({ ctx, state, first }: { ctx: Ctx; state: FormState; first: string }) {
  const items: { href: string; text: string }[] = [];
  if (state.formError) items.push({ href: `#field-${state.formErrorField ?? first}`, text: state.formError });
  for (const [name, key] of Object.entries(state.errors ?? {})) {
    items.push({ href: `#field-${name === '_form' ? first : name}`, text: ctx.t(key) });
  }
  if (items.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{ctx.t('error.summary')}</h2>
      <ul>
        {items.map((i) => (
          <li>
            <a href={i.href}>{i.text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  ctx: Ctx;
  state: FormState;
  name: string;
  label: MessageKey;
  type?: 'text' | 'email' | 'tel' | 'password';
  hint?: MessageKey;
  autocomplete?: string;
  inputMode?: 'numeric' | 'email' | 'tel' | 'text';
  maxLength?: number;
}

function Field({ ctx, state, name, label, type = 'text', hint, autocomplete, inputMode, maxLength }: FieldProps) {
  const id = `field-${name}`;
  const err = state.errors?.[name];
  const described = [hint ? `${id}-hint` : '', err ? `${id}-error` : ''].filter(Boolean).join(' ');
  const value = type === 'password' ? undefined : state.values?.[name];
  return (
    <div class={err ? 'field field-error' : 'field'}>
      <label for={id}>{ctx.t(label)}</label>
      {hint && <p class="hint" id={`${id}-hint`}>{ctx.t(hint)}</p>}
      {err && <p class="error-message" id={`${id}-error`}>{ctx.t(err)}</p>}
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        autocomplete={autocomplete}
        inputMode={inputMode}
        maxLength={maxLength}
        aria-invalid={err ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
    </div>
  );
}

function Csrf({ ctx }: { ctx: Ctx }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

function Notice({ children }: { children: ComponentChildren }) {
  return (
    <div class="notice" role="status">
      {children}
    </div>
  );
}

// ---- sign in -------------------------------------------------------------------

export function SignInPage({ ctx, state, next, notice }: { ctx: Ctx; state: FormState; next: string | null; notice?: MessageKey }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('auth.signin.title')} path="/signin">
      <h1>{t('auth.signin.title')}</h1>
      {notice && <Notice>{t(notice)}</Notice>}
      <ErrorSummary ctx={ctx} state={state} first="identifier" />
      <p>{t('auth.signin.intro')}</p>
      <form method="post" action="/signin" novalidate>
        <Csrf ctx={ctx} />
        {next && <input type="hidden" name="next" value={next} />}
        <Field ctx={ctx} state={state} name="identifier" label="auth.signin.identifier" hint="auth.signin.identifierHint" autocomplete="username" maxLength={254} />
        <Field ctx={ctx} state={state} name="password" label="auth.signin.password" type="password" autocomplete="current-password" />
        <button type="submit">{t('auth.signin.submit')}</button>
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
  return (
    <Layout ctx={ctx} title={t('auth.totp.title')} path="/signin">
      <h1>{t('auth.totp.title')}</h1>
      <ErrorSummary ctx={ctx} state={state} first="code" />
      <p>{t('auth.totp.intro')}</p>
      <form method="post" action="/signin/totp" novalidate>
        <Csrf ctx={ctx} />
        {next && <input type="hidden" name="next" value={next} />}
        <Field ctx={ctx} state={state} name="code" label="auth.totp.code" autocomplete="one-time-code" inputMode="numeric" maxLength={7} />
        <button type="submit">{t('auth.totp.submit')}</button>
      </form>
    </Layout>
  );
}

// ---- registration and reset -------------------------------------------------------

export function RegisterPage({ ctx, state }: { ctx: Ctx; state: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.register.title')} path="/register">
      <h1>{t('accounts.register.title')}</h1>
      <ErrorSummary ctx={ctx} state={state} first="full_name" />
      <p>{t('accounts.register.intro')}</p>
      <form method="post" action="/register" novalidate>
        <Csrf ctx={ctx} />
        <Field ctx={ctx} state={state} name="full_name" label="accounts.register.fullName" autocomplete="name" maxLength={120} />
        <Field ctx={ctx} state={state} name="email" label="accounts.register.email" type="email" autocomplete="email" maxLength={254} />
        <Field ctx={ctx} state={state} name="phone" label="accounts.register.phone" type="tel" hint="accounts.register.phoneHint" autocomplete="tel" maxLength={30} />
        <Field ctx={ctx} state={state} name="password" label="accounts.register.password" type="password" hint="auth.password.hint" autocomplete="new-password" />
        <Field ctx={ctx} state={state} name="password_confirm" label="accounts.register.confirm" type="password" autocomplete="new-password" />
        <button type="submit">{t('accounts.register.submit')}</button>
      </form>
      <p>
        <a href="/signin">{t('accounts.register.haveAccount')}</a>
      </p>
    </Layout>
  );
}

export function ForgotPage({ ctx, state, sent }: { ctx: Ctx; state: FormState; sent: boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('auth.forgot.title')} path="/password/forgot">
      <h1>{t('auth.forgot.title')}</h1>
      {sent ? (
        <Notice>{t('auth.forgot.sent')}</Notice>
      ) : (
        <>
          <ErrorSummary ctx={ctx} state={state} first="email" />
          <p>{t('auth.forgot.intro')}</p>
          <form method="post" action="/password/forgot" novalidate>
            <Csrf ctx={ctx} />
            <Field ctx={ctx} state={state} name="email" label="auth.forgot.email" type="email" autocomplete="email" maxLength={254} />
            <button type="submit">{t('auth.forgot.submit')}</button>
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
          <ErrorSummary ctx={ctx} state={state} first="password" />
          <form method="post" action={`/password/reset/${token}`} novalidate>
            <Csrf ctx={ctx} />
            <Field ctx={ctx} state={state} name="password" label="auth.reset.password" type="password" hint="auth.password.hint" autocomplete="new-password" />
            <Field ctx={ctx} state={state} name="password_confirm" label="auth.reset.confirm" type="password" autocomplete="new-password" />
            <button type="submit">{t('auth.reset.submit')}</button>
          </form>
        </>
      )}
    </Layout>
  );
}

// ---- my account ----------------------------------------------------------------------

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

export function AccountPage({ ctx, account, state = {}, notice, newToken }: AccountPageProps) {
  const { t } = ctx;
  const { user, me, tokens } = account;
  return (
    <Layout ctx={ctx} title={t('accounts.title')} path="/account">
      <h1>{t('accounts.title')}</h1>
      {notice && <Notice>{notice}</Notice>}
      <ErrorSummary ctx={ctx} state={state} first="locale" />
      {newToken && (
        <Notice>
          <p>{t('accounts.tokens.created', { name: newToken.name })}</p>
          <p>
            <code class="token">{newToken.token}</code>
          </p>
        </Notice>
      )}

      <section aria-labelledby="profile">
        <h2 id="profile">{t('accounts.profile')}</h2>
        <dl class="summary-list">
          <dt>{t('accounts.name')}</dt>
          <dd>{user.full_name}</dd>
          <dt>{t('accounts.email')}</dt>
          <dd>{user.email ?? t('accounts.none')}</dd>
          <dt>{t('accounts.phone')}</dt>
          <dd>{user.phone ?? t('accounts.none')}</dd>
        </dl>
      </section>

      <section aria-labelledby="language">
        <h2 id="language">{t('accounts.locale.title')}</h2>
        <form method="post" action="/account/locale">
          <Csrf ctx={ctx} />
          <div class={state.errors?.locale ? 'field field-error' : 'field'}>
            <label for="field-locale">{t('accounts.locale.label')}</label>
            {state.errors?.locale && <p class="error-message" id="field-locale-error">{t(state.errors.locale)}</p>}
            <select id="field-locale" name="locale">
              {LOCALES.map((l) => (
                <option value={l} lang={l} selected={l === user.locale}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t('action.save')}</button>
        </form>
      </section>

      <section aria-labelledby="communities">
        <h2 id="communities">{t('accounts.communities.title')}</h2>
        {me.nationalRoles.length > 0 && (
          <p>
            {t('accounts.communities.national')}: {me.nationalRoles.map((r) => roleName(ctx, r)).join(', ')}
          </p>
        )}
        {me.communities.length === 0 ? (
          <p>{t('accounts.communities.none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('accounts.communities.community')}</th>
                <th scope="col">{t('accounts.communities.roles')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('accounts.communities.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {me.communities.map((c) => (
                <tr>
                  <td>
                    <a href={`/${c.slug}`}>{localized({ name_hy: c.name.hy, name_en: c.name.en, name_ru: c.name.ru }, 'name', ctx.locale)}</a>
                  </td>
                  <td>{c.roles.map((r) => roleName(ctx, r)).join(', ')}</td>
                  <td>
                    <a href={`/${c.slug}/staff`}>{t('accounts.communities.open')}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="password">
        <h2 id="password">{t('accounts.password.title')}</h2>
        <form method="post" action="/account/password" novalidate>
          <Csrf ctx={ctx} />
          <Field ctx={ctx} state={state} name="current_password" label="accounts.password.current" type="password" autocomplete="current-password" />
          <Field ctx={ctx} state={state} name="new_password" label="accounts.password.new" type="password" hint="auth.password.hint" autocomplete="new-password" />
          <Field ctx={ctx} state={state} name="confirm_password" label="accounts.password.confirm" type="password" autocomplete="new-password" />
          <button type="submit">{t('accounts.password.submit')}</button>
        </form>
      </section>

      <section aria-labelledby="totp">
        <h2 id="totp">{t('accounts.totp.title')}</h2>
        {user.totp_enabled ? (
          <>
            <p>{t('accounts.totp.on')}</p>
            <form method="post" action="/account/totp/disable" novalidate>
              <Csrf ctx={ctx} />
              <Field ctx={ctx} state={state} name="totp_password" label="accounts.totp.password" type="password" autocomplete="current-password" />
              <button type="submit">{t('accounts.totp.disable')}</button>
            </form>
          </>
        ) : (
          <>
            <p>{t('accounts.totp.off')}</p>
            <form method="post" action="/account/totp/start">
              <Csrf ctx={ctx} />
              <button type="submit">{t('accounts.totp.start')}</button>
            </form>
          </>
        )}
      </section>

      {me.isStaff && (
        <section aria-labelledby="tokens">
          <h2 id="tokens">{t('accounts.tokens.title')}</h2>
          <p>{t('accounts.tokens.intro')}</p>
          {tokens.length === 0 ? (
            <p>{t('accounts.tokens.none')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('accounts.tokens.name')}</th>
                  <th scope="col">{t('accounts.tokens.createdAt')}</th>
                  <th scope="col">{t('accounts.tokens.lastUsed')}</th>
                  <th scope="col">{t('accounts.tokens.status')}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((tk) => (
                  <tr>
                    <td>{tk.name}</td>
                    <td>{formatInstant(tk.created_at)}</td>
                    <td>{tk.last_used_at ? formatInstant(tk.last_used_at) : t('accounts.tokens.never')}</td>
                    <td>
                      {tk.revoked_at ? (
                        t('accounts.tokens.revokedAt', { time: formatInstant(tk.revoked_at) })
                      ) : (
                        <form method="post" action={`/account/tokens/${tk.id}/revoke`}>
                          <Csrf ctx={ctx} />
                          {t('accounts.tokens.active')}{' '}
                          <button type="submit">{t('accounts.tokens.revoke', { name: tk.name })}</button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <form method="post" action="/account/tokens" novalidate>
            <Csrf ctx={ctx} />
            <Field ctx={ctx} state={state} name="token_name" label="accounts.tokens.name" hint="accounts.tokens.nameHint" maxLength={80} />
            <button type="submit">{t('accounts.tokens.create')}</button>
          </form>
        </section>
      )}
    </Layout>
  );
}

export function TotpSetupPage({ ctx, setup, state = {} }: { ctx: Ctx; setup: TotpSetup; state?: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.totp.setupTitle')} path="/account">
      <h1>{t('accounts.totp.setupTitle')}</h1>
      <ErrorSummary ctx={ctx} state={state} first="totp_code" />
      <p>{t('accounts.totp.scan')}</p>
      {/* The SVG is generated here by the qrcode package from our own URI: no user markup. */}
      <div class="qr" role="img" aria-label={t('accounts.totp.qr')} dangerouslySetInnerHTML={{ __html: setup.qrSvg }} />
      <dl class="summary-list">
        <dt>{t('accounts.totp.secret')}</dt>
        <dd>
          <code class="totp-secret">{setup.secret}</code>
        </dd>
        <dt>{t('accounts.totp.uri')}</dt>
        <dd>
          <code class="totp-uri">{setup.uri}</code>
        </dd>
      </dl>
      <form method="post" action="/account/totp/confirm" novalidate>
        <Csrf ctx={ctx} />
        <Field ctx={ctx} state={state} name="totp_code" label="accounts.totp.code" autocomplete="one-time-code" inputMode="numeric" maxLength={7} />
        <button type="submit">{t('accounts.totp.confirm')}</button>
      </form>
      <p>
        <a href="/account">{t('action.cancel')}</a>
      </p>
    </Layout>
  );
}
