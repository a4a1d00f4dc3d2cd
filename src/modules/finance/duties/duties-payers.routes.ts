// The register of duty and fee payers (/:slug/staff/finance/duties/payers…). Resident
// payers' names are personal data: every list that shows them is audited per person.
import { h } from 'preact';
import type { FastifyReply } from 'fastify';
import { route, slugParams } from '../../../platform/http/route.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import type { FormState } from '../../../platform/ui/components.tsx';
import { auditResidentsShown } from '../../registry/index.ts';
import { newPayerQuery, payerForm, payerParams, payersQuery } from './duties.schemas.ts';
import { findPayers, type PayerHit } from './duties-find.ts';
import { listKinds } from './duties.catalogue.ts';
import { findPayer, listPayers, PAYER_PAGE_SIZE, savePayer } from './duties.payers.ts';
import { PayerFormPage, PayersPage } from './duties-payers.views.tsx';
import { can, postedValues, refusedForm } from './duties.http.ts';

const EDIT = 'staff:finance.duties_edit';

async function kindMap(ctx: Ctx) {
  return new Map((await listKinds(ctx.db)).map((k) => [k.id, k]));
}

async function renderPayerForm(ctx: Ctx, reply: FastifyReply, id: number | null, form: FormState, find?: { q: string; hits: PayerHit[] }) {
  // This year's and next year's rates: a payer is registered on a rate in force.
  const year = Number(todayInYerevan().slice(0, 4));
  const rates = await ctx.tenant().selectFrom('fin_duty_rates').selectAll().where('year', 'in', [year - 1, year, year + 1]).orderBy('year', 'desc').orderBy('kind_id').execute();
  return sendPage(reply, h(PayerFormPage, { ctx, id, form, rates, kinds: await kindMap(ctx), find }), form.errors && Object.keys(form.errors).length ? 400 : 200);
}

async function savePayerForm(ctx: Ctx, reply: FastifyReply, id: number | null, body: unknown) {
  if (id !== null && !(await findPayer(ctx.tenant(), id))) throw notFound();
  const parsed = parseForm(payerForm, body);
  if (!parsed.ok) return renderPayerForm(ctx, reply, id, { t: ctx.t, errors: parsed.errors, values: parsed.values });
  try {
    await savePayer(ctx.tenant(), ctx.auditActor(), id, parsed.data);
  } catch (err) {
    return renderPayerForm(ctx, reply, id, refusedForm(ctx, err, postedValues(body)));
  }
  return reply.redirect(`/${ctx.requireCommunity().slug}/staff/finance/duties/payers?done=saved`, 303);
}

export const dutyPayerRoutes = [
  route({
    method: 'GET',
    url: '/:slug/staff/finance/duties/payers',
    access: 'staff:finance.duties_view',
    kind: 'page',
    schema: { params: slugParams, querystring: payersQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const page = req.query.page ?? 1;
      const { rows, total } = await listPayers(ctx.tenant(), req.query.q || undefined, page);
      await auditResidentsShown(ctx.tenant(), ctx.auditActor(), 'list', rows.map((p) => ({ residentId: p.resident_id })));
      return sendPage(reply, h(PayersPage, {
        ctx, rows, total, page, pages: Math.max(1, Math.ceil(total / PAYER_PAGE_SIZE)), q: req.query.q || undefined,
        kinds: await kindMap(ctx), canEdit: can(ctx, 'finance.duties_edit'), saved: req.query.done === 'saved',
      }));
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/finance/duties/payers/new',
    access: EDIT,
    kind: 'page',
    schema: { params: slugParams, querystring: newPayerQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const find = req.query.find ? { q: req.query.find, hits: await findPayers(ctx, req.query.find) } : undefined;
      return renderPayerForm(ctx, reply, null, { t: ctx.t, values: { starts_on: todayInYerevan(), payer_ref: req.query.ref ?? '' } }, find);
    },
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/finance/duties/payers',
    access: EDIT,
    kind: 'form',
    schema: { params: slugParams },
    handler: async (req, reply) => savePayerForm(req.ctx, reply, null, req.body),
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/finance/duties/payers/:payerId/edit',
    access: EDIT,
    kind: 'page',
    idParams: { payerId: 'fin_duty_payers' },
    schema: { params: payerParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const p = await findPayer(ctx.tenant(), req.params.payerId);
      if (!p) throw notFound();
      const tenant = ctx.tenant();
      // The form asks for the identifier again, as it was given: the PSN or the tax ID.
      const ref = p.resident_id !== null
        ? (await tenant.selectFrom('residents').select('public_service_number as ref').where('id', '=', p.resident_id).executeTakeFirst())?.ref
        : (await tenant.selectFrom('organizations').select('tax_id as ref').where('id', '=', p.organization_id!).executeTakeFirst())?.ref;
      await auditResidentsShown(tenant, ctx.auditActor(), 'page', [{ residentId: p.resident_id, objectId: p.id }]);
      const rate = await tenant.selectFrom('fin_duty_rates').select('id').where('kind_id', '=', p.kind_id).where('variant', '=', p.variant).orderBy('year', 'desc').executeTakeFirst();
      const values = {
        rate_id: rate ? String(rate.id) : '', payer_ref: ref ?? '', quantity: p.quantity ?? '', area_m2: p.area_m2 ?? '', place: p.place,
        starts_on: p.starts_on, ends_on: p.ends_on ?? '',
      };
      return renderPayerForm(ctx, reply, p.id, { t: ctx.t, values });
    },
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/finance/duties/payers/:payerId',
    access: EDIT,
    kind: 'form',
    idParams: { payerId: 'fin_duty_payers' },
    schema: { params: payerParams },
    handler: async (req, reply) => savePayerForm(req.ctx, reply, req.params.payerId, req.body),
  }),
];
