// In-app notices for staff: a message key with parameters (rendered in the reader's
// language when shown), a link into the back office, and read/unread. Written in the
// transaction of whatever they report; each belongs to one user in one community.
import type { Selectable } from 'kysely';
import type { Executor } from '../db/tenant.ts';
import type { TenantDb } from '../db/tenant.ts';
import { appendAudit, type AuditActor } from '../audit/audit.ts';
import { notFound } from '../http/errors.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import type { Locale } from '../i18n/define.ts';
import type { CommunityRole } from '../policy/roles.ts';
import { safeLocalPath } from '../auth/identifiers.ts';
import type { NoticesTable } from './notify.table.ts';
import { renderMessage, type MessageParams } from './render.ts';

export type NoticeRow = Selectable<NoticesTable>;

export interface NewNotice {
  key: MessageKey;
  params?: MessageParams;
  /** A path under /{slug}, such as "/staff/cases/12"; null for none. */
  link: string | null;
}

export const NOTICE_PAGE_SIZE = 50;

function checkedLink(link: string | null): string | null {
  if (link === null) return null;
  if (!safeLocalPath(link)) throw new Error(`A notice link must be a path under the community, got "${link}"`);
  return link;
}

/** Staff user ids holding `role` in the community (disabled accounts left out). */
export async function staffWithRole(tx: TenantDb, role: CommunityRole): Promise<number[]> {
  const rows = await tx
    .selectFrom('role_assignments')
    .innerJoin('users', 'users.id', 'role_assignments.user_id')
    .select('role_assignments.user_id')
    .distinct()
    .where('role_assignments.role', '=', role)
    .where('users.disabled', '=', 0)
    .orderBy('role_assignments.user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

/** Adds notices for users who hold a role in this community; a user who holds none is a caller's mistake. */
export async function addNotices(tx: TenantDb, userIds: number[], notice: NewNotice): Promise<number> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return 0;
  const members = await tx.selectFrom('role_assignments').select('user_id').distinct().where('user_id', 'in', ids).execute();
  if (members.length !== ids.length) throw new Error(`Notices go to this community's staff only; not staff here: ${ids.filter((id) => !members.some((m) => m.user_id === id)).join(', ')}`);
  const now = new Date().toISOString();
  const params = JSON.stringify(notice.params ?? {});
  const link = checkedLink(notice.link);
  await tx.insertInto('notices', ids.map((userId) => ({ user_id: userId, message_key: notice.key, params, link, created_at: now, read_at: null }))).execute();
  return ids.length;
}

export async function addNotice(tx: TenantDb, notice: NewNotice & { userId: number }): Promise<void> {
  await addNotices(tx, [notice.userId], notice);
}

/** A notice for everyone holding `role` here (escalations go to the chief of staff). Returns how many. */
export async function noticeStaffWithRole(tx: TenantDb, role: CommunityRole, notice: NewNotice): Promise<number> {
  return addNotices(tx, await staffWithRole(tx, role), notice);
}

/** The reader's unread count for the back-office header: one indexed count. */
export async function countUnreadNotices(db: Executor, communityId: number, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', communityId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface ShownNotice {
  id: number;
  text: string;
  link: string | null;
  createdAt: string;
  unread: boolean;
}

function show(row: NoticeRow, locale: Locale): ShownNotice {
  let params: MessageParams = {};
  try {
    params = JSON.parse(row.params) as MessageParams;
  } catch {
    // A damaged row still shows its message, without parameters.
  }
  return { id: row.id, text: renderMessage(row.message_key as MessageKey, params, locale), link: row.link, createdAt: row.created_at, unread: row.read_at === null };
}

/** One page of the reader's notices, newest first, with the totals. */
export async function listNotices(tx: TenantDb, userId: number, page: number, locale: Locale) {
  const mine = () => tx.selectFrom('notices').where('user_id', '=', userId);
  const [rows, totals] = await Promise.all([
    mine().selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(NOTICE_PAGE_SIZE).offset((page - 1) * NOTICE_PAGE_SIZE).execute(),
    mine()
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn.sum<number>(eb.case().when('read_at', 'is', null).then(1).else(0).end()).as('unread'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return { notices: rows.map((r) => show(r, locale)), total: Number(totals.total), unread: Number(totals.unread ?? 0) };
}

/** Marks one of the reader's own notices read; another's (or another community's) is 404. */
export async function markNoticeRead(tenant: TenantDb, actor: AuditActor, readerId: number, noticeId: number): Promise<void> {
  await tenant.transaction(async (tx, raw) => {
    const notice = await tx.selectFrom('notices').select(['id', 'read_at']).where('id', '=', noticeId).where('user_id', '=', readerId).executeTakeFirst();
    if (!notice) throw notFound();
    if (notice.read_at !== null) return;
    await tx.updateTable('notices').set({ read_at: new Date().toISOString() }).where('id', '=', noticeId).execute();
    await appendAudit(raw, actor, { communityId: tx.communityId, action: 'notice.read', entityType: 'notice', entityId: noticeId });
  });
}

/** Marks all the reader's unread notices read; returns how many. */
export async function markAllNoticesRead(tenant: TenantDb, actor: AuditActor, readerId: number): Promise<number> {
  return tenant.transaction(async (tx, raw) => {
    const res = await tx.updateTable('notices').set({ read_at: new Date().toISOString() }).where('user_id', '=', readerId).where('read_at', 'is', null).executeTakeFirst();
    const count = Number(res.numUpdatedRows);
    if (count > 0) await appendAudit(raw, actor, { communityId: tx.communityId, action: 'notice.read_all', entityType: 'notice', after: { count } });
    return count;
  });
}
