// The organizations register (/:slug/staff/registry/organizations…).
import { h } from 'preact';
import type { FastifyReply } from 'fastify';
import { route, slugParams } from '../../../platform/http/route.ts';
import { notFound, type FieldErrors } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { listSettlements } from '../../communities/index.ts';
import { organizationForm, organizationListQuery, organizationParams } from './organizations.schemas.ts';
import { findOrganization, listOrganizations, ORGANIZATION_PAGE_SIZE } from './organizations.queries.ts';
import { saveOrganization } from './organizations.service.ts';
import { OrganizationFormPage, OrganizationListPage, OrganizationPage } from './organizations.views.tsx';
import { addressOptions, propertyOwnedBy } from '../property/property.queries.ts';
import { doneQuery } from '../property/property.schemas.ts';
import { can, fieldErrorsOf, pageCount, rowValues, valuesOf } from '../registry.http.ts';

const FIELDS = ['tax_id', 'name', 'legal_form', 'is_entrepreneur', 'settlement_id', 'address_id', 'activity', 'phone', 'email', 'status'];

async function renderForm(ctx: Ctx, reply: FastifyReply, id: number | null, values: Record<string, string>, errors: FieldErrors = {}) {
  const tenant = ctx.tenant();
  const [settlements, addresses] = await Promise.all([listSettlements(tenant), addressOptions(tenant, null)]);
  return sendPage(reply, h(OrganizationFormPage, { ctx, id, form: { t: ctx.t, errors, values }, settlements, addresses }), Object.keys(errors).length ? 400 : 200);
}

async function save(ctx: Ctx, reply: FastifyReply, slug: string, id: number | null, body: unknown) {
  const parsed = parseForm(organizationForm, body);
  if (!parsed.ok) {
    if (id !== null && !(await findOrganization(ctx.tenant(), id))) throw notFound();
    return renderForm(ctx, reply, id, parsed.values, parsed.errors);
  }
  try {
    const saved = await saveOrganization(ctx.tenant(), ctx.auditActor(), id, parsed.data);
    return reply.redirect(`/${slug}/staff/registry/organizations/${saved}?done=saved`, 303);
  } catch (err) {
    return renderForm(ctx, reply, id, valuesOf(body), fieldErrorsOf(err));
  }
}

export const organizationRoutes = [
  route({
    method: 'GET',
    url: '/:slug/staff/registry/organizations',
    access: 'staff:registry.organizations_view',
    kind: 'page',
    schema: { params: slugParams, querystring: organizationListQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const page = req.query.page ?? 1;
      const [{ rows, total }, settlements] = await Promise.all([listOrganizations(ctx.tenant(), req.query, page), listSettlements(ctx.tenant())]);
      return sendPage(reply, h(OrganizationListPage, {
        ctx, query: req.query, rows, total, page, pages: pageCount(total, ORGANIZATION_PAGE_SIZE), settlements, canEdit: can(ctx, 'registry.organizations_edit'),
      }));
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/registry/organizations/new',
    access: 'staff:registry.organizations_edit',
    kind: 'page',
    schema: { params: slugParams },
    handler: async (req, reply) => renderForm(req.ctx, reply, null, { status: 'active' }),
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/registry/organizations',
    access: 'staff:registry.organizations_edit',
    kind: 'form',
    schema: { params: slugParams },
    handler: async (req, reply) => save(req.ctx, reply, req.params.slug, null, req.body),
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/registry/organizations/:organizationId',
    access: 'staff:registry.organizations_view',
    kind: 'page',
    idParams: { organizationId: 'organizations' },
    schema: { params: organizationParams, querystring: doneQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const row = await findOrganization(ctx.tenant(), req.params.organizationId);
      if (!row) throw notFound();
      const owned = await propertyOwnedBy(ctx.tenant(), { organizationId: row.id });
      return sendPage(reply, h(OrganizationPage, { ctx, row, owned, canEdit: can(ctx, 'registry.organizations_edit'), done: req.query.done }));
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/registry/organizations/:organizationId/edit',
    access: 'staff:registry.organizations_edit',
    kind: 'page',
    idParams: { organizationId: 'organizations' },
    schema: { params: organizationParams },
    handler: async (req, reply) => {
      const row = await findOrganization(req.ctx.tenant(), req.params.organizationId);
      if (!row) throw notFound();
      return renderForm(req.ctx, reply, row.id, rowValues(row, FIELDS));
    },
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/registry/organizations/:organizationId',
    access: 'staff:registry.organizations_edit',
    kind: 'form',
    idParams: { organizationId: 'organizations' },
    schema: { params: organizationParams },
    handler: async (req, reply) => save(req.ctx, reply, req.params.slug, req.params.organizationId, req.body),
  }),
];
