// The site's back office under /{slug}/staff/website: thin handlers that parse, call one
// use-case (posts.service.ts) and render or redirect; a refused form comes back with its
// errors and nothing written.
import type { FastifyReply } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import { route, slugParams, withUpload } from '../../platform/http/route.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError, notFound, type FieldErrors } from '../../platform/http/errors.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { unscoped } from '../../platform/db/tenant.ts';
import { readStoredFile } from '../../platform/files/store.ts';
import { sendPage } from '../../platform/ui/render.ts';
import { attachmentParams, kindParams, postForm, postParams, publishForm, staffListQuery } from './website.schemas.ts';
import { POST_KINDS, type PostKind } from './website.table.ts';
import { CATEGORY_KEYS } from './compliance.categories.ts';
import { attachmentsOf, findPost, listForStaff } from './posts.queries.ts';
import { addAttachment, ATTACHMENT_UPLOAD, createPost, deletePost, IMAGE_UPLOAD, publishPost, removeAttachment, setImage, unpublishPost, updatePost, type Editor } from './posts.service.ts';
import { EditorPage, PreviewPage, staffBase, StaffListPage } from './staff.views.tsx';

export function editor(ctx: Ctx): Editor {
  return { tenant: ctx.tenant(), actor: ctx.auditActor(), filesDir: ctx.services.config.filesDir };
}

/** Field errors of a refused change, to show on the form; anything else propagates. */
export function fieldErrorsOf(err: unknown): FieldErrors {
  if (err instanceof AppError && (err.status === 400 || err.status === 409)) return Object.keys(err.fields).length ? err.fields : { _form: err.messageKey };
  throw err;
}

function values(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((body as Record<string, unknown> | undefined) ?? {})) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
  return out;
}

async function renderEditor(ctx: Ctx, reply: FastifyReply, kind: PostKind, postId: number | null, body?: unknown, errors?: FieldErrors) {
  const post = postId ? await findPost(ctx.tenant(), postId) : null;
  if (postId && !post) throw notFound();
  const attachments = post ? await attachmentsOf(ctx.tenant(), [post.id]) : [];
  return sendPage(reply, h(EditorPage, { ctx, kind: post?.kind ?? kind, post: post ?? null, form: { t: ctx.t, errors, values: body ? values(body) : {} }, attachments }), errors ? 400 : 200);
}

async function renderPreview(ctx: Ctx, reply: FastifyReply, id: number, errors?: FieldErrors) {
  const post = await findPost(ctx.tenant(), id);
  if (!post) throw notFound();
  const ids = [post.created_by_user_id, post.updated_by_user_id, post.published_by_user_id].filter((x): x is number => x !== null);
  const names = ids.length
    ? await unscoped(ctx.db, "names of the staff who wrote and published this community's post").selectFrom('users').select(['id', 'full_name']).where('id', 'in', ids).execute()
    : [];
  const attachments = await attachmentsOf(ctx.tenant(), [id]);
  return sendPage(reply, h(PreviewPage, { ctx, post, attachments, form: { t: ctx.t, errors }, people: new Map(names.map((n) => [n.id, n.full_name])) }), errors ? 400 : 200);
}

const listQuery = staffListQuery.extend({ kind: z.enum(POST_KINDS).optional() });
const STAFF_PAGE = 100;
const postId = (req: { params: unknown }) => Number((req.params as { id: number }).id);
const idParams = { id: 'web_posts' } as const;

function postAction(url: string, access: 'staff:website.edit' | 'staff:website.publish', act: (ctx: Ctx, id: number, body: unknown) => Promise<string>) {
  return route({
    method: 'POST', url: `/:slug/staff/website/posts/:id${url}`, access, kind: 'form',
    schema: { params: postParams }, idParams,
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const id = postId(req);
      try {
        return reply.redirect(await act(ctx, id, req.body), 303);
      } catch (err) {
        const errors = fieldErrorsOf(err);
        if (url === '/publish') return renderPreview(ctx, reply, id, errors);
        return renderEditor(ctx, reply, 'news', id, req.body, errors);
      }
    },
  });
}

const uploaded = (body: unknown, field: 'file' | 'attachment' = 'file') => {
  const file = (body as { file?: unknown } | undefined)?.file as { filename?: unknown; data?: unknown } | undefined;
  if (!file || typeof file.filename !== 'string' || !Buffer.isBuffer(file.data)) throw new AppError(400, 'validation', 'error.validation', { [field]: 'field.required' });
  return { filename: file.filename, data: file.data };
};

export const staffRoutes = [
  route({
    method: 'GET', url: '/:slug/staff/website', access: 'staff:website.view', kind: 'page',
    schema: { params: slugParams, querystring: listQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const posts = await listForStaff(ctx.tenant(), req.query.kind, STAFF_PAGE, ((req.query.page ?? 1) - 1) * STAFF_PAGE);
      return sendPage(reply, h(StaffListPage, { ctx, posts, kind: req.query.kind, ...(req.query.done ? { done: req.query.done } : {}) }));
    },
  }),
  route({
    method: 'GET', url: '/:slug/staff/website/:kind/new', access: 'staff:website.edit', kind: 'page',
    schema: { params: kindParams, querystring: z.object({ category: z.enum(CATEGORY_KEYS as [string, ...string[]]).optional() }) },
    // From the compliance page: a new page already tagged with the missing category.
    handler: async (req, reply) => renderEditor(req.ctx, reply, req.params.kind, null, req.query.category ? { category: req.query.category } : undefined),
  }),
  route({
    method: 'POST', url: '/:slug/staff/website/:kind/new', access: 'staff:website.edit', kind: 'form',
    schema: { params: kindParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const parsed = parseForm(postForm, req.body);
      if (!parsed.ok) return renderEditor(ctx, reply, req.params.kind, null, req.body, parsed.errors);
      try {
        const id = await createPost(editor(ctx), req.params.kind, parsed.data);
        return reply.redirect(`${staffBase(ctx)}/posts/${id}/preview`, 303);
      } catch (err) {
        return renderEditor(ctx, reply, req.params.kind, null, req.body, fieldErrorsOf(err));
      }
    },
  }),
  route({
    method: 'GET', url: '/:slug/staff/website/posts/:id', access: 'staff:website.edit', kind: 'page',
    schema: { params: postParams }, idParams,
    handler: async (req, reply) => renderEditor(req.ctx, reply, 'news', postId(req)),
  }),
  route({
    method: 'GET', url: '/:slug/staff/website/posts/:id/preview', access: 'staff:website.view', kind: 'page',
    schema: { params: postParams }, idParams,
    handler: async (req, reply) => {
      reply.header('x-robots-tag', 'noindex');
      return renderPreview(req.ctx, reply, postId(req));
    },
  }),
  route({
    method: 'GET', url: '/:slug/staff/website/posts/:id/image.jpg', access: 'staff:website.view', kind: 'page',
    schema: { params: postParams }, idParams,
    handler: async (req, reply) => {
      const post = await findPost(req.ctx.tenant(), postId(req));
      if (!post?.image_sha256) throw notFound();
      return reply.type('image/jpeg').header('cache-control', 'private, no-store').send(await readStoredFile(req.ctx.services.config.filesDir, post.image_sha256));
    },
  }),
  postAction('', 'staff:website.edit', async (ctx, id, body) => {
    const parsed = parseForm(postForm, body);
    if (!parsed.ok) throw new AppError(400, 'validation', 'error.validation', parsed.errors);
    await updatePost(editor(ctx), id, parsed.data);
    return `${staffBase(ctx)}/posts/${id}/preview`;
  }),
  postAction('/publish', 'staff:website.publish', async (ctx, id, body) => {
    const parsed = parseForm(publishForm, body);
    if (!parsed.ok) throw new AppError(400, 'validation', 'error.validation', parsed.errors);
    await publishPost(editor(ctx), id, parsed.data.publish_at);
    return `${staffBase(ctx)}?done=published`;
  }),
  postAction('/unpublish', 'staff:website.publish', async (ctx, id) => {
    await unpublishPost(editor(ctx), id);
    return `${staffBase(ctx)}?done=unpublished`;
  }),
  postAction('/delete', 'staff:website.edit', async (ctx, id) => {
    await deletePost(editor(ctx), id);
    return `${staffBase(ctx)}?done=deleted`;
  }),
  withUpload(postAction('/image', 'staff:website.edit', async (ctx, id, body) => {
    await setImage(editor(ctx), id, uploaded(body).data);
    return `${staffBase(ctx)}/posts/${id}`;
  }), IMAGE_UPLOAD),
  withUpload(postAction('/attachments', 'staff:website.edit', async (ctx, id, body) => {
    await addAttachment(editor(ctx), id, uploaded(body, 'attachment'));
    return `${staffBase(ctx)}/posts/${id}`;
  }), ATTACHMENT_UPLOAD),
  route({
    method: 'POST', url: '/:slug/staff/website/posts/:id/attachments/:attachmentId/delete', access: 'staff:website.edit', kind: 'form',
    schema: { params: attachmentParams }, idParams: { id: 'web_posts', attachmentId: 'web_attachments' },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      await removeAttachment(editor(ctx), req.params.id, req.params.attachmentId);
      return reply.redirect(`${staffBase(ctx)}/posts/${req.params.id}`, 303);
    },
  }),
];
