// The online payment's routes: the provider's server callback (public, checked by its
// signature), the payer's way back from the provider, and paying a service case's fee.
import { h } from 'preact';
import { z } from 'zod';
import { route, slugParams, type RouteDef } from '../../../platform/http/route.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { findIntent, forProvider, GATEWAYS, settleIntent, type IntentRow } from './intents.service.ts';
import { handleCallback } from './callbacks.ts';
import { connectionSettings } from './settings.ts';
import { PROVIDER_NAMES } from './payments.table.ts';
import { ResultPage } from './redirect.views.tsx';
import { userIdOf } from './http.ts';
import { casePayRoutes } from './case-pay.routes.tsx';

const providerParams = slugParams.extend({ provider: z.enum(PROVIDER_NAMES) });
const returnQuery = z.object({
  EDP_BILL_NO: z.string().max(40).optional(),
  orderId: z.string().max(100).optional(),
  lang: z.string().max(5).optional(),
  failed: z.literal('1').optional(),
});
/** A provider posts a flat form of short strings; anything else is refused before it is read. */
const callbackBody = z.record(z.string().max(40), z.string().max(500)).refine((r) => Object.keys(r).length <= 40);

async function receiptOf(ctx: Ctx, intent: IntentRow): Promise<{ number: string; href: string } | null> {
  if (intent.payment_id === null) return null;
  const r = await ctx.tenant().selectFrom('fin_receipts').select('number').where('payment_id', '=', intent.payment_id).executeTakeFirst();
  return r ? { number: r.number, href: `/${ctx.requireCommunity().slug}/taxes/receipts/${intent.payment_id}` } : null;
}

export const paymentRoutes: RouteDef[] = [
  route({
    method: 'POST',
    url: '/api/v1/communities/:slug/payments/:provider/callback',
    access: 'public',
    kind: 'api',
    // Server to server: the provider has no session and no CSRF token; the signature is the check.
    csrfExempt: true,
    rateLimit: { max: 600, timeWindow: '1 minute' },
    schema: {
      summary: 'A payment provider\'s server callback (Idram result address, vPOS notification)',
      description: 'Answers the plain text OK once the payment is recorded, also for a repeat; a bad signature or an amount other than the intent\'s is refused and nothing is recorded.',
      tags: ['finance'],
      params: providerParams,
      body: callbackBody,
    },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const answer = await handleCallback(ctx.services, ctx.tenant(), ctx.requireCommunity(), req.params.provider, req.body);
      return reply.code(200).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send(answer);
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/payments/return/:provider',
    access: 'citizen',
    kind: 'page',
    schema: { params: providerParams, querystring: returnQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const { provider } = req.params;
      const tdb = ctx.tenant();
      let intent = await findIntent(tdb, { provider, billNo: req.query.EDP_BILL_NO, providerOrderId: req.query.orderId });
      if (!intent || intent.user_id !== userIdOf(ctx)) throw notFound();
      // vPOS: the return is when the merchant asks the order's status (the browser's word proves nothing).
      if (intent.status === 'pending' && provider === 'vpos') {
        const settings = await connectionSettings(ctx.services, tdb, provider, ctx.requireCommunity().slug);
        const status = settings ? await GATEWAYS[provider].status(settings, forProvider(intent)).catch(() => null) : null;
        if (status?.state === 'paid') await settleIntent(ctx.services, tdb, ctx.requireCommunity(), intent, status.payment, 'return');
        intent = (await findIntent(tdb, { provider, billNo: intent.bill_no })) ?? intent;
      }
      return sendPage(reply, h(ResultPage, { ctx, intent, receipt: await receiptOf(ctx, intent), declined: req.query.failed === '1' }));
    },
  }),
  ...casePayRoutes,
];
