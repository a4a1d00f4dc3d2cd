// Routes of the back office: thin — parse, call one service function, render or redirect.
import { z } from 'zod';
import { h } from 'preact';
import type { FastifyReply } from 'fastify';
import { route } from '../../platform/http/route.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { Ctx } from '../../platform/http/context.ts';
import type { FieldErrors } from '../../platform/http/errors.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { sendPage } from '../../platform/ui/render.ts';
import type { SortState } from '../../platform/ui/components.tsx';
import { listSettlements } from '../communities/index.ts';
import { addStaffForm, assignmentParams, grantRoleForm, personParams, staffParams } from './backoffice.schemas.ts';
import { dashboardCounts, findStaffMember, listStaff, type StaffMember } from './backoffice.queries.ts';
import { addStaffMember, grantRole, revokeRole, type StaffActor } from './backoffice.service.ts';
import { PeoplePage, PersonPage } from './backoffice.views.tsx';
import { DashboardPage } from './dashboard.views.tsx';
import { loadDashboard } from './dashboard.service.ts';

const peopleQuery = z.object({
  sort: z.enum(['name', 'email']).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
  done: z.string().max(20).optional(),
});

function staffActor(ctx: Ctx): StaffActor {
  return { audit: ctx.auditActor(), userId: ctx.actor!.userId };
}

function canManageRoles(ctx: Ctx): boolean {
  return ctx.services.permissions.communityPermissions(ctx.actor?.communityRoles ?? []).has('roles.manage');
}

/** The field errors of a refused change, to show on the form; anything else propagates. */
function fieldErrorsOf(err: unknown): FieldErrors {
  if (err instanceof AppError && (err.status === 400 || err.status === 409) && Object.keys(err.fields).length > 0) return err.fields;
  throw err;
}

function sortStaff(staff: StaffMember[], sort: SortState, locale: string): StaffMember[] {
  const key = (m: StaffMember) => (sort.col === 'email' ? (m.email ?? '') : m.fullName);
  const collator = new Intl.Collator(locale);
  const sorted = [...staff].sort((a, b) => collator.compare(key(a), key(b)));
  return sort.dir === 'desc' ? sorted.reverse() : sorted;
}

async function renderPeople(ctx: Ctx, reply: FastifyReply, query: z.infer<typeof peopleQuery>, form?: { errors: FieldErrors; values: Record<string, string> }) {
  const tenant = ctx.tenant();
  const sort: SortState = { col: query.sort ?? 'name', dir: query.dir ?? 'asc' };
  const [staff, settlements] = await Promise.all([listStaff(tenant), listSettlements(tenant)]);
  const page = h(PeoplePage, {
    ctx,
    staff: sortStaff(staff, sort, ctx.locale),
    settlements,
    canManage: canManageRoles(ctx),
    sort,
    query,
    form: form ? { t: ctx.t, ...form } : undefined,
  });
  return sendPage(reply, page, form ? 400 : 200);
}

async function renderPerson(ctx: Ctx, reply: FastifyReply, member: StaffMember, query: Record<string, unknown>, form?: { errors: FieldErrors; values: Record<string, string> }, status = 200) {
  const settlements = await listSettlements(ctx.tenant());
  return sendPage(
    reply,
    h(PersonPage, { ctx, member, settlements, canManage: canManageRoles(ctx), query, form: form ? { t: ctx.t, ...form } : undefined }),
    status,
  );
}

export const backofficeRoutes = [
  route({
    method: 'GET',
    url: '/:slug/staff',
    access: 'staff:dashboard.view',
    kind: 'page',
    schema: { params: staffParams },
    handler: async (req, reply) => {
      const weekAgo = new Date(Date.now() - 7 * 86400_000).toISOString();
      const [counts, dashboard] = await Promise.all([dashboardCounts(req.ctx.tenant(), req.ctx.db, weekAgo), loadDashboard(req.ctx)]);
      return sendPage(reply, h(DashboardPage, { ctx: req.ctx, counts, dashboard }));
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/people',
    access: 'staff:roles.view',
    kind: 'page',
    schema: { params: staffParams, querystring: peopleQuery },
    handler: async (req, reply) => renderPeople(req.ctx, reply, req.query),
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/people',
    access: 'staff:roles.manage',
    kind: 'form',
    schema: { params: staffParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const parsed = parseForm(addStaffForm, req.body);
      if (!parsed.ok) return renderPeople(ctx, reply, {}, parsed);
      try {
        const userId = await addStaffMember(ctx.tenant(), staffActor(ctx), parsed.data);
        return reply.redirect(`/${req.params.slug}/staff/people/${userId}?done=added`, 303);
      } catch (err) {
        return renderPeople(ctx, reply, {}, { errors: fieldErrorsOf(err), values: valuesOf(req.body) });
      }
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/people/:userId',
    access: 'staff:roles.view',
    kind: 'page',
    idParams: { userId: 'users' },
    schema: { params: personParams, querystring: peopleQuery },
    handler: async (req, reply) => {
      const member = await findStaffMember(req.ctx.tenant(), req.params.userId);
      if (!member) throw notFound();
      return renderPerson(req.ctx, reply, member, req.query);
    },
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/people/:userId/roles',
    access: 'staff:roles.manage',
    kind: 'form',
    idParams: { userId: 'users' },
    schema: { params: personParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const { slug, userId } = req.params;
      const parsed = parseForm(grantRoleForm, req.body);
      let errors: FieldErrors;
      if (parsed.ok) {
        try {
          await grantRole(ctx.tenant(), staffActor(ctx), userId, parsed.data);
          return reply.redirect(`/${slug}/staff/people/${userId}?done=granted`, 303);
        } catch (err) {
          errors = fieldErrorsOf(err);
        }
      } else {
        errors = parsed.errors;
      }
      // Someone who does not work here is "not found", whatever the form said.
      const member = await findStaffMember(ctx.tenant(), userId);
      if (!member) throw notFound();
      return renderPerson(ctx, reply, member, {}, { errors, values: valuesOf(req.body) }, 400);
    },
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/people/:userId/roles/:assignmentId/delete',
    access: 'staff:roles.manage',
    kind: 'form',
    idParams: { userId: 'users', assignmentId: 'role_assignments' },
    schema: { params: assignmentParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const { slug, userId, assignmentId } = req.params;
      try {
        await revokeRole(ctx.tenant(), staffActor(ctx), userId, assignmentId);
      } catch (err) {
        const errors = fieldErrorsOf(err);
        const member = await findStaffMember(ctx.tenant(), userId);
        if (!member) throw notFound();
        return renderPerson(ctx, reply, member, {}, { errors, values: {} }, 409);
      }
      const stillStaff = await findStaffMember(ctx.tenant(), userId);
      return reply.redirect(stillStaff ? `/${slug}/staff/people/${userId}?done=revoked` : `/${slug}/staff/people?done=revoked`, 303);
    },
  }),
];

function valuesOf(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
  }
  return out;
}
