// The journal's back office pages (/:slug/staff/journal…): thin — parse, read, render.
import { h } from 'preact';
import { z } from 'zod';
import { route, slugParams } from '../../../platform/http/route.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { readerOf } from './journal.access.ts';
import { listJournal, readDocument } from './journal.queries.ts';
import { JOURNAL_KINDS } from './journal.numbers.ts';
import { DocumentPage, JournalPage } from './journal.views.tsx';

const journalQuery = z.object({
  q: z.string().trim().max(100).optional(),
  journal: z.enum(JOURNAL_KINDS).or(z.literal('')).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});
const documentParams = z.object({ slug: z.string(), documentId: z.coerce.number().int().positive() });

export const journalRoutes = [
  route({
    method: 'GET',
    url: '/:slug/staff/journal',
    access: 'staff:documents.view',
    kind: 'page',
    schema: { params: slugParams, querystring: journalQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const page = req.query.page ?? 1;
      const journal = req.query.journal || undefined;
      const q = req.query.q || undefined;
      const { rows, more } = await listJournal(ctx.tenant(), readerOf(ctx.actor!, ctx.services.permissions), { journal, q, page }, ctx.auditActor());
      return sendPage(reply, h(JournalPage, { ctx, rows, page, more, journal, q }));
    },
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/journal/:documentId',
    access: 'staff:documents.view',
    kind: 'page',
    idParams: { documentId: 'doc_documents' },
    schema: { params: documentParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const view = await readDocument(ctx.tenant(), readerOf(ctx.actor!, ctx.services.permissions), req.params.documentId, ctx.auditActor());
      if (!view) throw notFound();
      return sendPage(reply, h(DocumentPage, { ctx, view }));
    },
  }),
];
