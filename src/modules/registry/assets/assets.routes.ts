// Community assets and their leases (/:slug/staff/registry/assets…).
import { h } from 'preact';
import type { FastifyReply } from 'fastify';
import { route, slugParams } from '../../../platform/http/route.ts';
import { notFound, type FieldErrors } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { assetForm, assetListQuery, assetParams, leaseForm, leaseParams, leaseStatusForm } from './assets.schemas.ts';
import { ASSET_PAGE_SIZE, currentLease, findAsset, leasesOf, listAssets } from './assets.queries.ts';
import { changeLeaseStatus, createLease, saveAsset } from './assets.service.ts';
import { AssetFormPage, AssetListPage, AssetPage, LeaseFormPage } from './assets.views.tsx';
import { addressOptions } from '../property/property.queries.ts';
import { doneQuery } from '../property/property.schemas.ts';
import { auditResidentsShown } from '../population/people-audit.ts';
import { can, fieldErrorsOf, pageCount, rowValues, valuesOf } from '../registry.http.ts';

const FIELDS = ['name', 'kind', 'parcel_code', 'structure_code', 'address_id', 'book_value', 'acquired_on', 'notes'];
const hasErrors = (e: FieldErrors) => Object.keys(e).length > 0;

async function renderForm(ctx: Ctx, reply: FastifyReply, id: number | null, values: Record<string, string>, errors: FieldErrors = {}) {
  const addresses = await addressOptions(ctx.tenant(), null);
  return sendPage(reply, h(AssetFormPage, { ctx, id, form: { t: ctx.t, errors, values }, addresses }), hasErrors(errors) ? 400 : 200);
}

async function saveForm(ctx: Ctx, reply: FastifyReply, slug: string, id: number | null, body: unknown) {
  const parsed = parseForm(assetForm, body);
  if (!parsed.ok) {
    if (id !== null && !(await findAsset(ctx.tenant(), id))) throw notFound();
    return renderForm(ctx, reply, id, parsed.values, parsed.errors);
  }
  try {
    const saved = await saveAsset(ctx.tenant(), ctx.auditActor(), id, parsed.data);
    return reply.redirect(`/${slug}/staff/registry/assets/${saved}?done=saved`, 303);
  } catch (err) {
    return renderForm(ctx, reply, id, valuesOf(body), fieldErrorsOf(err));
  }
}

async function renderAsset(ctx: Ctx, reply: FastifyReply, assetId: number, done?: string, errors: FieldErrors = {}) {
  const asset = await findAsset(ctx.tenant(), assetId);
  if (!asset) throw notFound();
  const leases = await leasesOf(ctx.tenant(), asset.id);
  const statusErrors = hasErrors(errors) ? { t: ctx.t, errors } : undefined;
  const canSeePeople = can(ctx, 'registry.people_view');
  if (canSeePeople) await auditResidentsShown(ctx.tenant(), ctx.auditActor(), 'asset', leases.map((l) => ({ residentId: l.tenant_resident_id, objectId: asset.id })));
  return sendPage(reply, h(AssetPage, { ctx, asset, leases, today: todayInYerevan(), canEdit: can(ctx, 'registry.assets_edit'), canSeePeople, done, statusErrors }), statusErrors ? 400 : 200);
}

async function renderLeaseForm(ctx: Ctx, reply: FastifyReply, assetId: number, values: Record<string, string>, errors: FieldErrors = {}) {
  const asset = await findAsset(ctx.tenant(), assetId);
  if (!asset) throw notFound();
  return sendPage(reply, h(LeaseFormPage, { ctx, asset, form: { t: ctx.t, errors, values } }), hasErrors(errors) ? 400 : 200);
}

export const assetRoutes = [
  route({
    method: 'GET',
    url: '/:slug/staff/registry/assets',
    access: 'staff:registry.assets_view',
    kind: 'page',
    schema: { params: slugParams, querystring: assetListQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const page = req.query.page ?? 1;
      const { rows, total } = await listAssets(ctx.tenant(), req.query, page);
      const today = todayInYerevan();
      const canSeePeople = can(ctx, 'registry.people_view');
      if (canSeePeople) {
        const shown = rows.map((a) => ({ residentId: currentLease(a.leases, today)?.tenant_resident_id ?? null, objectId: a.id }));
        await auditResidentsShown(ctx.tenant(), ctx.auditActor(), 'asset', shown);
      }
      return sendPage(reply, h(AssetListPage, {
        ctx, query: req.query, rows, total, page, pages: pageCount(total, ASSET_PAGE_SIZE), today, canEdit: can(ctx, 'registry.assets_edit'), canSeePeople,
      }));
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/registry/assets/new',
    access: 'staff:registry.assets_edit',
    kind: 'page',
    schema: { params: slugParams },
    handler: async (req, reply) => renderForm(req.ctx, reply, null, {}),
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/registry/assets',
    access: 'staff:registry.assets_edit',
    kind: 'form',
    schema: { params: slugParams },
    handler: async (req, reply) => saveForm(req.ctx, reply, req.params.slug, null, req.body),
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/registry/assets/:assetId',
    access: 'staff:registry.assets_view',
    kind: 'page',
    idParams: { assetId: 'assets' },
    schema: { params: assetParams, querystring: doneQuery },
    handler: async (req, reply) => renderAsset(req.ctx, reply, req.params.assetId, req.query.done),
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/registry/assets/:assetId/edit',
    access: 'staff:registry.assets_edit',
    kind: 'page',
    idParams: { assetId: 'assets' },
    schema: { params: assetParams },
    handler: async (req, reply) => {
      const asset = await findAsset(req.ctx.tenant(), req.params.assetId);
      if (!asset) throw notFound();
      return renderForm(req.ctx, reply, asset.id, rowValues(asset, FIELDS));
    },
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/registry/assets/:assetId',
    access: 'staff:registry.assets_edit',
    kind: 'form',
    idParams: { assetId: 'assets' },
    schema: { params: assetParams },
    handler: async (req, reply) => saveForm(req.ctx, reply, req.params.slug, req.params.assetId, req.body),
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/registry/assets/:assetId/leases/new',
    access: 'staff:registry.assets_edit',
    kind: 'page',
    idParams: { assetId: 'assets' },
    schema: { params: assetParams },
    handler: async (req, reply) => renderLeaseForm(req.ctx, reply, req.params.assetId, { rent_period: 'month', status: 'draft', starts_on: todayInYerevan() }),
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/registry/assets/:assetId/leases',
    access: 'staff:registry.assets_edit',
    kind: 'form',
    idParams: { assetId: 'assets' },
    schema: { params: assetParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const { slug, assetId } = req.params;
      const parsed = parseForm(leaseForm, req.body);
      if (!parsed.ok) return renderLeaseForm(ctx, reply, assetId, parsed.values, parsed.errors);
      try {
        await createLease(ctx.tenant(), ctx.auditActor(), assetId, parsed.data);
      } catch (err) {
        return renderLeaseForm(ctx, reply, assetId, valuesOf(req.body), fieldErrorsOf(err));
      }
      return reply.redirect(`/${slug}/staff/registry/assets/${assetId}?done=saved`, 303);
    },
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/registry/assets/:assetId/leases/:leaseId/status',
    access: 'staff:registry.assets_edit',
    kind: 'form',
    idParams: { assetId: 'assets', leaseId: 'leases' },
    schema: { params: leaseParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const { slug, assetId, leaseId } = req.params;
      const parsed = parseForm(leaseStatusForm, req.body);
      if (!parsed.ok) {
        const lease = await ctx.tenant().selectFrom('leases').select('id').where('id', '=', leaseId).where('asset_id', '=', assetId).executeTakeFirst();
        if (!lease) throw notFound();
        return renderAsset(ctx, reply, assetId, undefined, parsed.errors);
      }
      try {
        await changeLeaseStatus(ctx.tenant(), ctx.auditActor(), assetId, leaseId, parsed.data.status);
      } catch (err) {
        return renderAsset(ctx, reply, assetId, undefined, fieldErrorsOf(err));
      }
      return reply.redirect(`/${slug}/staff/registry/assets/${assetId}?done=saved`, 303);
    },
  }),
];
