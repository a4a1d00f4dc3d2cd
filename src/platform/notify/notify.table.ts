// Notifications: the outbox of email and SMS messages (rendered in the recipient's
// language when written, delivered by the worker with retries), and in-app notices for staff.
import type { Generated } from 'kysely';

export type OutboxChannel = 'email' | 'sms';
export type OutboxStatus = 'pending' | 'sent' | 'failed';

export interface OutboxMessagesTable {
  id: Generated<number>;
  community_id: number | null;
  channel: OutboxChannel;
  /** Email address or phone number (+374…). */
  recipient: string;
  locale: string;
  subject: string | null;
  body: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  sent_at: string | null;
  last_error: string | null;
  created_at: string;
}

/** An in-app notice for a staff member (shown in the back office with a count). */
export interface NoticesTable {
  id: Generated<number>;
  community_id: number;
  user_id: number;
  /** A message key of the catalog, rendered in the reader's language when shown. */
  message_key: string;
  /** JSON object of the message's parameters. */
  params: string;
  /** Path under /{slug} to open ("/staff/cases/12"). */
  link: string | null;
  created_at: string;
  read_at: string | null;
}
