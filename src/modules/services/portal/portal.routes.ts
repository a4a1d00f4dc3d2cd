// The citizen portal: applying online (step 1 creates the draft; the draft editor saves the
// service's fields, takes uploads and submits after a review) and "my applications" across
// communities. The applicant's case page and its actions are in portal-case.routes.ts.
import { h } from 'preact';
import type { FastifyReply } from 'fastify';
import type { RouteDef } from '../../../platform/http/route.ts';
import { route, withUpload } from '../../../platform/http/route.ts';
import { ATTACHMENT_UPLOAD } from '../cases/case-attachments.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import type { FormState } from '../../../platform/ui/components.tsx';
import { sendPage } from '../../../platform/ui/render.ts';
import type { CaseRow } from '../cases/case-env.ts';
import { currentVersionOf } from '../cases/case-spec.ts';
import { startCase, saveDraft, performAction } from '../cases/cases.service.ts';
import { attachFile } from '../cases/case-attachments.ts';
import { checkForm, parseFormData } from '../cases/form-values.ts';
import { computeFee } from '../catalogue/fees.ts';
import type { ServiceSpec } from '../catalogue/spec.ts';
import { accountOf, myCases, publicAttachments } from './portal.queries.ts';
import { applyForm, caseParams, draftForm, editQuery, serviceParams, uploadForm, versionForm, type Step } from './portal.schemas.ts';
import { ApplyPage, DraftEditorPage, type PageNotice } from './portal.views.tsx';
import { MyCasesPage } from './portal-account.views.tsx';
import { errorsForInputs, postedValues, valuesAsText } from './portal-form.tsx';
import { applicantAction, doneNotice, loadMine, myCaseForm, portalEnv, refusalOf, textValues, userIdOf } from './portal.http.ts';
import { caseRoutes as applicantCaseRoutes, renderCase } from './portal-case.routes.ts';

async function onlineService(ctx: Ctx, serviceId: number) {
  const service = await currentVersionOf(ctx.tenant(), serviceId);
  if (service.spec.channels === 'office') throw notFound();
  return service;
}

async function renderApply(ctx: Ctx, reply: FastifyReply, serviceId: number, form: Omit<FormState, 't'>, status: number) {
  const { spec } = await onlineService(ctx, serviceId);
  const account = await accountOf(ctx.db, userIdOf(ctx));
  return sendPage(reply, h(ApplyPage, { ctx, serviceId, spec, account, form: { t: ctx.t, ...form } }), status);
}

interface EditorOptions {
  form?: Omit<FormState, 't'>;
  problems?: Record<string, string>;
  notice?: PageNotice | undefined;
  status?: number;
}

export async function renderEditor(ctx: Ctx, reply: FastifyReply, c: CaseRow, spec: ServiceSpec, step: Step, opts: EditorOptions = {}) {
  const values = parseFormData(c.form_data);
  const attachments = await publicAttachments(ctx.tenant(), c.id);
  const form: FormState = { t: ctx.t, errors: opts.form?.errors ?? {}, values: opts.form?.values ?? valuesAsText(values) };
  const fee = computeFee(spec.fee, checkForm(spec, values, { partial: true }).values);
  const page = h(DraftEditorPage, { ctx, c, spec, step, form, attachments, fee, problems: opts.problems ?? {}, notice: opts.notice });
  return sendPage(reply, page, opts.status ?? 200);
}

/** After a refusal on a draft, the current state of the case (someone may have changed it). */
async function reloadAndRender(ctx: Ctx, reply: FastifyReply, caseId: number, step: Step, opts: EditorOptions) {
  const { c, spec } = await loadMine(ctx, caseId);
  if (c.state !== 'draft') return renderCase(ctx, reply, caseId, { notice: opts.notice, status: opts.status });
  return renderEditor(ctx, reply, c, spec, step, opts);
}

const nextStep = (spec: ServiceSpec): Step => (spec.documents.length ? 'documents' : 'review');

const portalRoutes_: RouteDef[] = [
  route({
    method: 'GET',
    url: '/:slug/services/:serviceId/apply',
    access: 'citizen',
    kind: 'page',
    idParams: { serviceId: 'service_definitions' },
    schema: { params: serviceParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const { spec } = await onlineService(ctx, req.params.serviceId);
      const account = await accountOf(ctx.db, userIdOf(ctx));
      const values = { applicant_kind: spec.applicants[0]!, name: account.full_name, email: account.email ?? '', phone: account.phone ?? '' };
      return renderApply(ctx, reply, req.params.serviceId, { values }, 200);
    },
  }),
  route({
    method: 'POST',
    url: '/:slug/services/:serviceId/apply',
    access: 'citizen',
    kind: 'form',
    idParams: { serviceId: 'service_definitions' },
    schema: { params: serviceParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const serviceId = req.params.serviceId;
      await onlineService(ctx, serviceId);
      const account = await accountOf(ctx.db, userIdOf(ctx));
      const body = { ...(req.body && typeof req.body === 'object' ? req.body : {}) } as Record<string, unknown>;
      // A verified PSN is the account's; the form does not offer to change it.
      if (account.verified_psn) body.psn = account.verified_psn;
      const parsed = parseForm(applyForm, body);
      if (!parsed.ok) return renderApply(ctx, reply, serviceId, { errors: parsed.errors, values: textValues(req.body) }, 400);
      const a = parsed.data;
      try {
        const started = await startCase(portalEnv(ctx), {
          serviceId,
          channel: 'online',
          applicant: {
            kind: a.applicant_kind, psn: a.psn ?? null, taxId: a.applicant_kind === 'organization' ? a.tax_id ?? null : null,
            name: a.applicant_kind === 'organization' ? a.org_name! : a.name, email: a.email ?? null, phone: a.phone ?? null,
            locale: ctx.locale, userId: userIdOf(ctx),
          },
          formData: {},
          settlementId: null,
        });
        return reply.redirect(`/${req.params.slug}/cases/${started.caseId}/edit?step=details`, 303);
      } catch (err) {
        const r = refusalOf(ctx, err);
        const errors = r.kind === 'fields' ? r.fields : { _form: 'services.portal.error.notNow' };
        return renderApply(ctx, reply, serviceId, { errors: errors as FormState['errors'], values: textValues(req.body) }, 400);
      }
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/cases/:caseId/edit',
    access: 'citizen',
    kind: 'page',
    idParams: { caseId: 'cases' },
    schema: { params: caseParams, querystring: editQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const { c, spec } = await loadMine(ctx, req.params.caseId);
      if (c.state !== 'draft') return reply.redirect(`/${req.params.slug}/cases/${c.id}`, 303);
      return renderEditor(ctx, reply, c, spec, req.query.step ?? 'details', { notice: doneNotice(ctx, req.query.done) });
    },
  }),
  myCaseForm('/:slug/cases/:caseId/draft', async (ctx, { c, spec }, body, reply) => {
    const parsed = parseForm(draftForm, body);
    if (!parsed.ok) return reloadAndRender(ctx, reply, c.id, 'details', { form: { errors: parsed.errors, values: textValues(body) }, status: 400 });
    try {
      await saveDraft(portalEnv(ctx), c.id, parsed.data.version, postedValues(spec, body));
    } catch (err) {
      const r = refusalOf(ctx, err);
      if (r.kind === 'conflict') return reloadAndRender(ctx, reply, c.id, 'details', { notice: r.notice, status: 409 });
      const form = { errors: errorsForInputs(spec, r.fields) as FormState['errors'], values: textValues(body) };
      return renderEditor(ctx, reply, c, spec, 'details', { form, status: 400 });
    }
    const next = parsed.data.go === 'continue' ? `step=${nextStep(spec)}` : 'step=details&done=saved';
    return reply.redirect(`/${ctx.requireCommunity().slug}/cases/${c.id}/edit?${next}`, 303);
  }),
  withUpload(myCaseForm('/:slug/cases/:caseId/attachments', async (ctx, { c, spec }, posted, reply) => {
    const body = (posted ?? {}) as Record<string, unknown>;
    const rawKey = typeof body.document_key === 'string' ? body.document_key : '';
    const slot = `document_${spec.documents.some((d) => d.key === rawKey) ? rawKey : 'other'}`;
    const refuse = async (errors: Record<string, string>, status: number, notice?: PageNotice) => {
      const form = { errors: errors as FormState['errors'] };
      if (c.state === 'draft') return renderEditor(ctx, reply, c, spec, 'documents', { form, status, notice });
      return renderCase(ctx, reply, c.id, { form, status, notice });
    };
    const parsed = parseForm(uploadForm, posted);
    if (!parsed.ok) return refuse({ [slot]: parsed.errors.file ?? parsed.errors.document_key ?? 'field.invalid' }, 400);
    try {
      await attachFile(portalEnv(ctx), c.id, { documentKey: parsed.data.document_key ?? null, filename: parsed.data.file.filename, bytes: parsed.data.file.data });
    } catch (err) {
      const r = refusalOf(ctx, err);
      if (r.kind === 'conflict') return refuse({}, 409, r.notice);
      return refuse({ [slot]: Object.values(r.fields)[0]! }, 400);
    }
    const caseUrl = `/${ctx.requireCommunity().slug}/cases/${c.id}`;
    return reply.redirect(c.state === 'draft' ? `${caseUrl}/edit?step=documents&done=uploaded` : `${caseUrl}?done=uploaded`, 303);
  }), ATTACHMENT_UPLOAD),
  myCaseForm('/:slug/cases/:caseId/submit', async (ctx, { c, spec }, body, reply) => {
    const parsed = parseForm(versionForm, body);
    if (!parsed.ok) return reloadAndRender(ctx, reply, c.id, 'review', { problems: parsed.errors, status: 400 });
    const action = applicantAction(ctx, spec, c, 'submit');
    if (!action) return reloadAndRender(ctx, reply, c.id, 'review', { notice: { tone: 'warning', title: ctx.t('services.portal.error.notNow') }, status: 409 });
    try {
      await performAction(portalEnv(ctx), c.id, action.key, { expectedVersion: parsed.data.version });
    } catch (err) {
      const r = refusalOf(ctx, err);
      if (r.kind === 'conflict') return reloadAndRender(ctx, reply, c.id, 'review', { notice: r.notice, status: 409 });
      return renderEditor(ctx, reply, c, spec, 'review', { problems: r.fields, status: 400 });
    }
    return reply.redirect(`/${ctx.requireCommunity().slug}/cases/${c.id}?done=submitted`, 303);
  }),
  route({
    method: 'GET',
    url: '/account/cases',
    access: 'citizen',
    kind: 'page',
    handler: async (req, reply) => sendPage(reply, h(MyCasesPage, { ctx: req.ctx, rows: await myCases(req.ctx.db, userIdOf(req.ctx)) })),
  }),
];

export const portalRoutes: RouteDef[] = [...portalRoutes_, ...applicantCaseRoutes];
