// Buildings and apartments: list, record, create and edit (/:slug/staff/registry/structures…).
import { h } from 'preact';
import type { FastifyReply } from 'fastify';
import { route, slugParams } from '../../platform/http/route.ts';
import { notFound, type FieldErrors } from '../../platform/http/errors.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { sendPage } from '../../platform/ui/render.ts';
import { listSettlements } from '../communities/index.ts';
import { doneQuery, structureForm, structureListQuery, structureParams } from './property.schemas.ts';
import { addressOptions, findStructure, historyOf, listStructures, ownersOf, PROPERTY_PAGE_SIZE } from './property.queries.ts';
import { saveStructure } from './property.service.ts';
import { StructureListPage } from './property.views.tsx';
import { StructurePage } from './property-record.views.tsx';
import { StructureFormPage } from './property-forms.views.tsx';
import { auditResidentsShown } from './property.people-audit.ts';
import { can, fieldErrorsOf, pageCount, rowValues, scopeOf, valuesOf } from './property.http.ts';

const STRUCTURE_FIELDS = ['kind', 'cadastral_code', 'parcel_code', 'address_id', 'area_m2', 'purpose', 'cadastral_value', 'market_value', 'lat', 'lon'];

async function renderForm(ctx: Ctx, reply: FastifyReply, id: number | null, values: Record<string, string>, errors: FieldErrors = {}) {
  const tenant = ctx.tenant();
  const scope = scopeOf(ctx);
  const [settlements, addresses] = await Promise.all([listSettlements(tenant), addressOptions(tenant, scope)]);
  const title = ctx.t(id === null ? 'registry.property.structure.new' : 'registry.property.structure.edit');
  const visible = scope ? settlements.filter((s) => scope.includes(s.id)) : settlements;
  const status = Object.keys(errors).length ? 400 : 200;
  return sendPage(reply, h(StructureFormPage, { ctx, id, title, form: { t: ctx.t, errors, values }, settlements: visible, addresses }), status);
}

async function save(ctx: Ctx, reply: FastifyReply, slug: string, id: number | null, body: unknown) {
  const parsed = parseForm(structureForm, body);
  if (!parsed.ok) {
    if (id !== null && !(await findStructure(ctx.tenant(), scopeOf(ctx), id))) throw notFound();
    return renderForm(ctx, reply, id, parsed.values, parsed.errors);
  }
  try {
    const saved = await saveStructure(ctx.tenant(), ctx.auditActor(), scopeOf(ctx), id, parsed.data);
    return reply.redirect(`/${slug}/staff/registry/structures/${saved}?done=saved`, 303);
  } catch (err) {
    return renderForm(ctx, reply, id, valuesOf(body), fieldErrorsOf(err));
  }
}

export const structureRoutes = [
  route({
    method: 'GET',
    url: '/:slug/staff/registry/structures',
    access: 'staff:registry.property_view',
    kind: 'page',
    schema: { params: slugParams, querystring: structureListQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const tenant = ctx.tenant();
      const scope = scopeOf(ctx);
      const page = req.query.page ?? 1;
      const [{ rows, total }, settlements] = await Promise.all([listStructures(tenant, scope, req.query, page), listSettlements(tenant)]);
      const visible = scope ? settlements.filter((s) => scope.includes(s.id)) : settlements;
      return sendPage(reply, h(StructureListPage, {
        ctx, query: req.query, rows, total, page, pages: pageCount(total, PROPERTY_PAGE_SIZE), settlements: visible, canEdit: can(ctx, 'registry.property_edit'),
      }));
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/registry/structures/new',
    access: 'staff:registry.property_edit',
    kind: 'page',
    schema: { params: slugParams },
    handler: async (req, reply) => renderForm(req.ctx, reply, null, { kind: 'building' }),
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/registry/structures',
    access: 'staff:registry.property_edit',
    kind: 'form',
    schema: { params: slugParams },
    handler: async (req, reply) => save(req.ctx, reply, req.params.slug, null, req.body),
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/registry/structures/:structureId',
    access: 'staff:registry.property_view',
    kind: 'page',
    idParams: { structureId: 'structures' },
    schema: { params: structureParams, querystring: doneQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const tenant = ctx.tenant();
      const row = await findStructure(tenant, scopeOf(ctx), req.params.structureId);
      if (!row) throw notFound();
      const [owners, history] = await Promise.all([ownersOf(tenant, 'structure', row.id), historyOf(ctx.db, tenant.communityId, 'structure', row.id)]);
      const canSeePeople = can(ctx, 'registry.people_view');
      if (canSeePeople) await auditResidentsShown(tenant, ctx.auditActor(), 'structure', owners.map((o) => ({ residentId: o.owner_resident_id, objectId: row.id })));
      return sendPage(reply, h(StructurePage, { ctx, row, owners, history, canEdit: can(ctx, 'registry.property_edit'), canSeePeople, done: req.query.done }));
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/registry/structures/:structureId/edit',
    access: 'staff:registry.property_edit',
    kind: 'page',
    idParams: { structureId: 'structures' },
    schema: { params: structureParams },
    handler: async (req, reply) => {
      const row = await findStructure(req.ctx.tenant(), scopeOf(req.ctx), req.params.structureId);
      if (!row) throw notFound();
      return renderForm(req.ctx, reply, row.id, { ...rowValues(row, STRUCTURE_FIELDS), unit: row.unit_number ?? '' });
    },
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/registry/structures/:structureId',
    access: 'staff:registry.property_edit',
    kind: 'form',
    idParams: { structureId: 'structures' },
    schema: { params: structureParams },
    handler: async (req, reply) => save(req.ctx, reply, req.params.slug, req.params.structureId, req.body),
  }),
];
