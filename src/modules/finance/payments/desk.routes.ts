// Staff routes: cash at the desk (finance.cash) and the payment connections (finance.payment_settings).
import crypto from 'node:crypto';
import { h } from 'preact';
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { route, slugParams, type RouteDef } from '../../../platform/http/route.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { notFound, type FieldErrors } from '../../../platform/http/errors.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { payerBalance, parsePayerKey, payerIdentity } from './ledger-api.ts';
import type { PayerIdentity } from '../ledger/payer.ts';
import { auditPayerShown, findPayer, takeCash } from './cash.service.ts';
import { CashDonePage, CashPage, SettingsPage } from './desk.views.tsx';
import { listConnections, saveConnection } from './settings.ts';
import { PROVIDER_NAMES } from './payments.table.ts';
import { receiptFile } from './receipts.ts';
import { listOf, sendPdf, textValues } from './http.ts';

const cashQuery = z.object({ q: z.string().trim().max(20).optional() });
const cashForm = z.object({
  payer: z.string().regex(/^[ro]\d{1,15}$/),
  formKey: z.string().regex(/^[0-9a-f]{32}$/),
  obligations: z.array(z.coerce.number().int().positive()).max(500),
  amount: z.string().trim().regex(/^\d{1,10}$/, 'finance.cash.error.amount').transform(Number).refine((n) => n > 0, 'finance.cash.error.amount'),
});
const paymentParams = slugParams.extend({ paymentId: z.coerce.number().int().positive() });
const providerParams = slugParams.extend({ provider: z.enum(PROVIDER_NAMES) });
const settingsQuery = z.object({ saved: z.literal('1').optional() });
const connectionForm = z.object({
  merchantId: z.string().trim().min(1, 'field.required').max(60),
  username: z.string().trim().max(60).optional().transform((v) => v || null),
  secret: z.string().max(200).optional().transform((v) => v ?? ''),
  gatewayUrl: z.string().trim().max(300).refine((v) => /^https?:\/\/[^\s/]+/.test(v) || v === 'standin:', 'finance.settings.error.url'),
  enabled: z.literal('1').optional(),
});

async function renderCash(ctx: Ctx, reply: FastifyReply, who: PayerIdentity | null, q: string, opts: { errors?: FieldErrors; values?: Record<string, string>; searchError?: boolean } = {}) {
  const found = who ? { who, balance: await payerBalance(ctx.tenant(), who.payer, todayInYerevan()), formKey: crypto.randomBytes(16).toString('hex') } : null;
  if (who) await auditPayerShown(ctx.tenant(), ctx.auditActor(), who.payer);
  const form = { t: ctx.t, errors: opts.errors ?? {}, values: opts.values ?? {} };
  const failed = Object.keys(opts.errors ?? {}).length > 0 || opts.searchError;
  return sendPage(reply, h(CashPage, { ctx, q, searchError: Boolean(opts.searchError), found, form }), failed ? 400 : 200);
}

export const deskRoutes: RouteDef[] = [
  route({
    method: 'GET',
    url: '/:slug/staff/finance/cash',
    access: 'staff:finance.cash',
    kind: 'page',
    schema: { params: slugParams, querystring: cashQuery },
    handler: async (req, reply) => {
      const q = req.query.q ?? '';
      if (!q) return renderCash(req.ctx, reply, null, '');
      if (!/^(\d{8}|\d{10})$/.test(q)) return renderCash(req.ctx, reply, null, q, { searchError: true });
      return renderCash(req.ctx, reply, await findPayer(req.ctx.tenant(), q), q);
    },
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/finance/cash',
    access: 'staff:finance.cash',
    kind: 'form',
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const body = (req.body ?? {}) as Record<string, unknown>;
      const payerRef = typeof body.payer === 'string' ? parsePayerKey(body.payer) : null;
      const who = payerRef ? await payerIdentity(ctx.tenant(), payerRef) : null;
      if (!who) throw notFound();
      const parsed = parseForm(cashForm, { ...body, obligations: listOf(body.obligations) });
      if (!parsed.ok) return renderCash(ctx, reply, who, who.identifier ?? '', { errors: parsed.errors, values: textValues(body) });
      const cashier = { name: ctx.actor?.name ?? '', position: ctx.t('finance.cash.nav') };
      const recorded = await takeCash(ctx.services, ctx.tenant(), ctx.requireCommunity(), {
        payer: who, amount: parsed.data.amount, obligationIds: parsed.data.obligations.length ? parsed.data.obligations : null,
        formKey: parsed.data.formKey, cashier, actor: ctx.auditActor(), locale: ctx.locale,
      });
      return reply.redirect(`/${ctx.requireCommunity().slug}/staff/finance/payments/${recorded.paymentId}`, 303);
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/finance/payments/:paymentId',
    access: 'staff:finance.cash',
    kind: 'page',
    idParams: { paymentId: 'fin_payments' },
    schema: { params: paymentParams },
    handler: async (req, reply) => {
      const p = await req.ctx.tenant().selectFrom('fin_payments').select(['id', 'receipt_number', 'amount', 'payer_name']).where('id', '=', req.params.paymentId).executeTakeFirst();
      if (!p) throw notFound();
      return sendPage(reply, h(CashDonePage, { ctx: req.ctx, paymentId: p.id, number: p.receipt_number, amount: p.amount, payerName: p.payer_name }));
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/finance/payments/:paymentId/receipt',
    access: 'staff:finance.cash',
    kind: 'page',
    idParams: { paymentId: 'fin_payments' },
    schema: { params: paymentParams },
    handler: async (req, reply) => {
      const file = await receiptFile(req.ctx.tenant(), req.ctx.services.config.filesDir, req.params.paymentId);
      if (!file) throw notFound();
      return sendPdf(reply, file.bytes, file.filename);
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/finance/payment-settings',
    access: 'staff:finance.payment_settings',
    kind: 'page',
    schema: { params: slugParams, querystring: settingsQuery },
    handler: async (req, reply) => sendPage(reply, h(SettingsPage, { ctx: req.ctx, connections: await listConnections(req.ctx.tenant()), saved: req.query.saved === '1' })),
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/finance/payment-settings/:provider',
    access: 'staff:finance.payment_settings',
    kind: 'form',
    schema: { params: providerParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const { provider } = req.params;
      const parsed = parseForm(connectionForm, req.body);
      const connections = await listConnections(ctx.tenant());
      const refuse = (errors: FieldErrors) =>
        sendPage(reply, h(SettingsPage, { ctx, connections, saved: false, failed: { provider, form: { t: ctx.t, errors, values: textValues(req.body) } } }), 400);
      if (!parsed.ok) return refuse(parsed.errors);
      if (!parsed.data.secret && !connections.some((c) => c.provider === provider && c.hasSecret)) return refuse({ secret: 'finance.settings.error.secret' });
      await ctx.tenant().transaction(async (scoped, raw) => {
        const change = await saveConnection(scoped, { provider, merchantId: parsed.data.merchantId, username: parsed.data.username, secret: parsed.data.secret, gatewayUrl: parsed.data.gatewayUrl, enabled: parsed.data.enabled === '1' });
        await appendAudit(raw, ctx.auditActor(), { communityId: scoped.communityId, action: 'finance.payment_settings.save', entityType: 'fin_payment_provider', entityId: provider, before: change.before, after: change.after });
      });
      return reply.redirect(`/${ctx.requireCommunity().slug}/staff/finance/payment-settings?saved=1`, 303);
    },
  }),
];
