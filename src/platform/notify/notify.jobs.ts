// The notification side of the job runner: delivering the outbox, and forgetting old
// messages and notices (they hold personal data, kept only as long as they help).
import type { Services } from '../module/contract.ts';
import { unscoped } from '../db/tenant.ts';
import type { JobHandler, Schedule } from '../module/contract.ts';
import { deliverOutbox } from './outbox.ts';

const BATCH = 50;
/** One delivery job works through a backlog for at most this long, then leaves the rest to the next. */
const BUDGET_MS = 60_000;
const DAY_MS = 24 * 3600_000;
export const KEEP_MESSAGES_DAYS = 90;
export const KEEP_READ_NOTICES_DAYS = 180;

export const deliverOutboxJob: JobHandler = async (services) => {
  const until = Date.now() + BUDGET_MS;
  while (Date.now() < until) {
    const report = await deliverOutbox(services, { limit: BATCH });
    if (report.claimed < BATCH) break;
  }
};

/** Deletes sent and failed messages and read notices past their keeping time. */
export async function purgeNotifications(services: Services, now = new Date()): Promise<{ messages: number; notices: number }> {
  const db = unscoped(services.db.kysely, 'housekeeping by age across every community; no row is read or shown');
  const messagesBefore = new Date(now.getTime() - KEEP_MESSAGES_DAYS * DAY_MS).toISOString();
  const noticesBefore = new Date(now.getTime() - KEEP_READ_NOTICES_DAYS * DAY_MS).toISOString();
  const messages = await db.deleteFrom('outbox_messages').where('status', 'in', ['sent', 'failed']).where('created_at', '<', messagesBefore).executeTakeFirst();
  const notices = await db.deleteFrom('notices').where('read_at', '<', noticesBefore).executeTakeFirst();
  const out = { messages: Number(messages.numDeletedRows), notices: Number(notices.numDeletedRows) };
  if (out.messages || out.notices) services.log.info(out, 'old outbox messages and read notices deleted');
  return out;
}

export const notifyJobs: Record<string, JobHandler> = {
  'notify.deliver': deliverOutboxJob,
  'notify.purge': async (services) => {
    await purgeNotifications(services);
  },
};

export const notifySchedules: Schedule[] = [
  { kind: 'notify.deliver', everySeconds: 15 },
  { kind: 'notify.purge', everySeconds: 24 * 3600 },
];
