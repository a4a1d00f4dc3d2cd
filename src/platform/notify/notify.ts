// Telling an applicant (a citizen, an organization's contact) that something happened:
// the texts are rendered in their language and queued in the outbox, by e-mail and/or SMS,
// in the transaction of the change. Callers name a notification; this finds the addresses.
import { unscoped, type Executor, type TenantDb } from '../db/tenant.ts';
import { onExecutor } from '../jobs/queue.ts';
import { looksLikeEmail, normalizeEmail } from '../auth/identifiers.ts';
import type { OutboxChannel } from './notify.table.ts';
import { normalizePhone, queueMessage } from './outbox.ts';
import { localeOrDefault, renderNotification, type MessageParams, type NotificationKey } from './render.ts';

export interface ApplicantNotification {
  /** Default: the tenant's, when `tx` is a tenant handle. */
  communityId?: number;
  /** The applicant's account: its e-mail, phone and language fill whatever is not given here. */
  userId?: number | null;
  email?: string | null;
  phone?: string | null;
  locale?: string | null;
  /** `P` such that the catalog has `P.subject` and `P.body` (and optionally a short `P.sms`). */
  key: NotificationKey;
  params: MessageParams;
  /** Which channels to use, when there is an address for them (default: both). */
  channels?: OutboxChannel[];
}

export interface Queued {
  /** Outbox ids, or null where there was no usable address. */
  email: number | null;
  sms: number | null;
}

/**
 * Queues the notification on each channel the applicant has a usable address for. An
 * address that is malformed (typed at the desk) is skipped rather than failing the change.
 */
export async function notifyApplicant(db: Executor | TenantDb, n: ApplicantNotification): Promise<Queued> {
  return onExecutor(db, (tx, tenant) => queueFor(tx, { ...n, communityId: n.communityId ?? tenant ?? undefined }));
}

async function queueFor(tx: Executor, n: ApplicantNotification): Promise<Queued> {
  if (n.communityId === undefined) throw new Error('notifyApplicant needs a community: pass a tenant handle or communityId');
  let { email = null, phone = null, locale = null } = n;
  if (n.userId && (!email || !phone || !locale)) {
    const account = await unscoped(tx, "an applicant's contact details and language are on their national account")
      .selectFrom('users')
      .select(['email', 'phone', 'locale', 'disabled'])
      .where('id', '=', n.userId)
      .executeTakeFirst();
    if (account && !account.disabled) {
      email ??= account.email;
      phone ??= account.phone;
      locale ??= account.locale;
    }
  }
  const channels = new Set(n.channels ?? ['email', 'sms']);
  const lang = localeOrDefault(locale);
  const text = renderNotification(n.key, n.params, lang);
  const to = {
    email: email && looksLikeEmail(normalizeEmail(email)) ? email : null,
    sms: phone ? normalizePhone(phone) : null,
  };
  const queued: Queued = { email: null, sms: null };
  if (channels.has('email') && to.email) {
    queued.email = await queueMessage(tx, { communityId: n.communityId, channel: 'email', recipient: to.email, locale: lang, subject: text.subject, body: text.body });
  }
  if (channels.has('sms') && to.sms) {
    queued.sms = await queueMessage(tx, { communityId: n.communityId, channel: 'sms', recipient: to.sms, locale: lang, body: text.sms });
  }
  return queued;
}
