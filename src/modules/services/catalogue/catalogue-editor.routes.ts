// The IT administrator's catalogue pages (/:slug/staff/services…): the list, installing
// templates, a new service, the editor (each save a new version), the version history and
// publishing. Handlers parse, call one service function, and render or redirect.
import { h } from 'preact';
import type { FastifyReply } from 'fastify';
import { route, slugParams } from '../../../platform/http/route.ts';
import { AppError, badRequest, notFound, type FieldErrors } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { pick } from './spec.ts';
import { SERVICE_TEMPLATES } from '../templates/index.ts';
import { doneQuery, installForm, newServiceForm, serviceParams, statusForm } from './catalogue.schemas.ts';
import { findDefinition, getService, installedTemplateCodes, listServices, listVersions, type ServiceDefinitionRow } from './catalogue.queries.ts';
import { copyService, createServiceFromScratch, installTemplates, saveServiceVersion, setServiceStatus } from './catalogue.service.ts';
import { InvalidSpec, type SpecIssue } from './catalogue.validate.ts';
import { formToSpec, postedForm, specToForm, type EditorForm } from './catalogue-editor.form.ts';
import { EditorPage } from './catalogue-editor.views.tsx';
import { NewServicePage, ServiceListPage, TemplatesPage, VersionsPage } from './catalogue-admin.views.tsx';

const MANAGE = 'staff:services.catalogue_manage' as const;
const base = (ctx: Ctx) => `/${ctx.requireCommunity().slug}/staff/services`;

async function renderTemplates(ctx: Ctx, reply: FastifyReply, errors: FieldErrors = {}) {
  const installed = await installedTemplateCodes(ctx.tenant());
  return sendPage(reply, h(TemplatesPage, { ctx, templates: SERVICE_TEMPLATES, installed, errors }), Object.keys(errors).length ? 400 : 200);
}

async function renderNew(ctx: Ctx, reply: FastifyReply, values: Record<string, string>, errors: FieldErrors = {}) {
  const sources = (await listServices(ctx.tenant())).map((s) => ({ value: String(s.id), label: `${pick(s.spec.name, ctx.locale)} (${s.code})` }));
  return sendPage(reply, h(NewServicePage, { ctx, form: { t: ctx.t, errors, values }, sources }), Object.keys(errors).length ? 400 : 200);
}

/** The posted strings, to show a refused form again. */
function postedStrings(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
  return out;
}

interface EditorState {
  errors?: FieldErrors;
  issues?: SpecIssue[];
  conflictWith?: number;
  done?: string;
}

function renderEditor(ctx: Ctx, reply: FastifyReply, def: ServiceDefinitionRow, form: EditorForm, state: EditorState, status = 200) {
  const name = form.values[`name_${ctx.locale}`]?.trim() || form.values.name_hy?.trim() || def.code;
  return sendPage(reply, h(EditorPage, { ctx, service: def, name, form, ...state }), status);
}

async function definitionOr404(ctx: Ctx, serviceId: number): Promise<ServiceDefinitionRow> {
  const def = await findDefinition(ctx.tenant(), serviceId);
  if (!def) throw notFound();
  return def;
}

/** Saves the editor's form as a new version; a refused save shows the same form again. */
async function save(ctx: Ctx, reply: FastifyReply, serviceId: number, body: unknown) {
  const def = await definitionOr404(ctx, serviceId);
  const parsed = formToSpec(body, ctx.locale);
  if (!parsed.ok) return renderEditor(ctx, reply, def, parsed.form, { errors: parsed.errors, issues: parsed.issues }, 400);
  try {
    await saveServiceVersion(ctx.tenant(), ctx.auditActor(), serviceId, parsed.spec, { expectedVersion: parsed.version });
  } catch (err) {
    if (err instanceof InvalidSpec) return renderEditor(ctx, reply, def, postedForm(body, ctx.locale), { errors: err.fields, issues: err.issues }, 400);
    if (err instanceof AppError && err.status === 409) {
      const current = await getService(ctx.tenant(), serviceId);
      return renderEditor(ctx, reply, def, postedForm(body, ctx.locale), { errors: err.fields, conflictWith: current?.version }, 409);
    }
    throw err;
  }
  return reply.redirect(`${base(ctx)}/${serviceId}?done=saved`, 303);
}

export const catalogueEditorRoutes = [
  route({
    method: 'GET',
    url: '/:slug/staff/services',
    access: MANAGE,
    kind: 'page',
    schema: { params: slugParams, querystring: doneQuery },
    handler: async (req, reply) => sendPage(reply, h(ServiceListPage, { ctx: req.ctx, services: await listServices(req.ctx.tenant()), ...req.query })),
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/services/templates',
    access: MANAGE,
    kind: 'page',
    schema: { params: slugParams },
    handler: async (req, reply) => renderTemplates(req.ctx, reply),
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/services/install',
    access: MANAGE,
    kind: 'form',
    schema: { params: slugParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const parsed = parseForm(installForm, req.body);
      if (!parsed.ok) return renderTemplates(ctx, reply, parsed.errors);
      const codes = parsed.data.scope === 'chosen' ? parsed.data.codes : undefined;
      let installed: string[];
      try {
        installed = await ctx.tenant().transaction((scoped, tx) => installTemplates(tx, ctx.auditActor(), scoped.communityId, codes));
      } catch (err) {
        if (err instanceof AppError && err.status === 400) return renderTemplates(ctx, reply, err.fields);
        throw err;
      }
      return reply.redirect(`${base(ctx)}?done=installed&count=${installed.length}`, 303);
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/services/new',
    access: MANAGE,
    kind: 'page',
    schema: { params: slugParams },
    handler: async (req, reply) => renderNew(req.ctx, reply, {}),
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/services/new',
    access: MANAGE,
    kind: 'form',
    schema: { params: slugParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const parsed = parseForm(newServiceForm, req.body);
      if (!parsed.ok) return renderNew(ctx, reply, parsed.values, parsed.errors);
      const d = parsed.data;
      const tenant = ctx.tenant();
      const name = { hy: d.name_hy, en: d.name_en, ru: d.name_ru };
      try {
        if (d.from !== undefined && !(await findDefinition(tenant, d.from))) throw badRequest({ from: 'field.invalid' });
        const id = d.from === undefined
          ? await createServiceFromScratch(tenant, ctx.auditActor(), { code: d.code, name, group: d.group })
          : await copyService(tenant, ctx.auditActor(), d.from, { code: d.code, name, group: d.group });
        return reply.redirect(`${base(ctx)}/${id}?done=created`, 303);
      } catch (err) {
        if (err instanceof AppError && err.status === 400 && Object.keys(err.fields).length) return renderNew(ctx, reply, postedStrings(req.body), err.fields);
        throw err;
      }
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/services/:serviceId',
    access: MANAGE,
    kind: 'page',
    idParams: { serviceId: 'service_definitions' },
    schema: { params: serviceParams, querystring: doneQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const def = await definitionOr404(ctx, req.params.serviceId);
      const service = await getService(ctx.tenant(), def.id);
      if (!service) throw notFound();
      return renderEditor(ctx, reply, def, specToForm(service.spec, service.version, ctx.locale), { done: req.query.done });
    },
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/services/:serviceId',
    access: MANAGE,
    kind: 'form',
    idParams: { serviceId: 'service_definitions' },
    schema: { params: serviceParams },
    handler: async (req, reply) => save(req.ctx, reply, req.params.serviceId, req.body),
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/services/:serviceId/versions',
    access: MANAGE,
    kind: 'page',
    idParams: { serviceId: 'service_definitions' },
    schema: { params: serviceParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const service = await getService(ctx.tenant(), req.params.serviceId);
      if (!service) throw notFound();
      const def = (await findDefinition(ctx.tenant(), service.id))!;
      const versions = await listVersions(ctx.tenant(), service.id);
      return sendPage(reply, h(VersionsPage, { ctx, service: def, name: pick(service.spec.name, ctx.locale), versions }));
    },
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/services/:serviceId/status',
    access: MANAGE,
    kind: 'form',
    idParams: { serviceId: 'service_definitions' },
    schema: { params: serviceParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const def = await definitionOr404(ctx, req.params.serviceId);
      const parsed = parseForm(statusForm, req.body);
      if (!parsed.ok) throw badRequest(parsed.errors);
      await setServiceStatus(ctx.tenant(), ctx.auditActor(), def.id, parsed.data.status);
      return reply.redirect(`${base(ctx)}/${def.id}?done=status`, 303);
    },
  }),
];
