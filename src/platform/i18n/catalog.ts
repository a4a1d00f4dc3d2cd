// The message catalogue: the platform's own messages and every module's, merged.
// Modules hand theirs over in their manifest (`messages`); the composition in
// src/modules installs them at start-up and types their keys by declaration merging
// (the composition's types.ts), so a key no catalogue defines fails the type check.
import { commonMessages } from './common.messages.ts';
import { authMessages } from '../auth/auth.messages.ts';
import { auditMessages } from '../audit/audit.messages.ts';
import { uiMessages } from '../ui/ui.messages.ts';
import { calendarMessages } from '../calendar/calendar.messages.ts';
import { notifyMessages } from '../notify/notify.messages.ts';
import { filesMessages } from '../files/files.messages.ts';
import { platformAuditMessages } from '../audit/platform-audit.messages.ts';
import { LOCALES, type Locale, type Messages } from './define.ts';

export const platformMessages = [commonMessages, authMessages, auditMessages, uiMessages, calendarMessages, notifyMessages, filesMessages, platformAuditMessages] as const;

/** The keys of one or more message parts, as an object type an interface can extend. */
export type KeysOf<P> = Record<P extends { hy: Record<infer K, string> } ? K : never, true>;

/** Every valid message key; modules' keys are merged into it by the composition's types.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MessageKeys extends KeysOf<(typeof platformMessages)[number]> {}

export type MessageKey = keyof MessageKeys & string;

type Catalog = Record<Locale, Record<MessageKey, string>>;

function merge(parts: readonly Messages<string>[]): Catalog {
  const out = Object.fromEntries(LOCALES.map((l) => [l, {} as Record<string, string>])) as Record<Locale, Record<string, string>>;
  for (const part of parts) {
    for (const locale of LOCALES) {
      for (const [k, v] of Object.entries(part[locale])) {
        if (locale === 'hy' && k in out.hy) throw new Error(`Message key ${k} is defined twice`);
        out[locale][k] = v;
      }
    }
  }
  return out as Catalog;
}

/** The merged catalogue; the platform's messages alone until installCatalog() runs. */
export let catalogs: Catalog = merge(platformMessages);

/** Installs the platform's messages and the modules' (called once by the composition). */
export function installCatalog(moduleParts: readonly Messages<string>[]): void {
  catalogs = merge([...platformMessages, ...moduleParts]);
}
