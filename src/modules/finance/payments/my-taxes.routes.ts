// "My taxes": the page across communities, paying chosen obligations online, the
// statement and the receipts. Each route answers only for the person's own payers.
import { h } from 'preact';
import { z } from 'zod';
import { route, slugParams, type RouteDef } from '../../../platform/http/route.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { localized, type MessageKey } from '../../../platform/i18n/index.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { PROVIDER_NAMES } from './payments.table.ts';
import { myTaxes } from './my-taxes.data.ts';
import { MyTaxesPage } from './my-taxes.views.tsx';
import { myPayerHere, myPayers, type MyPayer } from './my-payers.ts';
import { startOnlinePayment } from './intents.service.ts';
import { issueStatement } from './statement.ts';
import { receiptFile } from './receipts.ts';
import { listOf, sendPdf, textValues, userIdOf } from './http.ts';
import { toProvider } from './redirect.views.tsx';
import { samePayer } from '../ledger/payer.ts';
import { payerOfRow } from './ledger-api.ts';

const payForm = z.object({
  payer: z.string().regex(/^[ro]\d{1,15}$/, 'field.required'),
  obligations: z.array(z.coerce.number().int().positive()).min(1, 'finance.pay.error.chooseOne').max(200),
  provider: z.enum(PROVIDER_NAMES, { error: 'finance.pay.error.noProvider' }),
});
const statementQuery = z.object({ payer: z.string().regex(/^[ro]\d{1,15}$/) });
const receiptParams = slugParams.extend({ paymentId: z.coerce.number().int().positive() });

async function mine(ctx: Ctx, key: string): Promise<MyPayer> {
  const who = await myPayerHere(ctx.db, userIdOf(ctx), ctx.requireCommunity().id, key);
  if (!who) throw notFound();
  return who;
}

async function renderMyTaxes(ctx: Ctx, reply: Parameters<RouteDef['handler']>[1], failed?: Parameters<typeof MyTaxesPage>[0]['failed']) {
  const data = await myTaxes(ctx.db, userIdOf(ctx));
  return sendPage(reply, h(MyTaxesPage, { ctx, ...data, ...(failed ? { failed } : {}) }), failed ? 400 : 200);
}

export const myTaxesRoutes: RouteDef[] = [
  route({
    method: 'GET',
    url: '/account/taxes',
    access: 'citizen',
    kind: 'page',
    handler: async (req, reply) => renderMyTaxes(req.ctx, reply),
  }),
  route({
    method: 'POST',
    url: '/:slug/taxes/pay',
    access: 'citizen',
    kind: 'form',
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const body = (req.body ?? {}) as Record<string, unknown>;
      const raw = { ...body, obligations: listOf(body.obligations) };
      const slug = ctx.requireCommunity().slug;
      const failedWith = (errors: Record<string, MessageKey>) =>
        renderMyTaxes(ctx, reply, { key: `${slug}:${typeof body.payer === 'string' ? body.payer : ''}`, errors, values: textValues(body), checked: raw.obligations });
      const parsed = parseForm(payForm, raw);
      if (!parsed.ok) return failedWith(parsed.errors);
      const who = await mine(ctx, parsed.data.payer);
      const community = ctx.requireCommunity();
      try {
        const started = await startOnlinePayment(ctx.services, ctx.tenant(), community, {
          provider: parsed.data.provider, payer: who.payer, payerName: who.name, obligationIds: parsed.data.obligations,
          returnPath: '/account/taxes', description: `${localized(community, 'name', ctx.locale)}: ${who.name}`, locale: ctx.locale, actor: ctx.auditActor(),
        });
        const amount = (await ctx.tenant().selectFrom('fin_payment_intents').select('amount').where('id', '=', started.intentId).executeTakeFirstOrThrow()).amount;
        return toProvider(ctx, reply, started.redirect, amount, parsed.data.provider);
      } catch (error) {
        if (error instanceof AppError && error.status === 400) return failedWith(error.fields);
        throw error;
      }
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/taxes/statement',
    access: 'citizen',
    kind: 'page',
    schema: { params: slugParams, querystring: statementQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const who = await mine(ctx, req.query.payer);
      const file = await issueStatement(ctx.tenant(), {
        community: ctx.requireCommunity(), payer: who.payer, payerName: who.name, identifier: who.identifier, locale: ctx.locale,
        actor: ctx.auditActor(), publicUrl: ctx.services.config.publicUrl, filesDir: ctx.services.config.filesDir,
      });
      return sendPdf(reply, file.bytes, file.filename);
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/taxes/receipts/:paymentId',
    access: 'citizen',
    kind: 'page',
    idParams: { paymentId: 'fin_payments' },
    schema: { params: receiptParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const tdb = ctx.tenant();
      const payment = await tdb.selectFrom('fin_payments').select(['payer_kind', 'resident_id', 'organization_id']).where('id', '=', req.params.paymentId).executeTakeFirst();
      if (!payment || payment.payer_kind === null) throw notFound();
      const payer = payerOfRow(payment);
      const payers = await myPayers(ctx.db, userIdOf(ctx), ctx.requireCommunity().id);
      if (!payers.some((p) => samePayer(p.payer, payer))) throw notFound();
      const file = await receiptFile(tdb, ctx.services.config.filesDir, req.params.paymentId);
      if (!file) throw notFound();
      return sendPdf(reply, file.bytes, file.filename);
    },
  }),
];
