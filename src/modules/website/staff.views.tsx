// The back office of the site: the list of everything written, the editor (drafts, a
// schedule, expiry, pictures and attachments), and the preview from which it is published.
import type { Ctx } from '../../platform/http/context.ts';
import { decide } from '../../platform/policy/access.ts';
import { StaffLayout } from '../../platform/ui/staff-layout.tsx';
import { Button, ButtonLink, CsrfField, ErrorSummary, Field, Notice, Select, Tag, TextInput, Textarea, type FormState } from '../../platform/ui/components.tsx';
import type { MessageKey } from '../../platform/i18n/index.ts';
import type { Attachment, Post } from './posts.queries.ts';
import { POST_KINDS, type PostKind } from './website.table.ts';
import { COMPLIANCE_CATEGORIES } from './compliance.categories.ts';
import { toYerevanInput } from './website.schemas.ts';
import { humanBytes, typeName, when } from './present.ts';
import { PostBody, postPath } from './posts.views.tsx';
import { ATTACHMENT_UPLOAD, IMAGE_UPLOAD } from './posts.service.ts';

export const can = (ctx: Ctx, perm: 'website.edit' | 'website.publish' | 'website.view') => decide(`staff:${perm}`, ctx.actor, ctx.services.permissions) === 'allow';
export const staffBase = (ctx: Ctx) => `/${ctx.requireCommunity().slug}/staff/website`;
export const kindLabel = (k: PostKind) => `website.kind.${k}` as MessageKey;

/** Where the item stands for a reader now: draft, scheduled, on the site, expired. */
export function stateOf(p: Post, now: Date): { label: MessageKey; tone: 'grey' | 'blue' | 'green' | 'red' } {
  const at = now.toISOString();
  if (p.status === 'draft') return { label: 'website.state.draft', tone: 'grey' };
  if (p.expires_at && p.expires_at <= at) return { label: 'website.state.expired', tone: 'red' };
  if (p.publish_at && p.publish_at > at) return { label: 'website.state.scheduled', tone: 'blue' };
  return { label: 'website.state.live', tone: 'green' };
}

export function StaffListPage({ ctx, posts, kind, done }: { ctx: Ctx; posts: Post[]; kind: PostKind | undefined; done?: string }) {
  const { t } = ctx;
  const base = staffBase(ctx);
  const now = new Date();
  return (
    <StaffLayout ctx={ctx} title={t('website.staff.title')} path={base}>
      <h1>{t('website.staff.title')}</h1>
      {done && <Notice title={t(`website.done.${done}` as MessageKey)} />}
      {can(ctx, 'website.edit') && (
        <p class="actions">{POST_KINDS.map((k) => <ButtonLink href={`${base}/${k}/new`}>{t('website.staff.new', { kind: t(kindLabel(k)) })}</ButtonLink>)}</p>
      )}
      <p class="inline-links">
        <a href={base} aria-current={kind ? undefined : 'page'}>{t('website.staff.all')}</a>
        {POST_KINDS.map((k) => <> · <a href={`${base}?kind=${k}`} aria-current={kind === k ? 'page' : undefined}>{t(kindLabel(k))}</a></>)}
        {' · '}<a href={`${base}/menu`}>{t('website.menu.title')}</a> · <a href={`${base}/compliance`}>{t('website.compliance.title')}</a>
      </p>
      <div class="table-wrap">
        <table class="table">
          <caption class="visually-hidden">{t('website.staff.title')}</caption>
          <thead><tr><th scope="col">{t('website.field.title')}</th><th scope="col">{t('website.staff.kind')}</th><th scope="col">{t('website.staff.state')}</th><th scope="col">{t('website.staff.publishAt')}</th><th scope="col">{t('website.staff.changed')}</th></tr></thead>
          <tbody>
            {posts.map((p) => {
              const s = stateOf(p, now);
              return (
                <tr>
                  <td lang="hy"><a href={`${base}/posts/${p.id}/preview`}>{p.title_hy}</a></td>
                  <td>{t(kindLabel(p.kind))}</td>
                  <td><Tag tone={s.tone}>{t(s.label)}</Tag></td>
                  <td>{when(p.publish_at)}</td>
                  <td>{when(p.updated_at)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </StaffLayout>
  );
}

function InstantField({ form, name, label, hint, value }: { form: FormState; name: string; label: string; hint?: string; value: string }) {
  return (
    <Field form={form} name={name} label={label} hint={hint} optional>
      <input class="input input-m" type="datetime-local" id={`field-${name}`} name={name} value={form.values?.[name] ?? value} aria-invalid={form.errors?.[name] ? 'true' : undefined} />
    </Field>
  );
}

const FIELD_LABELS = ['title_hy', 'title_en', 'title_ru', 'summary_hy', 'summary_en', 'summary_ru', 'body_hy', 'body_en', 'body_ru', 'path', 'category', 'expires_at', 'starts_at', 'ends_at', 'place_hy', 'image_alt_hy', 'publish_at', 'file'] as const;

export function EditorPage({ ctx, kind, post, form, attachments }: { ctx: Ctx; kind: PostKind; post: Post | null; form: FormState; attachments: Attachment[] }) {
  const { t } = ctx;
  const base = staffBase(ctx);
  // The error summary links each error to its field: the image's file input is field-file, the attachment's field-attachment.
  const labels: Record<string, string> = { ...Object.fromEntries(FIELD_LABELS.map((f) => [f, t(`website.field.${f}` as MessageKey)])), file: t('website.image.choose'), attachment: t('website.attachment.choose') };
  const v = (name: keyof Post) => (post ? String(post[name] ?? '') : '');
  const title = post ? t('website.staff.edit', { title: post.title_hy }) : t('website.staff.new', { kind: t(kindLabel(kind)) });
  const action = post ? `${base}/posts/${post.id}` : `${base}/${kind}/new`;
  return (
    <StaffLayout ctx={ctx} title={title} path={base} crumbs={[{ href: base, label: t('website.staff.title') }, { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary form={form} labels={labels} />
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {(['hy', 'en', 'ru'] as const).map((l) => (
          <fieldset class="fieldset" lang={l}>
            <legend>{t(`website.lang.${l}` as MessageKey)}</legend>
            <TextInput form={form} name={`title_${l}`} label={labels[`title_${l}`]!} value={form.values?.[`title_${l}`] ?? v(`title_${l}`)} optional={l !== 'hy'} required={l === 'hy'} />
            <Textarea form={form} name={`summary_${l}`} label={labels[`summary_${l}`]!} value={form.values?.[`summary_${l}`] ?? v(`summary_${l}`)} rows={2} optional />
            <Textarea form={form} name={`body_${l}`} label={labels[`body_${l}`]!} hint={t('website.field.bodyHint')} value={form.values?.[`body_${l}`] ?? v(`body_${l}`)} rows={10} optional />
          </fieldset>
        ))}
        {kind === 'page' && <TextInput form={form} name="path" label={labels.path!} hint={t('website.field.pathHint')} value={form.values?.path ?? v('path')} width="m" />}
        {kind === 'event' && (
          <>
            <InstantField form={form} name="starts_at" label={labels.starts_at!} value={toYerevanInput(post?.starts_at ?? null)} />
            <InstantField form={form} name="ends_at" label={labels.ends_at!} value={toYerevanInput(post?.ends_at ?? null)} />
            <TextInput form={form} name="place_hy" label={labels.place_hy!} value={form.values?.place_hy ?? v('place_hy')} optional />
          </>
        )}
        <Select form={form} name="category" label={labels.category!} hint={t('website.field.categoryHint')} placeholder={t('website.field.noCategory')} value={form.values?.category ?? v('category')}
          options={COMPLIANCE_CATEGORIES.map((c) => ({ value: c.key, label: t(c.label) }))} />
        <InstantField form={form} name="expires_at" label={labels.expires_at!} hint={t('website.field.yerevanTime')} value={toYerevanInput(post?.expires_at ?? null)} />
        <TextInput form={form} name="image_alt_hy" label={labels.image_alt_hy!} value={form.values?.image_alt_hy ?? v('image_alt_hy')} optional />
        <Button>{t('website.staff.save')}</Button>
      </form>
      {post && <Uploads ctx={ctx} post={post} attachments={attachments} />}
    </StaffLayout>
  );
}

function UploadForm({ ctx, action, id, label, hint, accept, button }: { ctx: Ctx; action: string; id: string; label: string; hint: string; accept: string; button: string }) {
  return (
    <form method="post" action={action} enctype="multipart/form-data" class="upload">
      <CsrfField token={ctx.csrfToken} />
      <label class="label" for={id}>{label}</label>
      <p class="hint" id={`${id}-hint`}>{hint}</p>
      <input id={id} type="file" name="file" accept={accept} aria-describedby={`${id}-hint`} />
      <Button variant="secondary">{button}</Button>
    </form>
  );
}

function Uploads({ ctx, post, attachments }: { ctx: Ctx; post: Post; attachments: Attachment[] }) {
  const { t } = ctx;
  const base = `${staffBase(ctx)}/posts/${post.id}`;
  const mb = (bytes: number) => bytes / 1024 / 1024;
  return (
    <>
      <section aria-labelledby="image-h">
        <h2 id="image-h">{t('website.image.title')}</h2>
        {post.image_sha256 && <p>{t('website.image.current', { width: post.image_width ?? 0, height: post.image_height ?? 0 })}</p>}
        <UploadForm ctx={ctx} action={`${base}/image`} id="field-file" label={t('website.image.choose')} hint={t('website.image.hint', { mb: mb(IMAGE_UPLOAD.maxBytes) })} accept="image/jpeg,image/png,image/webp" button={t('website.image.upload')} />
      </section>
      <section aria-labelledby="att-h">
        <h2 id="att-h">{t('website.attachments')}</h2>
        <ul class="attachments">
          {attachments.map((a) => (
            <li>
              <form method="post" action={`${base}/attachments/${a.id}/delete`} class="inline-form">
                <CsrfField token={ctx.csrfToken} />
                {a.filename} <span class="muted">({typeName(a.mime)}, {humanBytes(a.bytes, ctx.locale)})</span>{' '}
                <button type="submit" class="link-button">{t('website.attachment.remove')}</button>
              </form>
            </li>
          ))}
        </ul>
        <UploadForm ctx={ctx} action={`${base}/attachments`} id="field-attachment" label={t('website.attachment.choose')} hint={t('website.attachment.hint', { mb: mb(ATTACHMENT_UPLOAD.maxBytes) })} accept="application/pdf,image/jpeg,image/png" button={t('website.attachment.add')} />
      </section>
    </>
  );
}

export function PreviewPage({ ctx, post, attachments, form, people }: { ctx: Ctx; post: Post; attachments: Attachment[]; form: FormState; people: Map<number, string> }) {
  const { t } = ctx;
  const base = staffBase(ctx);
  const c = ctx.requireCommunity();
  const s = stateOf(post, new Date());
  const who = (id: number | null) => (id ? (people.get(id) ?? '—') : '—');
  return (
    <StaffLayout ctx={ctx} title={t('website.preview.title')} path={base} crumbs={[{ href: base, label: t('website.staff.title') }, { label: post.title_hy }]}>
      <Notice tone="info" title={t('website.preview.title')}>{t('website.preview.text')}</Notice>
      <dl class="summary-list">
        <dt>{t('website.staff.state')}</dt><dd><Tag tone={s.tone}>{t(s.label)}</Tag>{post.publish_at && ` ${when(post.publish_at)}`}</dd>
        {post.expires_at && (<><dt>{t('website.field.expires_at')}</dt><dd>{when(post.expires_at)}</dd></>)}
        <dt>{t('website.preview.created')}</dt><dd lang="hy">{who(post.created_by_user_id)}, {when(post.created_at)}</dd>
        <dt>{t('website.preview.changed')}</dt><dd lang="hy">{who(post.updated_by_user_id)}, {when(post.updated_at)}</dd>
        <dt>{t('website.preview.published')}</dt><dd lang="hy">{who(post.published_by_user_id)}</dd>
        {s.label === 'website.state.live' && (<><dt>{t('website.preview.address')}</dt><dd><a href={postPath(c.slug, post)}>{postPath(c.slug, post)}</a></dd></>)}
      </dl>
      <p class="actions">
        {can(ctx, 'website.edit') && <ButtonLink href={`${base}/posts/${post.id}`}>{t('website.staff.editLink')}</ButtonLink>}
      </p>
      {can(ctx, 'website.publish') && (
        <section aria-labelledby="publish-h">
          <h2 id="publish-h">{t('website.publish.title')}</h2>
          <ErrorSummary form={form} labels={{ publish_at: t('website.field.publish_at') }} />
          <form method="post" action={`${base}/posts/${post.id}/publish`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <InstantField form={form} name="publish_at" label={t('website.field.publish_at')} hint={t('website.publish.hint')} value="" />
            <Button>{t('website.publish.go')}</Button>
          </form>
          {post.status === 'published' && (
            <form method="post" action={`${base}/posts/${post.id}/unpublish`}>
              <CsrfField token={ctx.csrfToken} />
              <Button variant="warning">{t('website.publish.withdraw')}</Button>
            </form>
          )}
        </section>
      )}
      <hr />
      <PostBody ctx={ctx} post={post} attachments={attachments} imageSrc={`${base}/posts/${post.id}/image.jpg`} />
      {can(ctx, 'website.edit') && (
        <form method="post" action={`${base}/posts/${post.id}/delete`}>
          <CsrfField token={ctx.csrfToken} />
          <Button variant="warning">{t('website.staff.delete')}</Button>
        </form>
      )}
    </StaffLayout>
  );
}
