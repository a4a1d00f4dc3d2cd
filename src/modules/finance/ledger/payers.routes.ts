// The ledger's staff pages under /:slug/staff/finance: the payer search, a payer's page
// (residents and organizations, one family of routes each), the statement on screen and as
// PDF, and the correction forms, which post back to the payer's page.
import { h } from 'preact';
import type { FastifyReply } from 'fastify';
import { route, slugParams, type RouteDef } from '../../../platform/http/route.ts';
import { AppError, type FieldErrors } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { auditResidentsShown } from '../../registry/index.ts';
import type { PayerRef } from './ledger.table.ts';
import { organizationPayerParams, payerPageQuery, payerSearchQuery, refundForm, reliefForm, residentPayerParams, reverseForm, statementQuery, transferForm } from './payers.schemas.ts';
import { searchPayers } from './payers.queries.ts';
import { auditPayerRead, defaultPeriod, payerRefund, payerRelief, payerReverse, payerTransfer, readPayerPage, requirePayer } from './payers.service.ts';
import { PayerPageView, PayerSearchPage } from './payers.views.tsx';
import { StatementPage } from './statement-page.views.tsx';
import type { CorrectionForm, CorrectionState } from './payer-forms.views.tsx';
import { statement } from './statement.ts';
import { renderStatementPdf } from './statement.pdf.ts';
import { payerPath } from './ledger.display.ts';

const can = (ctx: Ctx, permission: string) => ctx.services.permissions.communityPermissions(ctx.actor?.communityRoles ?? []).has(permission);

function allowedForms(ctx: Ctx): CorrectionForm[] {
  const out: CorrectionForm[] = [];
  if (can(ctx, 'finance.ledger_relief')) out.push('relief');
  if (can(ctx, 'finance.ledger_adjust')) out.push('write_off', 'refund', 'transfer', 'reverse');
  return out;
}

async function renderPayer(ctx: Ctx, reply: FastifyReply, payer: PayerRef, query: { from?: string; to?: string; done?: CorrectionForm }, failed?: { which: CorrectionForm; errors: FieldErrors; body: unknown }) {
  const period = defaultPeriod(query.from, query.to);
  const page = await readPayerPage(ctx.tenant(), ctx.auditActor(), payer, period);
  const values: Record<string, string> = {};
  if (failed) for (const [k, v] of Object.entries((failed.body ?? {}) as Record<string, unknown>)) if (typeof v === 'string' && k !== '_csrf') values[k] = v;
  const corrections: CorrectionState = { failed: failed?.which ?? null, errors: failed?.errors, values, allowed: allowedForms(ctx) };
  return sendPage(reply, h(PayerPageView, { ctx, page, period, corrections, done: query.done }), failed ? 400 : 200);
}

/** Field errors of a refused correction, to show on its form; anything else propagates. */
function fieldErrorsOf(err: unknown): FieldErrors {
  if (err instanceof AppError && (err.status === 400 || err.status === 409) && Object.keys(err.fields).length) return err.fields;
  throw err;
}

type Kind = { kind: 'resident'; url: string; params: typeof residentPayerParams; id: 'residentId'; table: 'residents' }
  | { kind: 'organization'; url: string; params: typeof organizationPayerParams; id: 'organizationId'; table: 'organizations' };

const KINDS: Kind[] = [
  { kind: 'resident', url: '/:slug/staff/finance/payers/residents/:residentId', params: residentPayerParams, id: 'residentId', table: 'residents' },
  { kind: 'organization', url: '/:slug/staff/finance/payers/organizations/:organizationId', params: organizationPayerParams, id: 'organizationId', table: 'organizations' },
];

function payerOf(k: Kind, params: Record<string, unknown>): PayerRef {
  const id = params[k.id] as number;
  return k.kind === 'resident' ? { kind: 'resident', residentId: id } : { kind: 'organization', organizationId: id };
}

type Action = { which: CorrectionForm; path: string; access: 'staff:finance.ledger_relief' | 'staff:finance.ledger_adjust'; run: (ctx: Ctx, payer: PayerRef, body: unknown) => Promise<FieldErrors | null> };

const meta = (ctx: Ctx) => ({ on: todayInYerevan(), actor: ctx.auditActor() });
async function attempt(fn: () => Promise<unknown>): Promise<FieldErrors | null> {
  try {
    await fn();
    return null;
  } catch (err) {
    return fieldErrorsOf(err);
  }
}

const ACTIONS: Action[] = [
  ...(['relief', 'write_off'] as const).map((which): Action => ({
    which, path: which === 'relief' ? 'relief' : 'write-off', access: which === 'relief' ? 'staff:finance.ledger_relief' : 'staff:finance.ledger_adjust',
    run: async (ctx, payer, body) => {
      const p = parseForm(reliefForm, body);
      return p.ok ? attempt(() => payerRelief(ctx.tenant(), payer, which, p.data, meta(ctx))) : p.errors;
    },
  })),
  {
    which: 'refund', path: 'refund', access: 'staff:finance.ledger_adjust',
    run: async (ctx, payer, body) => {
      const p = parseForm(refundForm, body);
      return p.ok ? attempt(() => payerRefund(ctx.tenant(), payer, p.data, meta(ctx))) : p.errors;
    },
  },
  {
    which: 'transfer', path: 'transfer', access: 'staff:finance.ledger_adjust',
    run: async (ctx, payer, body) => {
      const p = parseForm(transferForm, body);
      return p.ok ? attempt(() => payerTransfer(ctx.tenant(), payer, p.data, meta(ctx))) : p.errors;
    },
  },
  {
    which: 'reverse', path: 'reverse', access: 'staff:finance.ledger_adjust',
    run: async (ctx, payer, body) => {
      const p = parseForm(reverseForm, body);
      return p.ok ? attempt(() => payerReverse(ctx.tenant(), payer, p.data, meta(ctx))) : p.errors;
    },
  },
];

/** The statement of the period asked for; null when the period ends before it starts. */
async function statementOf(ctx: Ctx, payer: PayerRef, query: { from: string; to: string }) {
  const tdb = ctx.tenant();
  const identity = await requirePayer(tdb, payer);
  const { from, to } = query;
  const st = from <= to ? await statement(tdb, payer, from, to) : null;
  return { ctx, payer, tdb, identity, st, from, to };
}

function payerRoutes(k: Kind): RouteDef[] {
  const idParams = { [k.id]: k.table };
  return [
    route({
      method: 'GET', url: k.url, access: 'staff:finance.ledger_view', kind: 'page', idParams,
      schema: { params: k.params, querystring: payerPageQuery },
      handler: async (req, reply) => renderPayer(req.ctx, reply, payerOf(k, req.params), req.query),
    }),
    route({
      method: 'GET', url: `${k.url}/statement`, access: 'staff:finance.ledger_view', kind: 'page', idParams,
      schema: { params: k.params, querystring: statementQuery },
      handler: async (req, reply) => {
        const { ctx, payer, tdb, identity, st, from, to } = await statementOf(req.ctx, payerOf(k, req.params), req.query);
        if (st) await auditPayerRead(tdb, ctx.auditActor(), payer, 'finance.payer.view', { from, to });
        return sendPage(reply, h(StatementPage, { ctx, identity, st, from, to }), st ? 200 : 400);
      },
    }),
    route({
      method: 'GET', url: `${k.url}/statement.pdf`, access: 'staff:finance.ledger_view', kind: 'page', idParams,
      schema: { params: k.params, querystring: statementQuery },
      handler: async (req, reply) => {
        const { ctx, payer, tdb, identity, st, from, to } = await statementOf(req.ctx, payerOf(k, req.params), req.query);
        if (!st) throw new AppError(400, 'validation', 'finance.ledger.error.period', { from: 'finance.ledger.error.period' });
        const community = ctx.requireCommunity();
        const pdf = await renderStatementPdf({
          community, locale: req.query.lang ?? ctx.locale, identity, st, issuedOn: todayInYerevan(),
          url: `${ctx.services.config.publicUrl}${payerPath(community.slug, payer)}/statement?from=${from}&to=${to}`,
          issuer: { name: ctx.actor?.name ?? '', position: ctx.t('finance.ledger.statement.issuer') },
        });
        await auditPayerRead(tdb, ctx.auditActor(), payer, 'finance.statement.download', { from, to });
        return reply.type('application/pdf')
          .header('content-disposition', `attachment; filename="statement-${from}-${to}.pdf"`)
          .header('cache-control', 'private, no-store')
          .send(pdf);
      },
    }),
    ...ACTIONS.map((a) => route({
      method: 'POST', url: `${k.url}/${a.path}`, access: a.access, kind: 'form', idParams,
      schema: { params: k.params },
      handler: async (req, reply) => {
        const payer = payerOf(k, req.params);
        await requirePayer(req.ctx.tenant(), payer);
        const errors = await a.run(req.ctx, payer, req.body);
        if (errors) return renderPayer(req.ctx, reply, payer, {}, { which: a.which, errors, body: req.body });
        return reply.redirect(`${payerPath(req.ctx.requireCommunity().slug, payer)}?done=${a.which}`, 303);
      },
    })),
  ];
}

export const payersRoutes: RouteDef[] = [
  route({
    method: 'GET', url: '/:slug/staff/finance/payers', access: 'staff:finance.ledger_view', kind: 'page',
    schema: { params: slugParams, querystring: payerSearchQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const q = req.query.q?.trim() ?? '';
      const hits = q ? await searchPayers(ctx.tenant(), q, 50) : null;
      if (hits) {
        const shown = hits.flatMap((hit) => (hit.payer.kind === 'resident' ? [{ residentId: hit.payer.residentId }] : []));
        await auditResidentsShown(ctx.tenant(), ctx.auditActor(), 'search', shown);
      }
      return sendPage(reply, h(PayerSearchPage, { ctx, q, hits }));
    },
  }),
  ...KINDS.flatMap(payerRoutes),
];
