// Households: the page with its members, and the forms that create one, add and remove
// members and set the head.
import { h } from 'preact';
import type { FastifyReply } from 'fastify';
import { route } from '../../../platform/http/route.ts';
import { notFound, type FieldErrors } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { formatDay } from '../../../platform/i18n/index.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import { Button, CsrfField, ErrorSummary, Select, Table, TextInput, type FormState } from '../../../platform/ui/components.tsx';
import { doneQuery, householdCreateForm, householdMemberForm, memberParams, residentParams, slugOnly } from './population.schemas.ts';
import { addMember, createHousehold, findHousehold, removeMember, setHead, type Household } from './households.service.ts';
import { canDo, fieldErrorsOf, registryActor, valuesOf } from './residents.routes.ts';
import { auditResidentsShown } from './people-audit.ts';
import { base, DoneNotice, fullName, relKey, relOptions, residentAddress } from './residents.views.tsx';

function HouseholdPage({ ctx, hh, canEdit, form, done }: { ctx: Ctx; hh: Household; canEdit: boolean; form: FormState; done?: string | undefined }) {
  const { t } = ctx;
  const path = `${base(ctx)}/households/${hh.id}`;
  const title = t('registry.population.household.title', { id: hh.id });
  const action = (m: { id: number }, what: 'remove' | 'head', label: string) => (
    <form class="inline-form" method="post" action={`${path}/members/${m.id}/${what}`}>
      <CsrfField token={ctx.csrfToken} />
      <button type="submit" class="button button-secondary button-small">{label}<span class="visually-hidden"> {fullName(m as never)}</span></button>
    </form>
  );
  const labels = { public_service_number: t('registry.population.field.psn'), relationship: t('registry.population.field.relationship') };
  return (
    <StaffLayout ctx={ctx} title={title} path={path} crumbs={[{ href: `${base(ctx)}/residents`, label: t('registry.population.residents.title') }, { label: title }]}>
      <DoneNotice ctx={ctx} done={done} />
      <h1>{title}</h1>
      <p>{t('registry.population.field.address')}: {residentAddress(ctx, hh)}</p>
      <Table
        t={t}
        caption={t('registry.population.household.caption', { count: hh.members.length })}
        rows={hh.members}
        columns={[
          { key: 'name', label: t('registry.population.field.lastName'), render: (m) => <a href={`${base(ctx)}/residents/${m.id}`}>{fullName(m)}</a> },
          { key: 'birth', label: t('registry.population.field.birthDate'), render: (m) => formatDay(m.birth_date) },
          { key: 'rel', label: t('registry.population.field.relationship'), render: (m) => (m.relationship ? t(relKey(m.relationship)) : '—') },
          ...(canEdit
            ? [{ key: 'actions', label: t('registry.population.household.members'), render: (m: Household['members'][number]) => <>{m.relationship !== 'head' && action(m, 'head', t('registry.population.household.makeHead'))}{action(m, 'remove', t('registry.population.household.remove'))}</> }]
            : []),
        ]}
      />
      {canEdit && (
        <section aria-labelledby="add-member">
          <h2 id="add-member">{t('registry.population.household.add')}</h2>
          <ErrorSummary form={form} labels={labels} />
          <form method="post" action={`${path}/members`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextInput form={form} name="public_service_number" label={labels.public_service_number} width="m" inputMode="numeric" required />
            <Select form={form} name="relationship" label={labels.relationship} options={relOptions(ctx)} placeholder={t('ui.choose')} required />
            <Button>{t('registry.population.household.add')}</Button>
          </form>
        </section>
      )}
    </StaffLayout>
  );
}

async function render(ctx: Ctx, reply: FastifyReply, id: number, form: FormState, status = 200, done?: string) {
  const hh = await findHousehold(ctx.tenant(), ctx.actor?.settlementIds ?? null, id);
  if (!hh) throw notFound();
  // Names, birth dates and relationships of every member: a read of each one's record.
  await auditResidentsShown(ctx.tenant(), ctx.auditActor(), 'household', hh.members.map((m) => ({ residentId: m.id, objectId: hh.id })));
  return sendPage(reply, h(HouseholdPage, { ctx, hh, canEdit: canDo(ctx, 'registry.people_edit'), form, done }), status);
}

const H = '/:slug/staff/registry/households';

function memberAction(what: 'remove' | 'head', run: typeof removeMember) {
  return route({
    method: 'POST',
    url: `${H}/:id/members/:residentId/${what}`,
    access: 'staff:registry.people_edit',
    kind: 'form',
    idParams: { id: 'households', residentId: 'residents' },
    schema: { params: memberParams },
    handler: async (req, reply) => {
      await run(req.ctx.tenant(), registryActor(req.ctx), req.params.id, req.params.residentId);
      return reply.redirect(`/${req.params.slug}/staff/registry/households/${req.params.id}?done=saved`, 303);
    },
  });
}

export const householdsRoutes = [
  route({
    method: 'POST',
    url: H,
    access: 'staff:registry.people_edit',
    kind: 'form',
    schema: { params: slugOnly },
    handler: async (req, reply) => {
      const parsed = parseForm(householdCreateForm, req.body);
      if (!parsed.ok) return reply.code(400).type('text/plain').send(req.ctx.t('error.validation'));
      const id = await createHousehold(req.ctx.tenant(), registryActor(req.ctx), parsed.data.resident_id);
      return reply.redirect(`/${req.params.slug}/staff/registry/households/${id}?done=saved`, 303);
    },
  }),
  route({
    method: 'GET',
    url: `${H}/:id`,
    access: 'staff:registry.people_view',
    kind: 'page',
    idParams: { id: 'households' },
    schema: { params: residentParams, querystring: doneQuery },
    handler: async (req, reply) => render(req.ctx, reply, req.params.id, { t: req.ctx.t }, 200, req.query.done),
  }),
  route({
    method: 'POST',
    url: `${H}/:id/members`,
    access: 'staff:registry.people_edit',
    kind: 'form',
    idParams: { id: 'households' },
    schema: { params: residentParams },
    handler: async (req, reply) => {
      const ctx = req.ctx;
      const parsed = parseForm(householdMemberForm, req.body);
      let errors: FieldErrors;
      if (parsed.ok) {
        try {
          await addMember(ctx.tenant(), registryActor(ctx), req.params.id, parsed.data.public_service_number, parsed.data.relationship);
          return reply.redirect(`/${req.params.slug}/staff/registry/households/${req.params.id}?done=saved`, 303);
        } catch (err) {
          errors = fieldErrorsOf(err);
        }
      } else errors = parsed.errors;
      return render(ctx, reply, req.params.id, { t: ctx.t, errors, values: valuesOf(req.body) }, 400);
    },
  }),
  memberAction('remove', removeMember),
  memberAction('head', setHead),
];
