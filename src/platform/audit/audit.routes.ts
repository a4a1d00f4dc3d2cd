// The back office's audit log pages: /:slug/staff/audit and /:slug/staff/audit/:id.
import { z } from 'zod';
import { h } from 'preact';
import { queryKeys } from '../http/strict-query.ts';
import { route, slugParams } from '../http/route.ts';
import { notFound, type FieldErrors } from '../http/errors.ts';
import { parseForm } from '../http/forms.ts';
import { sendPage } from '../ui/render.ts';
import { AUDIT_PAGE_SIZE, auditFilterOptions, findAuditEvent, listAuditEvents } from './audit.queries.ts';
import { AuditEventPage, AuditListPage } from './audit.views.tsx';
import { auditDictionary, nameSubjects } from './audit-names.ts';
import { parseDay } from '../i18n/index.ts';

/** dd.mm.yyyy as people type it (or YYYY-MM-DD), read as YYYY-MM-DD. */
const day = z.string().max(20).transform((v, ctx) => {
  const parsed = parseDay(v);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', message: 'audit.filter.dateInvalid' });
    return z.NEVER;
  }
  return parsed;
});

const optional = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === '' ? undefined : v), s.optional());

export const auditFilterSchema = z
  .object({
    action: optional(z.string().max(80)),
    actor: optional(z.string().trim().max(100)),
    entity: optional(z.string().max(60)),
    from: optional(day),
    to: optional(day),
    page: optional(z.coerce.number().int().min(1).max(100_000)),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'audit.filter.rangeInvalid' });

type AuditFilterInput = z.infer<typeof auditFilterSchema>;

/** Filters from the query string; invalid ones are reported and left out rather than failing the page. */
function readFilters(query: unknown): { data: AuditFilterInput; errors: FieldErrors; values: Record<string, string> } {
  const parsed = parseForm(auditFilterSchema, query);
  if (parsed.ok) {
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed.data)) if (v !== undefined && k !== 'page') values[k] = String(v);
    return { data: parsed.data, errors: {}, values };
  }
  const rest = { ...parsed.values };
  for (const name of Object.keys(parsed.errors)) delete rest[name];
  const retry = auditFilterSchema.safeParse(rest);
  return { data: retry.success ? retry.data : {}, errors: parsed.errors, values: parsed.values };
}

export const auditRoutes = [
  route({
    method: 'GET',
    url: '/:slug/staff/audit',
    access: 'staff:audit.view',
    kind: 'page',
    // The page reports a bad filter value beside its field; the parameters are a closed set.
    schema: { params: slugParams, querystring: queryKeys(['action', 'actor', 'entity', 'from', 'to', 'page']) },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const community = ctx.requireCommunity();
      const { data, errors, values } = readFilters(req.query);
      const filter = { action: data.action, actor: data.actor, entityType: data.entity, from: data.from, to: data.to };
      const page = data.page ?? 1;
      const [{ rows, total }, options] = await Promise.all([
        listAuditEvents(ctx.db, community.id, filter, page),
        auditFilterOptions(ctx.db, community.id),
      ]);
      const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
      const dictionary = auditDictionary(ctx.services);
      const subjects = await nameSubjects(ctx.services, dictionary, community.id, community.slug, ctx.locale, rows);
      const query: Record<string, string> = {};
      for (const k of ['action', 'actor', 'entity', 'from', 'to'] as const) {
        const v = data[k];
        if (v) query[k] = v;
      }
      return sendPage(
        reply,
        h(AuditListPage, {
          ctx, form: { t: ctx.t, errors, values }, query, rows, total, page, pages, dictionary, subjects,
          actions: options.actions, entityTypes: options.entityTypes,
        }),
        // A page past the end is still a page (empty); bad filters are shown with their errors.
        Object.keys(errors).length ? 400 : 200,
      );
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/audit/:id',
    access: 'staff:audit.view',
    kind: 'page',
    schema: { params: z.object({ slug: z.string(), id: z.string() }) },
    idParams: { id: 'audit_events' },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const id = /^\d{1,15}$/.test(req.params.id) ? Number(req.params.id) : null;
      const event = id === null ? undefined : await findAuditEvent(ctx.db, ctx.requireCommunity().id, id);
      if (!event) throw notFound();
      const community = ctx.requireCommunity();
      const dictionary = auditDictionary(ctx.services);
      const subjects = await nameSubjects(ctx.services, dictionary, community.id, community.slug, ctx.locale, [event]);
      return sendPage(reply, h(AuditEventPage, { ctx, event, dictionary, subjects }));
    },
  }),
];
