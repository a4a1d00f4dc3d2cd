// The front desk: applying on a citizen's behalf. Step one (service and PSN) is a GET
// form; step two is the service's form prefilled from the registers; filing redirects to
// the case page, where the operator attaches the scanned documents.
import { h } from 'preact';
import type { FastifyReply } from 'fastify';
import { queryKeys } from '../../../platform/http/strict-query.ts';
import { route, slugParams, type RouteDef } from '../../../platform/http/route.ts';
import { AppError, type FieldErrors } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import type { FormState } from '../../../platform/ui/components.tsx';
import { caseEnv } from '../cases/case-env.ts';
import { checkForm } from '../cases/form-values.ts';
import { caseCatalogue, servicesOffered } from '../cases/cases.queries.ts';
import { actForm, caseParams, deskForm, deskNewQuery, deskQuery } from '../cases/cases.schemas.ts';
import { errorsForInputs, postedValues } from '../portal/portal-form.tsx';
import { accountByPsn, fileAtDesk, fileDraft, findTicket, organizationByTaxId, personByPsn } from './desk.service.ts';
import { DeskFormPage, DeskStartPage, type DeskLookup, type DeskService, type DeskTicket } from './desk.views.tsx';
import { postedText, refused, renderCase } from '../cases/cases.routes.ts';

const ACCESS = 'staff:services.desk';

async function offered(ctx: Ctx): Promise<DeskService[]> {
  return servicesOffered(await caseCatalogue(ctx.tenant()), 'office').map((s) => ({ id: s.id, spec: s.spec }));
}

async function ticketOf(ctx: Ctx, id: number | undefined): Promise<DeskTicket | null> {
  const t = await findTicket(ctx.tenant(), id);
  return t ? { id: t.id, label: t.label } : null;
}

async function renderStart(ctx: Ctx, reply: FastifyReply, form: Omit<FormState, 't'>, ticketId: number | undefined, status = 200) {
  const page = h(DeskStartPage, { ctx, services: await offered(ctx), form: { t: ctx.t, ...form }, ticket: await ticketOf(ctx, ticketId) });
  return sendPage(reply, page, status);
}

async function renderForm(ctx: Ctx, reply: FastifyReply, service: DeskService, form: Omit<FormState, 't'>, lookup: DeskLookup, ticketId: number | undefined, status = 200) {
  const page = h(DeskFormPage, { ctx, service, form: { t: ctx.t, ...form }, lookup, ticket: await ticketOf(ctx, ticketId) });
  return sendPage(reply, page, status);
}

/** What the registers know about the applicant, as the form's starting values. */
async function prefill(ctx: Ctx, spec: DeskService['spec'], psn: string | undefined, taxId: string | undefined) {
  const values: Record<string, string> = { applicant_locale: ctx.locale };
  const lookup: DeskLookup = {};
  if (taxId) {
    const org = await organizationByTaxId(ctx.tenant(), taxId);
    lookup.organization = org ? 'found' : 'missing';
    Object.assign(values, { applicant_kind: 'organization', applicant_tax_id: taxId, applicant_name: org?.name ?? '', applicant_email: org?.email ?? '', applicant_phone: org?.phone ?? '' });
  } else if (spec.applicants.includes('person')) {
    values.applicant_kind = 'person';
  }
  if (psn && !taxId) {
    const [person, account] = [await personByPsn(ctx, psn), await accountByPsn(ctx, psn)];
    lookup.person = person ? 'found' : 'missing';
    lookup.account = account !== null;
    Object.assign(values, {
      applicant_psn: psn, applicant_name: person?.name ?? '', applicant_email: account?.email ?? '', applicant_phone: account?.phone ?? '',
      applicant_locale: account?.locale ?? ctx.locale,
    });
  }
  return { values, lookup };
}

export const deskRoutes: RouteDef[] = [
  route({
    method: 'GET',
    url: '/:slug/staff/desk',
    access: ACCESS,
    kind: 'page',
    schema: { params: slugParams, querystring: deskQuery },
    handler: async (req, reply) => renderStart(req.ctx, reply, {}, req.query.ticket),
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/desk/new',
    access: ACCESS,
    kind: 'page',
    // The step-one fields are checked by the handler, which shows the form again with its errors.
    schema: { params: slugParams, querystring: queryKeys(['service', 'psn', 'tax_id']).extend(deskQuery.shape) },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const query = req.query as Record<string, unknown>;
      const ticketId = req.query.ticket;
      // From a queue ticket's link nothing is chosen yet: that is step one.
      if (!query.service && !query.psn && !query.tax_id) return renderStart(ctx, reply, {}, ticketId);
      const parsed = parseForm(deskNewQuery, query);
      if (!parsed.ok) return renderStart(ctx, reply, { errors: parsed.errors, values: parsed.values }, ticketId, 400);
      const { service: serviceId, psn, tax_id: taxId } = parsed.data;
      const service = (await offered(ctx)).find((s) => s.id === serviceId);
      const errors: FieldErrors = {};
      if (!service) errors.service = 'services.desk.error.service';
      else if (taxId && !service.spec.applicants.includes('organization')) errors.tax_id = 'services.cases.error.applicantKind';
      else if (psn && !taxId && !service.spec.applicants.includes('person')) errors.psn = 'services.cases.error.applicantKind';
      if (!service || Object.keys(errors).length) return renderStart(ctx, reply, { errors, values: postedText(query) }, ticketId, 400);
      const { values, lookup } = await prefill(ctx, service.spec, psn, taxId);
      return renderForm(ctx, reply, service, { values }, lookup, ticketId);
    },
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/desk/cases',
    access: ACCESS,
    kind: 'form',
    schema: { params: slugParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const body = (req.body ?? {}) as Record<string, unknown>;
      const parsed = parseForm(deskForm, body);
      const serviceId = parsed.ok ? parsed.data.service : Number(body.service);
      const service = (await offered(ctx)).find((s) => s.id === serviceId);
      const ticketId = parsed.ok ? parsed.data.ticket : deskQuery.parse({ ticket: body.ticket }).ticket;
      if (!service) return renderStart(ctx, reply, { errors: { service: 'services.desk.error.service' } }, ticketId, 400);
      const values = postedText(body);
      const fields = checkForm(service.spec, postedValues(service.spec, body));
      const errors: FieldErrors = { ...(parsed.ok ? {} : parsed.errors), ...(errorsForInputs(service.spec, fields.errors) as FieldErrors) };
      if (!parsed.ok || Object.keys(errors).length) return renderForm(ctx, reply, service, { errors, values }, {}, ticketId, 400);
      const a = parsed.data;
      const person = a.applicant_kind === 'person';
      const account = person && a.applicant_psn ? await accountByPsn(ctx, a.applicant_psn) : null;
      try {
        const r = await fileAtDesk(caseEnv(ctx), service.spec, {
          serviceId: service.id,
          channel: 'office',
          settlementId: ctx.actor?.settlementIds?.[0] ?? null,
          applicant: {
            kind: a.applicant_kind, psn: person ? (a.applicant_psn ?? null) : null, taxId: person ? null : (a.applicant_tax_id ?? null), name: a.applicant_name,
            email: a.applicant_email ?? null, phone: a.applicant_phone ?? null, locale: a.applicant_locale, userId: account?.id ?? null,
          },
          formData: fields.values,
        }, a.ticket);
        return reply.redirect(`/${ctx.requireCommunity().slug}/staff/cases/${r.caseId}?done=${r.filed ? 'filed' : 'drafted'}`, 303);
      } catch (err) {
        if (!(err instanceof AppError) || err.status !== 400) throw err;
        const refusedFields = Object.keys(err.fields).length ? errorsForInputs(service.spec, err.fields) : { _form: err.messageKey };
        return renderForm(ctx, reply, service, { errors: refusedFields as FieldErrors, values }, {}, ticketId, 400);
      }
    },
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/desk/cases/:caseId/file',
    access: ACCESS,
    kind: 'form',
    idParams: { caseId: 'cases' },
    schema: { params: caseParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const { caseId } = req.params;
      const env = caseEnv(ctx);
      const parsed = parseForm(actForm, req.body);
      if (!parsed.ok) return renderCase(ctx, reply, caseId, { status: 400, failed: { which: 'page', form: { t: ctx.t, errors: parsed.errors } } });
      try {
        await fileDraft(env, caseId, parsed.data.action, parsed.data.version);
      } catch (err) {
        return refused(ctx, reply, caseId, parsed.data.action, req.body, err, `${parsed.data.action}-`);
      }
      return reply.redirect(`/${ctx.requireCommunity().slug}/staff/cases/${caseId}?done=filed`, 303);
    },
  }),
];
