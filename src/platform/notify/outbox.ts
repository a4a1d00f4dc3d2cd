// The outbox of email and SMS messages. A message is written, already in the recipient's
// language, in the transaction of the change it reports; the worker delivers it later
// with retries, so a mail server or gateway being down never fails or slows a request.
import type { Selectable } from 'kysely';
import { TenantDb, type Executor } from '../db/tenant.ts';
import { communityFor, onExecutor } from '../jobs/queue.ts';
import type { Services } from '../module/contract.ts';
import { isLocale } from '../i18n/define.ts';
import { looksLikeEmail, normalizeArmenianMobile, normalizeEmail } from '../auth/identifiers.ts';
import type { OutboxChannel, OutboxMessagesTable } from './notify.table.ts';
import { SmsError } from './sms.ts';
import { noticeStaffWithRole } from './notices.ts';

export type OutboxRow = Selectable<OutboxMessagesTable>;

export const OUTBOX_MAX_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 60_000;
const BACKOFF_CAP_MS = 6 * 3600_000;
/** A claimed message is not claimed again for this long (a worker that died mid-send). */
const LEASE_MS = 5 * 60_000;
const PARALLEL_SENDS = 4;
const MAX_ERROR_LENGTH = 1000;

export interface OutgoingMessage {
  /** Default: the tenant's, when `tx` is a tenant handle; null for messages of no community. */
  communityId?: number | null;
  channel: OutboxChannel;
  /** An e-mail address, or a phone number (Armenian numbers in any usual spelling, or E.164). */
  recipient: string;
  locale: string;
  /** Required for e-mail. */
  subject?: string | null;
  body: string;
}

/** "+374 91 00-00-01" and "091000001" → "+37491000001"; other E.164 numbers as they are; else null. */
export function normalizePhone(raw: string): string | null {
  const armenian = normalizeArmenianMobile(raw);
  if (armenian) return armenian;
  const compact = raw.trim().replace(/[\s\-().]/g, '');
  return /^\+[1-9]\d{7,14}$/.test(compact) ? compact : null;
}

/** Wait before the next try after `attempt` failed: 1 min, 2, 4 … at most 6 h. */
export function outboxBackoffMs(attempt: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1), BACKOFF_CAP_MS);
}

/**
 * Queues a message. Pass the transaction (or the tenant handle in it) of the change it
 * reports, so it is sent exactly when that change commits. A malformed recipient is a
 * caller's mistake and throws.
 */
export async function queueMessage(db: Executor | TenantDb, msg: OutgoingMessage): Promise<number> {
  const recipient = msg.channel === 'email' ? normalizeEmail(msg.recipient) : normalizePhone(msg.recipient);
  if (!recipient || (msg.channel === 'email' && !looksLikeEmail(recipient))) throw new Error(`Not a valid ${msg.channel} recipient: "${msg.recipient}"`);
  if (msg.channel === 'email' && !msg.subject?.trim()) throw new Error('An e-mail needs a subject');
  if (!msg.body.trim()) throw new Error('A message needs a body');
  if (!isLocale(msg.locale)) throw new Error(`Unknown locale "${msg.locale}"`);
  const now = new Date().toISOString();
  const row = await onExecutor(db, (tx, tenant) => tx
    .insertInto('outbox_messages')
    .values({
      community_id: communityFor(msg.communityId, tenant),
      channel: msg.channel,
      recipient,
      locale: msg.locale,
      subject: msg.channel === 'email' ? msg.subject!.trim() : null,
      body: msg.body,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow());
  return row.id;
}

/**
 * Takes up to `limit` due messages: one UPDATE that moves their next attempt past a lease
 * and counts the attempt (PostgreSQL skips rows another worker is taking; SQLite runs one
 * writer at a time), so two workers never send the same message at once.
 */
async function claimMessages(services: Services, limit: number, now: Date): Promise<OutboxRow[]> {
  const db = services.db.kysely;
  let due = db
    .selectFrom('outbox_messages')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit);
  if (services.db.engine === 'postgres') due = due.forUpdate().skipLocked();
  return db
    .updateTable('outbox_messages')
    .set((eb) => ({ next_attempt_at: new Date(now.getTime() + LEASE_MS).toISOString(), attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', due)
    .returningAll()
    .execute();
}

type Outcome = { ok: true; note: string | null } | { ok: false; error: string; permanent: boolean };

/**
 * An SMTP 5xx answer (mailbox unavailable, no such user) will not succeed later; a 4xx
 * (greylisting, mailbox busy) or a connection failure may. An envelope refused without a
 * server answer (no valid recipient) is permanent too.
 */
function permanentMailError(err: unknown): boolean {
  const e = err as { responseCode?: unknown; code?: unknown };
  if (typeof e.responseCode === 'number') return e.responseCode >= 500 && e.responseCode < 600;
  return e.code === 'EENVELOPE';
}

async function send(services: Services, msg: OutboxRow): Promise<Outcome> {
  try {
    if (msg.channel === 'email') {
      await services.mailer.send({ to: msg.recipient, subject: msg.subject ?? '', text: msg.body });
      return { ok: true, note: services.mailer.transport === 'log' ? 'no SMTP: logged' : null };
    }
    await services.sms.send({ to: msg.recipient, text: msg.body });
    return { ok: true, note: services.sms.transport === 'log' ? 'no gateway: logged' : null };
  } catch (err) {
    const error = (err instanceof Error ? err.message : String(err)).slice(0, MAX_ERROR_LENGTH);
    const permanent = err instanceof SmsError ? err.permanent : permanentMailError(err);
    return { ok: false, error, permanent };
  }
}

/** Writes what happened; fenced on the attempt so a late writer cannot undo a newer one. */
async function record(services: Services, msg: OutboxRow, outcome: Outcome, now: Date): Promise<'sent' | 'retry' | 'failed'> {
  const fenced = (tx: Executor) =>
    tx.updateTable('outbox_messages').where('id', '=', msg.id).where('status', '=', 'pending').where('attempts', '=', msg.attempts);
  const db = services.db.kysely;
  if (outcome.ok) {
    await fenced(db).set({ status: 'sent', sent_at: now.toISOString(), last_error: outcome.note }).execute();
    return 'sent';
  }
  if (!outcome.permanent && msg.attempts < OUTBOX_MAX_ATTEMPTS) {
    await fenced(db).set({ next_attempt_at: new Date(now.getTime() + outboxBackoffMs(msg.attempts)).toISOString(), last_error: outcome.error }).execute();
    return 'retry';
  }
  await db.transaction().execute(async (tx) => {
    const res = await fenced(tx).set({ status: 'failed', last_error: outcome.error }).executeTakeFirst();
    // The community's IT administrators hear of it: a citizen was not told something.
    if (Number(res.numUpdatedRows) === 1 && msg.community_id !== null) {
      await noticeStaffWithRole(new TenantDb(tx, msg.community_id), 'it_admin', {
        key: 'notify.notice.deliveryFailed',
        params: { channel: { message: msg.channel === 'email' ? 'notify.channel.email' : 'notify.channel.sms' }, recipient: msg.recipient, error: outcome.error.slice(0, 200) },
        link: null,
      });
    }
  });
  return 'failed';
}

export interface DeliveryReport {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

/** Sends due messages (at most `limit`), a few at a time, and records each outcome. */
export async function deliverOutbox(services: Services, opts: { limit?: number; now?: Date } = {}): Promise<DeliveryReport> {
  const now = opts.now ?? new Date();
  const batch = await claimMessages(services, opts.limit ?? 50, now);
  const report: DeliveryReport = { claimed: batch.length, sent: 0, retried: 0, failed: 0 };
  let next = 0;
  const worker = async () => {
    while (next < batch.length) {
      const msg = batch[next++]!;
      const result = await record(services, msg, await send(services, msg), opts.now ?? new Date());
      if (result === 'sent') report.sent++;
      else if (result === 'retry') report.retried++;
      else {
        report.failed++;
        services.log.warn({ outbox: msg.id, channel: msg.channel, attempts: msg.attempts }, 'outbox message failed for good');
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_SENDS, batch.length) }, worker));
  return report;
}
