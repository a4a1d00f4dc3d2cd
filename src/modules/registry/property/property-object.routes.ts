// The list, record, create and edit routes of a property object (a parcel or a structure),
// made once for both: each kind's routes file only names its schemas, queries, service and views.
import { h, type ComponentType } from 'preact';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { route, slugParams, type RouteDef } from '../../../platform/http/route.ts';
import { notFound, type FieldErrors } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { AuditActor } from '../../../platform/audit/audit.ts';
import { listSettlements } from '../../communities/index.ts';
import { doneQuery } from './property.schemas.ts';
import { addressOptions, historyOf, ownersOf, PROPERTY_PAGE_SIZE, type SettlementScope } from './property.queries.ts';
import type { ListProps } from './property.views.tsx';
import type { RecordProps } from './property-record.views.tsx';
import type { FormPageProps } from './property-forms.views.tsx';
import { auditResidentsShown } from '../population/people-audit.ts';
import { can, fieldErrorsOf, pageCount, scopeOf, valuesOf } from '../registry.http.ts';

/** The URL segment and tenant table of a kind of property object. */
export type ObjectKind = 'parcels' | 'structures';

/** The params of a record route: `:slug` and the row id under the name `I` (e.g. `parcelId`). */
export type IdParams<I extends string> = { slug: string } & Record<I, number>;
export type IdParamsSchema<I extends string> = z.ZodType<IdParams<I>>;

/**
 * A record route's params with their type: Fastify's request types stay opaque over a generic
 * id name, and the route's params schema has already parsed them into this shape.
 */
export function idParamsOf<I extends string>(params: unknown): IdParams<I> {
  return params as IdParams<I>;
}

/** What differs between the kinds. */
export interface ObjectDeps<I extends string, Q extends { page?: number }, R extends { id: number }, F extends z.ZodType> {
  idParam: I;
  params: IdParamsSchema<I>;
  listQuery: z.ZodType<Q>;
  form: F;
  list: (tenant: TenantDb, scope: SettlementScope, query: Q, page: number) => Promise<{ rows: R[]; total: number }>;
  find: (tenant: TenantDb, scope: SettlementScope, id: number) => Promise<R | null>;
  save: (tenant: TenantDb, actor: AuditActor, scope: SettlementScope, id: number | null, input: z.infer<F>) => Promise<number>;
  ListPage: ComponentType<ListProps<Q, R>>;
  RecordPage: ComponentType<RecordProps<R>>;
  FormPage: ComponentType<FormPageProps>;
  /** The values a new record's form starts from. */
  newValues: Record<string, string>;
  /** A stored record as form values. */
  editValues: (row: R) => Record<string, string>;
}

export function objectRoutes<I extends string, Q extends { page?: number }, R extends { id: number }, F extends z.ZodType>(
  kind: ObjectKind,
  deps: ObjectDeps<I, Q, R, F>,
): RouteDef[] {
  const type = kind === 'parcels' ? 'parcel' : 'structure';
  const base = `/:slug/staff/registry/${kind}`;
  const record = `${base}/:${deps.idParam}`;
  const idParams = { [deps.idParam]: kind };
  const paramsOf = (params: unknown) => idParamsOf<I>(params);
  // Opaque to Fastify's types like the params; the list query schema has parsed it.
  const listQueryOf = (query: unknown): Q => query as Q;

  async function renderForm(ctx: Ctx, reply: FastifyReply, id: number | null, values: Record<string, string>, errors: FieldErrors = {}) {
    const tenant = ctx.tenant();
    const scope = scopeOf(ctx);
    const [settlements, addresses] = await Promise.all([listSettlements(tenant), addressOptions(tenant, scope)]);
    const title = ctx.t(id === null ? `registry.property.${type}.new` : `registry.property.${type}.edit`);
    const visible = scope ? settlements.filter((s) => scope.includes(s.id)) : settlements;
    const status = Object.keys(errors).length ? 400 : 200;
    return sendPage(reply, h(deps.FormPage, { ctx, id, title, form: { t: ctx.t, errors, values }, settlements: visible, addresses }), status);
  }

  async function save(ctx: Ctx, reply: FastifyReply, slug: string, id: number | null, body: unknown) {
    const parsed = parseForm(deps.form, body);
    if (!parsed.ok) {
      if (id !== null && !(await deps.find(ctx.tenant(), scopeOf(ctx), id))) throw notFound();
      return renderForm(ctx, reply, id, parsed.values, parsed.errors);
    }
    try {
      const saved = await deps.save(ctx.tenant(), ctx.auditActor(), scopeOf(ctx), id, parsed.data);
      return reply.redirect(`/${slug}/staff/registry/${kind}/${saved}?done=saved`, 303);
    } catch (err) {
      return renderForm(ctx, reply, id, valuesOf(body), fieldErrorsOf(err));
    }
  }

  return [
    route({
      method: 'GET',
      url: base,
      access: 'staff:registry.property_view',
      kind: 'page',
      schema: { params: slugParams, querystring: deps.listQuery },
      handler: async (req, reply) => {
        const ctx = req.ctx;
        const tenant = ctx.tenant();
        const scope = scopeOf(ctx);
        const query = listQueryOf(req.query);
        const page = query.page ?? 1;
        const [{ rows, total }, settlements] = await Promise.all([deps.list(tenant, scope, query, page), listSettlements(tenant)]);
        const visible = scope ? settlements.filter((s) => scope.includes(s.id)) : settlements;
        return sendPage(reply, h(deps.ListPage, {
          ctx, query, rows, total, page, pages: pageCount(total, PROPERTY_PAGE_SIZE), settlements: visible, canEdit: can(ctx, 'registry.property_edit'),
        }));
      },
    }),
    route({
      method: 'GET',
      url: `${base}/new`,
      access: 'staff:registry.property_edit',
      kind: 'page',
      schema: { params: slugParams },
      handler: async (req, reply) => renderForm(req.ctx, reply, null, deps.newValues),
    }),
    route({
      method: 'POST',
      url: base,
      access: 'staff:registry.property_edit',
      kind: 'form',
      schema: { params: slugParams },
      handler: async (req, reply) => save(req.ctx, reply, req.params.slug, null, req.body),
    }),
    route({
      method: 'GET',
      url: record,
      access: 'staff:registry.property_view',
      kind: 'page',
      idParams,
      schema: { params: deps.params, querystring: doneQuery },
      handler: async (req, reply) => {
        const ctx = req.ctx;
        const tenant = ctx.tenant();
        const row = await deps.find(tenant, scopeOf(ctx), paramsOf(req.params)[deps.idParam]);
        if (!row) throw notFound();
        const [owners, history] = await Promise.all([ownersOf(tenant, type, row.id), historyOf(ctx.db, tenant.communityId, type, row.id)]);
        const canSeePeople = can(ctx, 'registry.people_view');
        if (canSeePeople) await auditResidentsShown(tenant, ctx.auditActor(), type, owners.map((o) => ({ residentId: o.owner_resident_id, objectId: row.id })));
        return sendPage(reply, h(deps.RecordPage, { ctx, row, owners, history, canEdit: can(ctx, 'registry.property_edit'), canSeePeople, done: req.query.done }));
      },
    }),
    route({
      method: 'GET',
      url: `${record}/edit`,
      access: 'staff:registry.property_edit',
      kind: 'page',
      idParams,
      schema: { params: deps.params },
      handler: async (req, reply) => {
        const row = await deps.find(req.ctx.tenant(), scopeOf(req.ctx), paramsOf(req.params)[deps.idParam]);
        if (!row) throw notFound();
        return renderForm(req.ctx, reply, row.id, deps.editValues(row));
      },
    }),
    route({
      method: 'POST',
      url: record,
      access: 'staff:registry.property_edit',
      kind: 'form',
      idParams,
      schema: { params: deps.params },
      handler: async (req, reply) => save(req.ctx, reply, paramsOf(req.params).slug, paramsOf(req.params)[deps.idParam], req.body),
    }),
  ];
}
