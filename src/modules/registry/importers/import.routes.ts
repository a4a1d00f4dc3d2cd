// Staff import pages: upload and preview, confirm, result and the report of rejected rows.
// The export routes of the register lists are added here too (export.routes.ts).
import fs from 'node:fs';
import { h } from 'preact';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { route, slugParams, withUpload, type RouteDef } from '../../../platform/http/route.ts';
import { MAX_UPLOAD_BYTES } from '../../../platform/files/upload.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import type { FormState } from '../../../platform/ui/components.tsx';
import { FileUnusable } from './read.ts';
import type { Register } from './types.ts';
import { confirmForm, runParams, uploadForm } from './import.schemas.ts';
import { confirmImport, findRun, loadUpload, previewImport, storeUpload } from './import.service.ts';
import { PreviewPage, ResultPage, UploadPage } from './import.views.tsx';
import { exportRoutes } from '../exports/export.routes.ts';

const ACCESS = 'staff:registry.import';

function valuesOf(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
  return out;
}

function renderUpload(ctx: Ctx, reply: FastifyReply, form: Omit<FormState, 't'> = {}, problem?: string, status = 400) {
  return sendPage(reply, h(UploadPage, { ctx, form: { t: ctx.t, ...form }, problem }), status);
}

/**
 * A POSTed import form (upload, confirm): an invalid form, or a file that cannot be used,
 * shows the upload page again with the errors (400).
 */
function importForm<S extends z.ZodType<{ register: Register }>>(
  url: string,
  form: S,
  handle: (ctx: Ctx, reply: FastifyReply, data: z.infer<S>, slug: string) => Promise<unknown>,
): RouteDef {
  return route({
    method: 'POST',
    url,
    access: ACCESS,
    kind: 'form',
    schema: { params: slugParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const parsed = parseForm(form, req.body);
      if (!parsed.ok) return renderUpload(ctx, reply, { errors: parsed.errors, values: valuesOf(req.body) });
      try {
        return await handle(ctx, reply, parsed.data, req.params.slug);
      } catch (err) {
        if (!(err instanceof FileUnusable)) throw err;
        const values = { register: parsed.data.register };
        return renderUpload(ctx, reply, { errors: { file: 'registry.import.file.unreadable' }, values }, ctx.t(err.messageKey, err.params));
      }
    },
  });
}

export const importRoutes: RouteDef[] = [
  route({
    method: 'GET',
    url: '/:slug/staff/registry/import',
    access: ACCESS,
    kind: 'page',
    schema: { params: slugParams },
    handler: async (req, reply) => renderUpload(req.ctx, reply, {}, undefined, 200),
  }),
  // CSV has no signature to sniff, so any type is taken here; the reader refuses what it cannot read.
  withUpload(importForm('/:slug/staff/registry/import', uploadForm, async (ctx, reply, { register, file }) => {
    const sha256 = storeUpload(ctx, file.data);
    const preview = await previewImport(ctx, register, file.data);
    return sendPage(reply, h(PreviewPage, { ctx, register, sha256, fileName: file.filename.slice(0, 255), preview }));
  }), { maxBytes: MAX_UPLOAD_BYTES, types: [] }),
  importForm('/:slug/staff/registry/import/confirm', confirmForm, async (ctx, reply, { register, sha256, file_name }, slug) => {
    const data = loadUpload(ctx, sha256);
    if (!data) return renderUpload(ctx, reply, { errors: { file: 'registry.import.error.expired' }, values: { register } });
    const result = await confirmImport(ctx, register, data, file_name);
    return reply.redirect(`/${slug}/staff/registry/import/runs/${result.runId}`, 303);
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/registry/import/runs/:id',
    access: ACCESS,
    kind: 'page',
    idParams: { id: 'import_runs' },
    schema: { params: runParams },
    handler: async (req, reply) => {
      const run = await findRun(req.ctx, req.params.id);
      if (!run) throw notFound();
      return sendPage(reply, h(ResultPage, { ctx: req.ctx, run }));
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/registry/import/runs/:id/report',
    access: ACCESS,
    kind: 'page',
    idParams: { id: 'import_runs' },
    schema: { params: runParams },
    handler: async (req, reply) => {
      const run = await findRun(req.ctx, req.params.id);
      if (!run?.report_path || !fs.existsSync(run.report_path)) throw notFound();
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${run.id}-report.csv"`)
        .send(fs.readFileSync(run.report_path));
    },
  }),
  ...exportRoutes,
];
