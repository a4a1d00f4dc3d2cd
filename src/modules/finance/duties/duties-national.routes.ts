// The national catalogue of duty and fee kinds (/national/finance/duty-kinds…): every
// community's rates are checked against its limits; only the national administrator edits it.
import { h } from 'preact';
import { route } from '../../../platform/http/route.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { doneQuery, kindForm, kindParams } from './duties.schemas.ts';
import { findKindByCode, listKinds, updateKind } from './duties.catalogue.ts';
import { KindFormPage, KindsPage } from './duties-national.views.tsx';

const ACCESS = 'national:finance.duty_catalogue';

export const dutyKindRoutes = [
  route({
    method: 'GET',
    url: '/national/finance/duty-kinds',
    access: ACCESS,
    kind: 'page',
    schema: { querystring: doneQuery },
    handler: async (req, reply) => sendPage(reply, h(KindsPage, { ctx: req.ctx, kinds: await listKinds(req.ctx.db), saved: req.query.done === 'saved' })),
  }),
  route({
    method: 'GET',
    url: '/national/finance/duty-kinds/:code/edit',
    access: ACCESS,
    kind: 'page',
    schema: { params: kindParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const kind = await findKindByCode(ctx.db, req.params.code);
      if (!kind) throw notFound();
      const values = { limit_amount: kind.limit_amount === null ? '' : String(kind.limit_amount), revenue_line: kind.revenue_line ?? '', legal_ref: kind.legal_ref, source: kind.source ?? '', verification: kind.verification };
      return sendPage(reply, h(KindFormPage, { ctx, kind, form: { t: ctx.t, values } }));
    },
  }),
  route({
    method: 'POST',
    url: '/national/finance/duty-kinds/:code',
    access: ACCESS,
    kind: 'form',
    schema: { params: kindParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const kind = await findKindByCode(ctx.db, req.params.code);
      if (!kind) throw notFound();
      const parsed = parseForm(kindForm, req.body);
      if (!parsed.ok) return sendPage(reply, h(KindFormPage, { ctx, kind, form: { t: ctx.t, errors: parsed.errors, values: parsed.values } }), 400);
      await updateKind(ctx.db, ctx.auditActor(), kind.id, parsed.data);
      return reply.redirect('/national/finance/duty-kinds?done=saved', 303);
    },
  }),
];
