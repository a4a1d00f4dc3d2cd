// The service catalogue: the public pages and JSON API of a community's published services,
// plus the administrator's editor (catalogue-editor.routes.ts).
import { h } from 'preact';
import { z } from 'zod';
import type { RouteDef } from '../../../platform/http/route.ts';
import { route, slugParams } from '../../../platform/http/route.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { sharedPublicPage } from '../../../platform/http/public-page.ts';
import { renderPage, sendHtml, sendPage } from '../../../platform/ui/render.ts';
import { catalogueResponse, catalogueItem, serviceParams } from './catalogue.schemas.ts';
import { catalogueStamp, getService, listServices, type Service } from './catalogue.queries.ts';
import { CataloguePage, ServicePage } from './catalogue.views.tsx';
import { catalogueEditorRoutes } from './catalogue-editor.routes.ts';

function apiItem(s: Service): z.infer<typeof catalogueItem> {
  const { spec } = s;
  return {
    id: s.id,
    code: s.code,
    version: s.version,
    group: spec.group,
    name: spec.name,
    description: spec.description,
    applicants: spec.applicants,
    channels: spec.channels,
    fee: spec.fee,
    deadline: spec.deadline,
    documents: spec.documents.map((d) => ({ key: d.key, label: d.label, required: d.required, types: d.types })),
    fields: spec.fields.map((f) => ({ key: f.key, type: f.type, required: f.required, label: f.label })),
  };
}

const publicRoutes = [
  route({
    method: 'GET',
    url: '/:slug/services',
    access: 'public',
    kind: 'page',
    schema: { params: slugParams },
    handler: async (req, reply) => {
      const { ctx } = req;
      const tenant = ctx.tenant();
      const render = async () => renderPage(h(CataloguePage, { ctx, services: await listServices(tenant, { status: 'published' }) }));
      // The stamp changes with every catalogue save.
      return sendHtml(reply, await sharedPublicPage(ctx, 'services', render, () => catalogueStamp(tenant)));
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/services/:serviceId',
    access: 'public',
    kind: 'page',
    idParams: { serviceId: 'service_definitions' },
    schema: { params: serviceParams },
    handler: async (req, reply) => {
      const service = await getService(req.ctx.tenant(), req.params.serviceId);
      // Drafts and archived services are not offered: to the public they do not exist.
      if (!service || service.status !== 'published') throw notFound();
      return sendPage(reply, h(ServicePage, { ctx: req.ctx, service }));
    },
  }),
  route({
    method: 'GET',
    url: '/api/v1/communities/:slug/services',
    access: 'public',
    kind: 'api',
    schema: {
      summary: "The community's published service catalogue",
      description: 'Every published service with names and descriptions in hy/en/ru, who may apply, channels, fee, deadline, required documents and form fields.',
      tags: ['services'],
      params: slugParams,
      response: { 200: catalogueResponse },
    },
    handler: async (req) => ({ items: (await listServices(req.ctx.tenant(), { status: 'published' })).map(apiItem) }),
  }),
];

export const catalogueRoutes: RouteDef[] = [...publicRoutes, ...catalogueEditorRoutes];
