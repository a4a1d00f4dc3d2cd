// The accountant's statement pages (permission finance.statements): upload a statement,
// read an import's report, work the queue of unmatched lines, match one by hand or set it aside.
import { h } from 'preact';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { route, slugParams, withUpload, type RouteDef } from '../../../platform/http/route.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import type { FormState } from '../../../platform/ui/components.tsx';
import { auditResidentsShown } from '../../registry/index.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { Unreadable } from './read.ts';
import { importStatement } from './import.service.ts';
import { findLine, findPayer, ignoreLine, matchByHand, payerObligations, searchPayers, unmatchedQueue, LINE_COLUMNS } from './queue.service.ts';
import { idParams, ignoreForm, importQuery, lineQuery, matchForm, queueQuery, uploadForm } from './statements.schemas.ts';
import { ReportPage, UploadPage, statementsBase } from './statements.views.tsx';
import { LinePage, QueuePage, type LinePageProps } from './queue.views.tsx';

const ACCESS = 'staff:finance.statements';
const BASE = '/:slug/staff/finance/statements';
/** A statement is a few thousand lines at most; 5 MB leaves room for a year of a big community's. */
const MAX_STATEMENT_BYTES = 5 * 1024 * 1024;

async function renderUpload(ctx: Ctx, reply: FastifyReply, form: Omit<FormState, 't'> = {}, problem?: string, status = 400) {
  const tdb = ctx.tenant();
  const imports = await tdb.selectFrom('fin_stmt_imports').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(20).execute();
  const { total } = await unmatchedQueue(tdb, 1);
  return sendPage(reply, h(UploadPage, { ctx, form: { t: ctx.t, ...form }, problem, imports, waiting: total }), status);
}

/** The line's page with what the query asks for: a payer search, a chosen payer's obligations. */
type LineQuery = z.infer<typeof lineQuery>;

async function linePage(ctx: Ctx, reply: FastifyReply, id: number, query: LineQuery, extra: Partial<LinePageProps> = {}, status = 200) {
  const tdb = ctx.tenant();
  const line = await findLine(tdb, id);
  if (!line) throw notFound();
  const props: LinePageProps = { ctx, line, q: query.q, done: query.done, ...extra };
  if (line.status === 'unmatched') {
    if (query.q) props.hits = await searchPayers(tdb, ctx.auditActor(), query.q);
    if (query.payer) {
      const payer = await findPayer(tdb, query.payer.kind, query.payer.id);
      if (!payer) throw notFound();
      if (payer.kind === 'resident') await auditResidentsShown(tdb, ctx.auditActor(), 'search', [{ residentId: payer.id }]);
      props.payer = payer;
      props.obligations = await payerObligations(tdb, payer, line.paid_on ?? todayInYerevan());
    }
  }
  return sendPage(reply, h(LinePage, props), status);
}

const values = (body: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
  return out;
};

/**
 * A POSTed action on one line (match, ignore): a bad form or a refusal with field errors shows
 * the line's page again with them, and a done action goes back to the line saying so.
 */
function lineAction<S extends z.ZodType>(
  action: 'match' | 'ignore',
  schema: S,
  formKey: 'matchForm' | 'ignoreForm',
  act: (ctx: Ctx, id: number, data: z.infer<S>) => Promise<void>,
  keep: (data: z.infer<S>) => LineQuery = () => ({}),
): RouteDef {
  return route({
    method: 'POST', url: `${BASE}/lines/:id/${action}`, access: ACCESS, kind: 'form', idParams: { id: 'fin_stmt_lines' }, schema: { params: idParams },
    handler: async (req, reply) => {
      const { ctx } = req;
      const id = req.params.id;
      const parsed = parseForm(schema, req.body);
      if (!parsed.ok) return linePage(ctx, reply, id, {}, { [formKey]: { errors: parsed.errors, values: values(req.body) } }, 400);
      try {
        await act(ctx, id, parsed.data);
      } catch (err) {
        if (!(err instanceof AppError) || err.status === 404 || !Object.keys(err.fields).length) throw err;
        // A payer who is not found here is not shown again; a wrong obligation keeps the chosen payer.
        const query = err.fields.payer ? {} : keep(parsed.data);
        return linePage(ctx, reply, id, query, { [formKey]: { errors: err.fields, values: values(req.body) } }, err.status);
      }
      return reply.redirect(`${statementsBase(ctx)}/lines/${id}?done=${action === 'match' ? 'matched' : 'ignored'}`, 303);
    },
  });
}

export const statementRoutes: RouteDef[] = [
  route({
    method: 'GET', url: BASE, access: ACCESS, kind: 'page', schema: { params: slugParams },
    handler: async (req, reply) => renderUpload(req.ctx, reply, {}, undefined, 200),
  }),
  // CSV has no signature to sniff, so any type is taken here; the reader refuses what it cannot read.
  withUpload(route({
    method: 'POST', url: BASE, access: ACCESS, kind: 'form', schema: { params: slugParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const parsed = parseForm(uploadForm, req.body);
      if (!parsed.ok) return renderUpload(ctx, reply, { errors: parsed.errors, values: values(req.body) });
      try {
        const { importId, repeated } = await importStatement(ctx.tenant(), ctx.auditActor(), { source: parsed.data.source, fileName: parsed.data.file.filename, data: parsed.data.file.data });
        return reply.redirect(`${statementsBase(ctx)}/imports/${importId}${repeated ? '?repeated=1' : ''}`, 303);
      } catch (err) {
        if (!(err instanceof Unreadable)) throw err;
        return renderUpload(ctx, reply, { errors: { file: 'finance.statements.file.unreadable' }, values: { source: parsed.data.source } }, ctx.t(err.messageKey, err.params));
      }
    },
  }), { maxBytes: MAX_STATEMENT_BYTES, types: [] }),
  route({
    method: 'GET', url: `${BASE}/imports/:id`, access: ACCESS, kind: 'page', idParams: { id: 'fin_stmt_imports' },
    schema: { params: idParams, querystring: importQuery },
    handler: async (req, reply) => {
      const tdb = req.ctx.tenant();
      const imp = await tdb.selectFrom('fin_stmt_imports').selectAll().where('id', '=', req.params.id).executeTakeFirst();
      if (!imp) throw notFound();
      const lines = await tdb.selectFrom('fin_stmt_lines').select(LINE_COLUMNS).where('import_id', '=', imp.id).orderBy('line_no').orderBy('id').execute();
      return sendPage(reply, h(ReportPage, { ctx: req.ctx, imp, lines, repeated: req.query.repeated === '1' }));
    },
  }),
  route({
    method: 'GET', url: `${BASE}/queue`, access: ACCESS, kind: 'page', schema: { params: slugParams, querystring: queueQuery },
    handler: async (req, reply) => {
      const page = req.query.page ?? 1;
      const { rows, total } = await unmatchedQueue(req.ctx.tenant(), page);
      return sendPage(reply, h(QueuePage, { ctx: req.ctx, rows, total, page }));
    },
  }),
  route({
    method: 'GET', url: `${BASE}/lines/:id`, access: ACCESS, kind: 'page', idParams: { id: 'fin_stmt_lines' },
    schema: { params: idParams, querystring: lineQuery },
    handler: async (req, reply) => linePage(req.ctx, reply, req.params.id, req.query),
  }),
  lineAction('match', matchForm, 'matchForm', async (ctx, id, { payer, obligation, note }) => {
    await matchByHand(ctx.tenant(), ctx.auditActor(), id, { payerKind: payer.kind, payerId: payer.id, obligationIds: obligation, note });
  }, (data) => ({ payer: data.payer })),
  lineAction('ignore', ignoreForm, 'ignoreForm', async (ctx, id, { note }) => ignoreLine(ctx.tenant(), ctx.auditActor(), id, note)),
];
