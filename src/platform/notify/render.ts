// Texts of notifications in the recipient's (or reader's) language. Parameters that are
// themselves language-dependent (a service's name, a status) are passed as a localized
// triple or as a message key, and resolved in that language too.
import { catalogs, type MessageKey } from '../i18n/catalog.ts';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/define.ts';
import { translator } from '../i18n/index.ts';

export interface LocalizedText {
  hy: string;
  en: string;
  ru: string;
}

export type MessageParam = string | number | LocalizedText | { message: MessageKey };
export type MessageParams = Record<string, MessageParam>;

/** A message key P such that the catalog has `P.subject` and `P.body` (and maybe `P.sms`). */
type PrefixOf<K> = K extends `${infer P}.subject` ? (`${P}.body` extends MessageKey ? P : never) : never;
export type NotificationKey = PrefixOf<MessageKey>;

export interface RenderedNotification {
  subject: string;
  body: string;
  /** The short text for SMS: `P.sms` when the catalog has one, else the body. */
  sms: string;
}

/** A stored locale that may be anything ("hy-AM", null) as one of ours. */
export function localeOrDefault(v: unknown): Locale {
  return isLocale(v) ? v : DEFAULT_LOCALE;
}

function isLocalized(v: object): v is LocalizedText {
  return 'hy' in v;
}

export function resolveParams(params: MessageParams, locale: Locale): Record<string, string | number> {
  const t = translator(locale);
  const out: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(params)) {
    if (typeof v === 'string' || typeof v === 'number') out[name] = v;
    else if (isLocalized(v)) out[name] = v[locale] || v[DEFAULT_LOCALE];
    else out[name] = t(v.message);
  }
  return out;
}

/** A catalog message in one language with its parameters resolved in that language. */
export function renderMessage(key: MessageKey, params: MessageParams, locale: Locale): string {
  return translator(locale)(key, resolveParams(params, locale));
}

export function renderNotification(key: NotificationKey, params: MessageParams, locale: Locale): RenderedNotification {
  const catalog = catalogs[locale] as Record<string, string>;
  const subjectKey = `${key}.subject` as MessageKey;
  const bodyKey = `${key}.body` as MessageKey;
  // The type allows only real keys; this guards callers that cast a key built at run time.
  if (!(subjectKey in catalog) || !(bodyKey in catalog)) throw new Error(`No notification texts ${key}.subject / ${key}.body in the catalog`);
  const smsKey = `${key}.sms`;
  const body = renderMessage(bodyKey, params, locale);
  return {
    subject: renderMessage(subjectKey, params, locale),
    body,
    sms: smsKey in catalog ? renderMessage(smsKey as MessageKey, params, locale) : body,
  };
}
