// Land parcels: list, record, create and edit (/:slug/staff/registry/parcels…).
import { h } from 'preact';
import type { FastifyReply } from 'fastify';
import { route, slugParams } from '../../platform/http/route.ts';
import { notFound, type FieldErrors } from '../../platform/http/errors.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { sendPage } from '../../platform/ui/render.ts';
import { listSettlements } from '../communities/index.ts';
import { doneQuery, parcelForm, parcelListQuery, parcelParams } from './property.schemas.ts';
import { addressOptions, findParcel, historyOf, listParcels, ownersOf, PROPERTY_PAGE_SIZE } from './property.queries.ts';
import { saveParcel } from './property.service.ts';
import { ParcelListPage } from './property.views.tsx';
import { ParcelPage } from './property-record.views.tsx';
import { ParcelFormPage } from './property-forms.views.tsx';
import { auditResidentsShown } from './property.people-audit.ts';
import { can, fieldErrorsOf, pageCount, rowValues, scopeOf, valuesOf } from './property.http.ts';

const PARCEL_FIELDS = ['cadastral_code', 'settlement_id', 'address_id', 'area_m2', 'purpose', 'inside_settlement', 'cadastral_value', 'net_income', 'lat', 'lon'];

async function renderForm(ctx: Ctx, reply: FastifyReply, id: number | null, values: Record<string, string>, errors: FieldErrors = {}) {
  const tenant = ctx.tenant();
  const scope = scopeOf(ctx);
  const [settlements, addresses] = await Promise.all([listSettlements(tenant), addressOptions(tenant, scope)]);
  const title = ctx.t(id === null ? 'registry.property.parcel.new' : 'registry.property.parcel.edit');
  const visible = scope ? settlements.filter((s) => scope.includes(s.id)) : settlements;
  const status = Object.keys(errors).length ? 400 : 200;
  return sendPage(reply, h(ParcelFormPage, { ctx, id, title, form: { t: ctx.t, errors, values }, settlements: visible, addresses }), status);
}

async function save(ctx: Ctx, reply: FastifyReply, slug: string, id: number | null, body: unknown) {
  const parsed = parseForm(parcelForm, body);
  if (!parsed.ok) {
    if (id !== null && !(await findParcel(ctx.tenant(), scopeOf(ctx), id))) throw notFound();
    return renderForm(ctx, reply, id, parsed.values, parsed.errors);
  }
  try {
    const saved = await saveParcel(ctx.tenant(), ctx.auditActor(), scopeOf(ctx), id, parsed.data);
    return reply.redirect(`/${slug}/staff/registry/parcels/${saved}?done=saved`, 303);
  } catch (err) {
    return renderForm(ctx, reply, id, valuesOf(body), fieldErrorsOf(err));
  }
}

export const parcelRoutes = [
  route({
    method: 'GET',
    url: '/:slug/staff/registry/parcels',
    access: 'staff:registry.property_view',
    kind: 'page',
    schema: { params: slugParams, querystring: parcelListQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const tenant = ctx.tenant();
      const scope = scopeOf(ctx);
      const page = req.query.page ?? 1;
      const [{ rows, total }, settlements] = await Promise.all([listParcels(tenant, scope, req.query, page), listSettlements(tenant)]);
      const visible = scope ? settlements.filter((s) => scope.includes(s.id)) : settlements;
      return sendPage(reply, h(ParcelListPage, {
        ctx, query: req.query, rows, total, page, pages: pageCount(total, PROPERTY_PAGE_SIZE), settlements: visible, canEdit: can(ctx, 'registry.property_edit'),
      }));
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/registry/parcels/new',
    access: 'staff:registry.property_edit',
    kind: 'page',
    schema: { params: slugParams },
    handler: async (req, reply) => renderForm(req.ctx, reply, null, { inside_settlement: '1' }),
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/registry/parcels',
    access: 'staff:registry.property_edit',
    kind: 'form',
    schema: { params: slugParams },
    handler: async (req, reply) => save(req.ctx, reply, req.params.slug, null, req.body),
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/registry/parcels/:parcelId',
    access: 'staff:registry.property_view',
    kind: 'page',
    idParams: { parcelId: 'parcels' },
    schema: { params: parcelParams, querystring: doneQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const tenant = ctx.tenant();
      const row = await findParcel(tenant, scopeOf(ctx), req.params.parcelId);
      if (!row) throw notFound();
      const [owners, history] = await Promise.all([ownersOf(tenant, 'parcel', row.id), historyOf(ctx.db, tenant.communityId, 'parcel', row.id)]);
      const canSeePeople = can(ctx, 'registry.people_view');
      if (canSeePeople) await auditResidentsShown(tenant, ctx.auditActor(), 'parcel', owners.map((o) => ({ residentId: o.owner_resident_id, objectId: row.id })));
      return sendPage(reply, h(ParcelPage, { ctx, row, owners, history, canEdit: can(ctx, 'registry.property_edit'), canSeePeople, done: req.query.done }));
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/registry/parcels/:parcelId/edit',
    access: 'staff:registry.property_edit',
    kind: 'page',
    idParams: { parcelId: 'parcels' },
    schema: { params: parcelParams },
    handler: async (req, reply) => {
      const row = await findParcel(req.ctx.tenant(), scopeOf(req.ctx), req.params.parcelId);
      if (!row) throw notFound();
      return renderForm(req.ctx, reply, row.id, rowValues(row, PARCEL_FIELDS));
    },
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/registry/parcels/:parcelId',
    access: 'staff:registry.property_edit',
    kind: 'form',
    idParams: { parcelId: 'parcels' },
    schema: { params: parcelParams },
    handler: async (req, reply) => save(req.ctx, reply, req.params.slug, req.params.parcelId, req.body),
  }),
];
