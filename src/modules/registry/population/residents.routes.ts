// Routes of the population register (staff pages and the residents API): thin — parse,
// call one service function, render or redirect. Reads of people are audited.
import { h } from 'preact';
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { route } from '../../../platform/http/route.ts';
import { AppError, notFound, type FieldErrors } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import type { RequestScope } from '../../../platform/module/contract.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { localized, todayInYerevan } from '../../../platform/i18n/index.ts';
import {
  apiResident, apiResidentsQuery, doneQuery, lifeEventForm, linkAccountForm, residentCreateForm, residentEditForm, residentParams, residentsQuery, slugOnly,
  type ResidentsQuery,
} from './population.schemas.ts';
import { findResident, householdMembers, residentEvents, settlementsOf, type ResidentRow } from './residents.queries.ts';
import { correctResident, createResident, linkCitizenAccount, recordLifeEvent, residentSearchEntry, type RegistryActor } from './residents.service.ts';
import { auditResidentsShown, residentViews } from './people-audit.ts';
import { findResidents } from './people-search.ts';
import { addressOptions } from '../property/property.queries.ts';
import { ResidentNewPage, ResidentsPage } from './residents.views.tsx';
import { ResidentRecordPage, type ResidentRecordProps } from './residents.record.tsx';

const PAGE_SIZE = 50;

export function registryActor(ctx: Ctx): RegistryActor {
  return { audit: ctx.auditActor(), userId: ctx.actor?.userId ?? null, scope: ctx.actor?.settlementIds ?? null };
}

export function canDo(ctx: Ctx, perm: string): boolean {
  return ctx.services.permissions.communityPermissions(ctx.actor?.communityRoles ?? []).has(perm);
}

/** The field errors of a refused change; anything else propagates. */
export function fieldErrorsOf(err: unknown): FieldErrors {
  if (err instanceof AppError && err.status === 400 && Object.keys(err.fields).length > 0) return err.fields;
  throw err;
}

export function valuesOf(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') for (const [k, v] of Object.entries(body as Record<string, unknown>)) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
  return out;
}

/**
 * The list, or a search when q is given. Every resident on the page is a read of their record
 * (audited one event each); a search is audited with its text and count besides.
 */
export async function findPeople(ctx: RequestScope, query: Pick<ResidentsQuery, 'q' | 'settlement_id' | 'status' | 'sex' | 'age_min' | 'age_max' | 'page'>, pageSize = PAGE_SIZE) {
  const tenant = ctx.tenant();
  const page = query.page ?? 1;
  const found = await findResidents(tenant, ctx.actor?.settlementIds ?? null, query, todayInYerevan(), pageSize, (page - 1) * pageSize);
  const search = found.q ? [residentSearchEntry(tenant.communityId, found.q, found.total)] : [];
  await auditResidentsShown(tenant, ctx.auditActor(), found.q ? 'search' : 'list', found.rows.map((r) => ({ residentId: r.id })), search);
  return { ...found, page };
}

async function renderRecord(ctx: Ctx, reply: FastifyReply, r: ResidentRow, extra: Pick<ResidentRecordProps, 'done' | 'failed'>, status = 200) {
  const tenant = ctx.tenant();
  const canEdit = canDo(ctx, 'registry.people_edit');
  const [events, members, addresses] = await Promise.all([
    residentEvents(tenant, r.id),
    r.household_id !== null ? householdMembers(tenant, r.household_id) : [],
    canEdit ? addressOptions(tenant, ctx.actor?.settlementIds ?? null) : [],
  ]);
  // The record, and its household's members listed on it (each a read of their own record).
  const household = residentViews(tenant.communityId, 'household', members.filter((m) => m.id !== r.id).map((m) => ({ residentId: m.id, objectId: r.household_id! })));
  await auditResidentsShown(tenant, ctx.auditActor(), 'page', [{ residentId: r.id }], household);
  return sendPage(reply, h(ResidentRecordPage, { ctx, r, events, members, canEdit, addresses, ...extra }), status);
}

/** A form on the record page: on success redirect with a notice, on bad input re-render that form. */
function recordForm<S extends z.ZodType>(url: string, which: 'edit' | 'event' | 'link', schema: S, run: (ctx: Ctx, id: number, data: z.infer<S>) => Promise<void>, done: string) {
  return route({
    method: 'POST',
    url,
    access: 'staff:registry.people_edit',
    kind: 'form',
    idParams: { id: 'residents' },
    schema: { params: residentParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const { slug, id } = req.params;
      const current = await findResident(ctx.tenant(), ctx.actor?.settlementIds ?? null, id);
      if (!current) throw notFound();
      const parsed = parseForm(schema, req.body);
      let errors: FieldErrors;
      if (parsed.ok) {
        try {
          await run(ctx, id, parsed.data);
          return reply.redirect(`/${slug}/staff/registry/residents/${id}?done=${done}`, 303);
        } catch (err) {
          errors = fieldErrorsOf(err);
        }
      } else errors = parsed.errors;
      return renderRecord(ctx, reply, current, { failed: { which, form: { t: ctx.t, errors, values: valuesOf(req.body) } } }, 400);
    },
  });
}

const R = '/:slug/staff/registry/residents';

export const residentsRoutes = [
  route({
    method: 'GET',
    url: R,
    access: 'staff:registry.people_view',
    kind: 'page',
    schema: { params: slugOnly, querystring: residentsQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const found = await findPeople(ctx, req.query);
      const settlements = await settlementsOf(ctx.tenant(), ctx.actor?.settlementIds ?? null);
      const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
      return sendPage(reply, h(ResidentsPage, { ctx, rows: found.rows, total: found.total, page: found.page, pages, by: found.by, query: req.query, settlements, canEdit: canDo(ctx, 'registry.people_edit') }));
    },
  }),
  route({
    method: 'GET',
    url: `${R}/new`,
    access: 'staff:registry.people_edit',
    kind: 'page',
    schema: { params: slugOnly },
    handler: async (req, reply) => {
      const scope = req.ctx.actor?.settlementIds ?? null;
      const [settlements, addresses] = await Promise.all([settlementsOf(req.ctx.tenant(), scope), addressOptions(req.ctx.tenant(), scope)]);
      return sendPage(reply, h(ResidentNewPage, { ctx: req.ctx, settlements, addresses, form: { t: req.ctx.t } }));
    },
  }),
  route({
    method: 'POST',
    url: R,
    access: 'staff:registry.people_edit',
    kind: 'form',
    schema: { params: slugOnly },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const parsed = parseForm(residentCreateForm, req.body);
      let errors: FieldErrors;
      if (parsed.ok) {
        try {
          const id = await createResident(ctx.tenant(), registryActor(ctx), parsed.data);
          return reply.redirect(`/${req.params.slug}/staff/registry/residents/${id}?done=created`, 303);
        } catch (err) {
          errors = fieldErrorsOf(err);
        }
      } else errors = parsed.errors;
      const scope = ctx.actor?.settlementIds ?? null;
      const [settlements, addresses] = await Promise.all([settlementsOf(ctx.tenant(), scope), addressOptions(ctx.tenant(), scope)]);
      return sendPage(reply, h(ResidentNewPage, { ctx, settlements, addresses, form: { t: ctx.t, errors, values: valuesOf(req.body) } }), 400);
    },
  }),
  route({
    method: 'GET',
    url: `${R}/:id`,
    access: 'staff:registry.people_view',
    kind: 'page',
    idParams: { id: 'residents' },
    schema: { params: residentParams, querystring: doneQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const r = await findResident(ctx.tenant(), ctx.actor?.settlementIds ?? null, req.params.id);
      if (!r) throw notFound();
      return renderRecord(ctx, reply, r, { done: req.query.done });
    },
  }),
  recordForm(`${R}/:id`, 'edit', residentEditForm, (ctx, id, data) => correctResident(ctx.tenant(), registryActor(ctx), id, data), 'corrected'),
  recordForm(`${R}/:id/events`, 'event', lifeEventForm, (ctx, id, data) => recordLifeEvent(ctx.tenant(), registryActor(ctx), id, data), 'event'),
  recordForm(`${R}/:id/link-account`, 'link', linkAccountForm, (ctx, id, data) => linkCitizenAccount(ctx.tenant(), registryActor(ctx), id, data.contact), 'linked'),
];

function toApi(ctx: Ctx, r: ResidentRow): z.infer<typeof apiResident> {
  return {
    id: r.id, lastName: r.last_name, firstName: r.first_name, patronymic: r.patronymic, lastNameLatin: r.last_name_latin, firstNameLatin: r.first_name_latin,
    birthDate: r.birth_date, sex: r.sex, publicServiceNumber: r.public_service_number, status: r.status,
    settlement: { id: r.settlement_id, name: localized({ name_hy: r.settlement_hy, name_en: r.settlement_en, name_ru: r.settlement_ru }, 'name', ctx.locale) },
  };
}

export const residentsApiRoutes = [
  route({
    method: 'GET',
    url: '/api/v1/communities/:slug/residents',
    access: 'staff:registry.people_view',
    kind: 'api',
    schema: {
      summary: 'Residents of a community: the list, or a search in any spelling, by public service number or address (audited)',
      tags: ['registry'],
      params: slugOnly,
      querystring: apiResidentsQuery,
      response: { 200: z.object({ items: z.array(apiResident), total: z.number() }) },
    },
    handler: async (req) => {
      const found = await findPeople(req.ctx, { q: req.query.q, page: req.query.page });
      return { items: found.rows.map((r) => toApi(req.ctx, r)), total: found.total };
    },
  }),
  route({
    method: 'GET',
    url: '/api/v1/communities/:slug/residents/:id',
    access: 'staff:registry.people_view',
    kind: 'api',
    idParams: { id: 'residents' },
    schema: { summary: 'One resident (the view is audited)', tags: ['registry'], params: residentParams, response: { 200: apiResident } },
    handler: async (req) => {
      const ctx = req.ctx;
      const r = await findResident(ctx.tenant(), ctx.actor?.settlementIds ?? null, req.params.id);
      if (!r) throw notFound();
      await auditResidentsShown(ctx.tenant(), ctx.auditActor(), 'api', [{ residentId: r.id }]);
      return toApi(ctx, r);
    },
  }),
];
