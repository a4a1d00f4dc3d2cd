// Paying a service case's fee online: the applicant chooses how, and pays the case's
// service_fee obligation (source_key 'case:<id>'); afterwards they are back on the case page.
import { h } from 'preact';
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { route, slugParams, type RouteDef } from '../../../platform/http/route.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { AppError, notFound, type FieldErrors } from '../../../platform/http/errors.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { formatAmd, todayInYerevan } from '../../../platform/i18n/index.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { Layout } from '../../../platform/ui/layout.tsx';
import { Button, ButtonLink, CsrfField, ErrorSummary, Select, type FormState } from '../../../platform/ui/components.tsx';
import { PROVIDER_NAMES, type ProviderName } from './payments.table.ts';
import { obligationBalances, payerIdentity, type ObligationBalance } from './ledger-api.ts';
import { enabledProviders } from './settings.ts';
import { PROVIDER_LABEL, startOnlinePayment } from './intents.service.ts';
import { caseSourceKey } from './case-payments.ts';
import { userIdOf } from './http.ts';
import { toProvider } from './redirect.views.tsx';

const caseParams = slugParams.extend({ caseId: z.coerce.number().int().positive() });
const payForm = z.object({ provider: z.enum(PROVIDER_NAMES, { error: 'finance.pay.error.noProvider' }) });

interface CaseFee {
  caseId: number;
  regNumber: string | null;
  obligation: ObligationBalance | null;
}

/** The applicant's own case and its fee obligation as of today (404 for anyone else's). */
async function caseFee(ctx: Ctx, caseId: number): Promise<CaseFee> {
  const tdb = ctx.tenant();
  const c = await tdb.selectFrom('cases').select(['id', 'reg_number', 'applicant_user_id']).where('id', '=', caseId).executeTakeFirst();
  if (!c || c.applicant_user_id !== userIdOf(ctx)) throw notFound();
  const ob = await tdb.selectFrom('fin_obligations').select('id').where('source_key', '=', caseSourceKey(caseId)).where('status', '=', 'active').executeTakeFirst();
  const [balance] = ob ? await obligationBalances(tdb, { obligationIds: [ob.id] }, todayInYerevan()) : [];
  return { caseId, regNumber: c.reg_number, obligation: balance ?? null };
}

function CasePayPage({ ctx, fee, providers, form }: { ctx: Ctx; fee: CaseFee; providers: ProviderName[]; form: FormState }) {
  const { t } = ctx;
  const title = t('finance.pay.case.title');
  const back = `/${ctx.requireCommunity().slug}/cases/${fee.caseId}`;
  const due = fee.obligation && fee.obligation.due > 0 ? fee.obligation.due : 0;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}{fee.regNumber ? ` — ${fee.regNumber}` : ''}</h1>
      {due === 0 && <p>{t('finance.pay.case.none')}</p>}
      {due > 0 && <p><strong>{t('finance.pay.case.amount', { amount: formatAmd(due) })}</strong></p>}
      {due > 0 && providers.length === 0 && <p>{t('finance.myTaxes.noOnline')}</p>}
      {due > 0 && providers.length > 0 && (
        <form method="post" class="form" novalidate>
          <ErrorSummary form={form} labels={{ provider: t('finance.myTaxes.provider') }} />
          <CsrfField token={ctx.csrfToken} />
          <Select form={form} name="provider" label={t('finance.myTaxes.provider')} options={providers.map((p) => ({ value: p, label: PROVIDER_LABEL[p] }))} />
          <Button>{t('finance.myTaxes.pay')}</Button>
        </form>
      )}
      <p><ButtonLink href={back}>{t('finance.pay.result.back')}</ButtonLink></p>
    </Layout>
  );
}

async function render(ctx: Ctx, reply: FastifyReply, fee: CaseFee, errors: FieldErrors = {}, status = 200) {
  const providers = await enabledProviders(ctx.tenant());
  return sendPage(reply, h(CasePayPage, { ctx, fee, providers, form: { t: ctx.t, errors, values: {} } }), status);
}

export const casePayRoutes: RouteDef[] = [
  route({
    method: 'GET',
    url: '/:slug/payments/case/:caseId',
    access: 'citizen',
    kind: 'page',
    idParams: { caseId: 'cases' },
    schema: { params: caseParams },
    handler: async (req, reply) => render(req.ctx, reply, await caseFee(req.ctx, req.params.caseId)),
  }),
  route({
    method: 'POST',
    url: '/:slug/payments/case/:caseId',
    access: 'citizen',
    kind: 'form',
    idParams: { caseId: 'cases' },
    schema: { params: caseParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const fee = await caseFee(ctx, req.params.caseId);
      const parsed = parseForm(payForm, req.body);
      if (!parsed.ok) return render(ctx, reply, fee, parsed.errors, 400);
      if (!fee.obligation || fee.obligation.due <= 0) return render(ctx, reply, fee, { provider: 'finance.pay.case.none' }, 409);
      const community = ctx.requireCommunity();
      const who = await payerIdentity(ctx.tenant(), fee.obligation.payer);
      try {
        const started = await startOnlinePayment(ctx.services, ctx.tenant(), community, {
          provider: parsed.data.provider, payer: fee.obligation.payer, payerName: who?.name ?? ctx.actor?.name ?? '', obligationIds: [fee.obligation.id],
          returnPath: `/${community.slug}/cases/${fee.caseId}`, description: `${fee.obligation.subjectLabel}`, locale: ctx.locale, actor: ctx.auditActor(),
        });
        return toProvider(ctx, reply, started.redirect, fee.obligation.due, parsed.data.provider);
      } catch (error) {
        if (error instanceof AppError && error.status === 400) return render(ctx, reply, fee, error.fields, 400);
        throw error;
      }
    },
  }),
];
