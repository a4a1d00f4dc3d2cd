// Changing the site's content: each use-case checks, writes and audits in one transaction.
// Who wrote, changed and published what is on the row and in the audit log (before/after).
import type { AuditActor } from '../../platform/audit/audit.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { TenantDb } from '../../platform/db/tenant.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { storeFile } from '../../platform/files/store.ts';
import type { PostInput, MenuInput } from './website.schemas.ts';
import type { PostKind } from './website.table.ts';
import { findPost, type Post } from './posts.queries.ts';
import { sanitizeRichText } from './sanitize.ts';
import { processImage } from './images.ts';

export interface Editor {
  tenant: TenantDb;
  actor: AuditActor;
  filesDir: string;
  now?: Date;
}

/** What the audit log keeps of a post: its state, not its bodies (those are on the row). */
function snapshot(p: Pick<Post, 'kind' | 'title_hy' | 'status' | 'publish_at' | 'expires_at' | 'path' | 'category'>) {
  return { kind: p.kind, title: p.title_hy, status: p.status, publishAt: p.publish_at, expiresAt: p.expires_at, path: p.path, category: p.category };
}

function fields(input: PostInput, kind: PostKind) {
  return {
    title_hy: input.title_hy,
    title_en: input.title_en ?? null,
    title_ru: input.title_ru ?? null,
    summary_hy: input.summary_hy ?? null,
    summary_en: input.summary_en ?? null,
    summary_ru: input.summary_ru ?? null,
    body_hy: sanitizeRichText(input.body_hy),
    body_en: sanitizeRichText(input.body_en),
    body_ru: sanitizeRichText(input.body_ru),
    path: kind === 'page' ? (input.path ?? null) : null,
    category: input.category ?? null,
    expires_at: input.expires_at ?? null,
    starts_at: kind === 'event' ? (input.starts_at ?? null) : null,
    ends_at: kind === 'event' ? (input.ends_at ?? null) : null,
    place_hy: kind === 'event' ? (input.place_hy ?? null) : null,
    image_alt_hy: input.image_alt_hy ?? null,
  };
}

function checkKindFields(kind: PostKind, input: PostInput): void {
  if (kind === 'page' && !input.path) throw new AppError(400, 'validation', 'error.validation', { path: 'field.required' });
  if (kind === 'event' && !input.starts_at) throw new AppError(400, 'validation', 'error.validation', { starts_at: 'field.required' });
}

async function pathTaken(tenant: TenantDb, path: string | null, exceptId?: number): Promise<void> {
  if (!path) return;
  let qb = tenant.selectFrom('web_posts').select('id').where('path', '=', path);
  if (exceptId) qb = qb.where('id', '!=', exceptId);
  if (await qb.executeTakeFirst()) throw new AppError(409, 'conflict', 'error.conflict', { path: 'website.error.pathTaken' });
}

/** A new draft. */
export async function createPost(ed: Editor, kind: PostKind, input: PostInput): Promise<number> {
  checkKindFields(kind, input);
  const now = (ed.now ?? new Date()).toISOString();
  return ed.tenant.transaction(async (tx, raw) => {
    const values = fields(input, kind);
    await pathTaken(tx, values.path);
    const row = await tx.insertInto('web_posts', {
      kind, ...values, status: 'draft', publish_at: null, image_sha256: null, image_width: null, image_height: null,
      created_by_user_id: ed.actor.userId, updated_by_user_id: ed.actor.userId, published_by_user_id: null, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(raw, ed.actor, { communityId: tx.communityId, action: 'website.post.create', entityType: 'web_post', entityId: row.id, after: snapshot({ kind, ...values, status: 'draft', publish_at: null }) });
    return row.id;
  });
}

async function existing(tx: TenantDb, id: number): Promise<Post> {
  const post = await findPost(tx, id);
  if (!post) throw notFound();
  return post;
}

export async function updatePost(ed: Editor, id: number, input: PostInput): Promise<void> {
  await ed.tenant.transaction(async (tx, raw) => {
    const before = await existing(tx, id);
    checkKindFields(before.kind, input);
    const values = fields(input, before.kind);
    await pathTaken(tx, values.path, id);
    await tx.updateTable('web_posts').set({ ...values, updated_by_user_id: ed.actor.userId, updated_at: (ed.now ?? new Date()).toISOString() }).where('id', '=', id).execute();
    await appendAudit(raw, ed.actor, { communityId: tx.communityId, action: 'website.post.update', entityType: 'web_post', entityId: id, before: snapshot(before), after: snapshot({ ...before, ...values }) });
  });
}

/** Publishes now, or at `publishAt` (the item stays hidden until then: see visibleAt). */
export async function publishPost(ed: Editor, id: number, publishAt: string | undefined): Promise<void> {
  const now = (ed.now ?? new Date()).toISOString();
  await ed.tenant.transaction(async (tx, raw) => {
    const before = await existing(tx, id);
    const at = publishAt ?? now;
    await tx.updateTable('web_posts').set({ status: 'published', publish_at: at, published_by_user_id: ed.actor.userId, updated_by_user_id: ed.actor.userId, updated_at: now }).where('id', '=', id).execute();
    await appendAudit(raw, ed.actor, { communityId: tx.communityId, action: 'website.post.publish', entityType: 'web_post', entityId: id, before: snapshot(before), after: snapshot({ ...before, status: 'published', publish_at: at }) });
  });
}

export async function unpublishPost(ed: Editor, id: number): Promise<void> {
  await ed.tenant.transaction(async (tx, raw) => {
    const before = await existing(tx, id);
    await tx.updateTable('web_posts').set({ status: 'draft', updated_by_user_id: ed.actor.userId, updated_at: (ed.now ?? new Date()).toISOString() }).where('id', '=', id).execute();
    await appendAudit(raw, ed.actor, { communityId: tx.communityId, action: 'website.post.unpublish', entityType: 'web_post', entityId: id, before: snapshot(before), after: snapshot({ ...before, status: 'draft' }) });
  });
}

export async function deletePost(ed: Editor, id: number): Promise<void> {
  await ed.tenant.transaction(async (tx, raw) => {
    const before = await existing(tx, id);
    await tx.deleteFrom('web_attachments').where('post_id', '=', id).execute();
    await tx.deleteFrom('web_posts').where('id', '=', id).execute();
    await appendAudit(raw, ed.actor, { communityId: tx.communityId, action: 'website.post.delete', entityType: 'web_post', entityId: id, before: snapshot(before) });
  });
}

export const IMAGE_UPLOAD = { maxBytes: 15 * 1024 * 1024, types: ['image/jpeg', 'image/png', 'image/webp'] };
export const ATTACHMENT_UPLOAD = { maxBytes: 20 * 1024 * 1024, types: ['application/pdf', 'image/jpeg', 'image/png'] };

/** The lead image: resized and stripped (images.ts), then kept in the file store. */
export async function setImage(ed: Editor, id: number, bytes: Buffer): Promise<void> {
  const image = await processImage(bytes);
  await ed.tenant.transaction(async (tx, raw) => {
    const before = await existing(tx, id);
    const stored = await storeFile(raw, ed.filesDir, image.bytes, { allowed: ['jpeg'], maxBytes: IMAGE_UPLOAD.maxBytes });
    await tx.updateTable('web_posts').set({ image_sha256: stored.sha256, image_width: image.width, image_height: image.height, updated_by_user_id: ed.actor.userId, updated_at: (ed.now ?? new Date()).toISOString() }).where('id', '=', id).execute();
    await appendAudit(raw, ed.actor, { communityId: tx.communityId, action: 'website.image.set', entityType: 'web_post', entityId: id, before: { image: before.image_sha256 }, after: { image: stored.sha256, width: image.width, height: image.height } });
  });
}

/** Keeps a readable file name: no path, no control characters, at most 200 characters. */
function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f"<>]/g, '').slice(-200) || 'file';
}

export async function addAttachment(ed: Editor, id: number, file: { filename: string; data: Buffer }): Promise<void> {
  await ed.tenant.transaction(async (tx, raw) => {
    await existing(tx, id);
    const stored = await storeFile(raw, ed.filesDir, file.data, { allowed: ['pdf', 'jpeg', 'png'], maxBytes: ATTACHMENT_UPLOAD.maxBytes });
    const filename = cleanFilename(file.filename);
    const row = await tx.insertInto('web_attachments', { post_id: id, sha256: stored.sha256, filename, mime: stored.mime, bytes: stored.size, created_at: (ed.now ?? new Date()).toISOString() })
      .returning('id').executeTakeFirstOrThrow();
    await tx.updateTable('web_posts').set({ updated_at: (ed.now ?? new Date()).toISOString(), updated_by_user_id: ed.actor.userId }).where('id', '=', id).execute();
    await appendAudit(raw, ed.actor, { communityId: tx.communityId, action: 'website.attachment.add', entityType: 'web_post', entityId: id, after: { attachment: row.id, filename, mime: stored.mime, bytes: stored.size } });
  });
}

export async function removeAttachment(ed: Editor, id: number, attachmentId: number): Promise<void> {
  await ed.tenant.transaction(async (tx, raw) => {
    const row = await tx.selectFrom('web_attachments').selectAll().where('id', '=', attachmentId).where('post_id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    await tx.deleteFrom('web_attachments').where('id', '=', attachmentId).execute();
    await tx.updateTable('web_posts').set({ updated_at: (ed.now ?? new Date()).toISOString(), updated_by_user_id: ed.actor.userId }).where('id', '=', id).execute();
    await appendAudit(raw, ed.actor, { communityId: tx.communityId, action: 'website.attachment.remove', entityType: 'web_post', entityId: id, before: { attachment: row.id, filename: row.filename } });
  });
}

export async function addMenuItem(ed: Editor, input: MenuInput): Promise<void> {
  await ed.tenant.transaction(async (tx, raw) => {
    const row = await tx.insertInto('web_menu_items', { label_hy: input.label_hy, label_en: input.label_en ?? null, label_ru: input.label_ru ?? null, href: input.href, sort_order: input.sort_order, created_at: (ed.now ?? new Date()).toISOString() })
      .returning('id').executeTakeFirstOrThrow();
    await appendAudit(raw, ed.actor, { communityId: tx.communityId, action: 'website.menu.add', entityType: 'web_menu_item', entityId: row.id, after: input });
  });
}

export async function removeMenuItem(ed: Editor, id: number): Promise<void> {
  await ed.tenant.transaction(async (tx, raw) => {
    const row = await tx.selectFrom('web_menu_items').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    await tx.deleteFrom('web_menu_items').where('id', '=', id).execute();
    await appendAudit(raw, ed.actor, { communityId: tx.communityId, action: 'website.menu.remove', entityType: 'web_menu_item', entityId: id, before: { label: row.label_hy, href: row.href } });
  });
}
