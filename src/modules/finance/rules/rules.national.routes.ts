// The national administrator's rule pages: everyone with a national role reads them, only
// the system administrator adds periods and corrects rows (rules.editor.ts audits both).
import { h } from 'preact';
import type { FastifyReply } from 'fastify';
import { route } from '../../../platform/http/route.ts';
import { AppError, notFound, type FieldErrors } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { addRulePeriod, correctRule, findRule, listRules } from './rules.editor.ts';
import { correctForm, doneQuery, kindQuery, newPeriodForm, postedValues, ruleQuery } from './rules.forms.ts';
import { CorrectRulePage, NationalRulesPage, NewPeriodPage, RULES_PATH, rowValues } from './rules.national.views.tsx';
import type { RuleKind } from './rules.types.ts';

const NATIONAL = { communityId: null };

const canEdit = (ctx: Ctx) => ctx.services.permissions.nationalPermissions(ctx.actor?.nationalRoles ?? []).has('finance.rules.national_edit');

/** The latest national row of a kind: a new period starts from its values. */
async function latestOf(ctx: Ctx, kind: RuleKind) {
  return (await listRules(ctx.db, null)).filter((r) => r.kind === kind).at(-1);
}

/** A refusal the form can show beside its fields (bad data, a later period), else rethrown. */
function formErrors(err: unknown): FieldErrors {
  if (err instanceof AppError && Object.keys(err.fields).length) return err.fields;
  throw err;
}

async function showNewPeriod(ctx: Ctx, reply: FastifyReply, kind: RuleKind, values: Record<string, string>, errors?: FieldErrors) {
  return sendPage(reply, h(NewPeriodPage, { ctx, kind, form: { t: ctx.t, values, ...(errors ? { errors } : {}) } }), errors ? 400 : 200);
}

export const nationalRuleRoutes = [
  route({
    method: 'GET',
    url: RULES_PATH,
    access: 'national:finance.rules.national_view',
    kind: 'page',
    schema: { querystring: doneQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      return sendPage(reply, h(NationalRulesPage, { ctx, rows: await listRules(ctx.db, null), canEdit: canEdit(ctx), ...(req.query.done ? { done: req.query.done } : {}) }));
    },
  }),
  route({
    method: 'GET',
    url: `${RULES_PATH}/new`,
    access: 'national:finance.rules.national_edit',
    kind: 'page',
    schema: { querystring: kindQuery },
    handler: async (req, reply) => {
      const { kind } = req.query;
      return showNewPeriod(req.ctx, reply, kind, rowValues(await latestOf(req.ctx, kind)));
    },
  }),
  route({
    method: 'POST',
    url: `${RULES_PATH}/new`,
    access: 'national:finance.rules.national_edit',
    kind: 'form',
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const parsed = parseForm(newPeriodForm, req.body);
      const kind = kindQuery.safeParse(req.body).data?.kind;
      // Without a kind there is no form to show again: the page that posted it is not ours.
      if (!kind) throw new AppError(400, 'validation', 'error.validation', { kind: 'field.invalid' });
      if (!parsed.ok) return showNewPeriod(ctx, reply, kind, parsed.values, parsed.errors);
      const f = parsed.data;
      try {
        await addRulePeriod(ctx.db, ctx.auditActor(), NATIONAL, {
          kind: f.kind, validFrom: f.valid_from, data: JSON.parse(f.data), legalRef: f.legal_ref, source: f.source, verification: f.verification,
        });
      } catch (err) {
        return showNewPeriod(ctx, reply, kind, postedValues(req.body), formErrors(err));
      }
      return reply.redirect(`${RULES_PATH}?done=added#kind-${f.kind}`, 303);
    },
  }),
  route({
    method: 'GET',
    url: `${RULES_PATH}/edit`,
    access: 'national:finance.rules.national_edit',
    kind: 'page',
    schema: { querystring: ruleQuery },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const row = await findRule(ctx.db, req.query.rule);
      if (!row || row.community_id != null) throw notFound();
      return sendPage(reply, h(CorrectRulePage, { ctx, row, form: { t: ctx.t, values: rowValues(row) } }));
    },
  }),
  route({
    method: 'POST',
    url: `${RULES_PATH}/edit`,
    access: 'national:finance.rules.national_edit',
    kind: 'form',
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const id = ruleQuery.safeParse(req.body).data?.rule;
      const row = id ? await findRule(ctx.db, id) : undefined;
      if (!row || row.community_id != null) throw notFound();
      const show = (errors: FieldErrors, values: Record<string, string>) =>
        sendPage(reply, h(CorrectRulePage, { ctx, row, form: { t: ctx.t, values, errors } }), 400);
      const parsed = parseForm(correctForm, req.body);
      if (!parsed.ok) return show(parsed.errors, parsed.values);
      const f = parsed.data;
      try {
        await correctRule(ctx.db, ctx.auditActor(), NATIONAL, row.id, { data: JSON.parse(f.data), legalRef: f.legal_ref, source: f.source, verification: f.verification });
      } catch (err) {
        return show(formErrors(err), postedValues(req.body));
      }
      return reply.redirect(`${RULES_PATH}?done=corrected#kind-${row.kind}`, 303);
    },
  }),
];
