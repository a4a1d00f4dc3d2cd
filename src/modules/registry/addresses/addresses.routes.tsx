// The address gazetteer pages: streets and addresses of a settlement, one address with its
// apartments; forms to add a street, add or edit an address and add an apartment.
import type { FastifyReply } from 'fastify';
import { route } from '../../../platform/http/route.ts';
import { notFound, type FieldErrors } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { localized } from '../../../platform/i18n/index.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import { Button, CsrfField, ErrorSummary, Select, Table, TextInput, type FormState } from '../../../platform/ui/components.tsx';
import { addressForm, addressesQuery, residentParams, slugOnly, streetForm, unitForm } from '../population/population.schemas.ts';
import { addUnit, createStreet, findAddress, listAddresses, listStreets, saveAddress } from './addresses.service.ts';
import { settlementsOf } from '../population/residents.queries.ts';
import { canDo, fieldErrorsOf, valuesOf } from '../population/residents.routes.ts';
import { base, DoneNotice, settlementOptions, type Settlement } from '../population/residents.views.tsx';

type Street = Awaited<ReturnType<typeof listStreets>>[number];

const addressLabels = (t: Ctx['t']) => ({
  settlement_id: t('registry.population.field.settlement'), street_id: t('registry.population.addresses.street'), number: t('registry.population.addresses.number'),
  postcode: t('registry.population.addresses.postcode'), lat: t('registry.population.addresses.lat'), lon: t('registry.population.addresses.lon'),
});

const streetLabels = (t: Ctx['t']) => ({
  settlement_id: t('registry.population.field.settlement'), name_hy: t('registry.population.addresses.nameHy'),
  name_en: t('registry.population.addresses.nameEn'), name_ru: t('registry.population.addresses.nameRu'),
});

function AddressFields({ ctx, form, settlements, streets }: { ctx: Ctx; form: FormState; settlements: Settlement[]; streets: Street[] }) {
  const { t } = ctx;
  const labels = addressLabels(t);
  return (
    <>
      <Select form={form} name="settlement_id" label={labels.settlement_id} options={settlementOptions(ctx, settlements)} placeholder={t('ui.choose')} required />
      <Select form={form} name="street_id" label={labels.street_id} options={streets.map((s) => ({ value: String(s.id), label: localized(s, 'name', ctx.locale) }))} placeholder={t('registry.population.addresses.noStreet')} optional />
      <TextInput form={form} name="number" label={labels.number} width="s" required />
      <TextInput form={form} name="postcode" label={labels.postcode} width="s" inputMode="numeric" optional />
      <TextInput form={form} name="lat" label={labels.lat} width="m" inputMode="decimal" optional />
      <TextInput form={form} name="lon" label={labels.lon} width="m" inputMode="decimal" optional />
    </>
  );
}

async function renderList(ctx: Ctx, reply: FastifyReply, settlementId: number | undefined, failed?: { which: 'street' | 'address'; form: FormState }, done?: string) {
  const { t } = ctx;
  const tenant = ctx.tenant();
  const [settlements, streets, addresses] = await Promise.all([settlementsOf(tenant, null), listStreets(tenant, settlementId), listAddresses(tenant, settlementId)]);
  const path = `${base(ctx)}/addresses`;
  const canEdit = canDo(ctx, 'registry.addresses_edit');
  // Both forms ask for a settlement: the street form's ids are prefixed to stay unique.
  const streetForm_ = { ...(failed?.which === 'street' ? failed.form : { t, values: settlementId ? { settlement_id: String(settlementId) } : {} }), idPrefix: 'street-' };
  const sLabels = streetLabels(t);
  const addressForm_ = failed?.which === 'address' ? failed.form : { t, values: settlementId ? { settlement_id: String(settlementId) } : {} };
  const page = (
    <StaffLayout ctx={ctx} title={t('registry.population.addresses.title')} path={path} crumbs={[{ label: t('registry.population.addresses.title') }]}>
      <DoneNotice ctx={ctx} done={done} />
      <h1>{t('registry.population.addresses.title')}</h1>
      <form method="get" action={path}>
        <Select form={{ t, values: { settlement_id: settlementId ? String(settlementId) : '' } }} name="settlement_id" label={t('registry.population.field.settlement')} options={settlementOptions(ctx, settlements)} placeholder={t('registry.population.addresses.settlementAll')} />
        <Button variant="secondary">{t('registry.population.residents.filter')}</Button>
      </form>
      <Table t={t} caption={t('registry.population.addresses.streetsCaption', { count: streets.length })} rows={streets} columns={[
        { key: 'hy', label: t('registry.population.addresses.nameHy'), render: (s) => s.name_hy },
        { key: 'en', label: t('registry.population.addresses.nameEn'), render: (s) => s.name_en },
        { key: 'ru', label: t('registry.population.addresses.nameRu'), render: (s) => s.name_ru },
      ]} />
      <Table t={t} caption={t('registry.population.addresses.caption', { count: addresses.length })} rows={addresses} columns={[
        { key: 'street', label: t('registry.population.addresses.street'), render: (a) => (a.street_hy ? localized({ name_hy: a.street_hy, name_en: a.street_en, name_ru: a.street_ru }, 'name', ctx.locale) : '—') },
        { key: 'number', label: t('registry.population.addresses.number'), render: (a) => <a href={`${path}/${a.id}`}>{a.number}</a> },
        { key: 'postcode', label: t('registry.population.addresses.postcode'), render: (a) => a.postcode ?? '—' },
        { key: 'units', label: t('registry.population.addresses.units'), numeric: true, render: (a) => String(a.units ?? 0) },
      ]} />
      {canEdit && (
        <>
          <h2 id="new-street">{t('registry.population.addresses.newStreet')}</h2>
          <ErrorSummary form={streetForm_} labels={sLabels} />
          <form method="post" action={`${path}/streets`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <Select form={streetForm_} name="settlement_id" label={sLabels.settlement_id} options={settlementOptions(ctx, settlements)} placeholder={t('ui.choose')} required />
            <TextInput form={streetForm_} name="name_hy" label={sLabels.name_hy} required />
            <TextInput form={streetForm_} name="name_en" label={sLabels.name_en} optional />
            <TextInput form={streetForm_} name="name_ru" label={sLabels.name_ru} optional />
            <Button>{t('registry.population.addresses.newStreet')}</Button>
          </form>
          <h2 id="new-address">{t('registry.population.addresses.newAddress')}</h2>
          <ErrorSummary form={addressForm_} labels={addressLabels(t)} />
          <form method="post" action={path} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <AddressFields ctx={ctx} form={addressForm_} settlements={settlements} streets={streets} />
            <Button>{t('registry.population.addresses.newAddress')}</Button>
          </form>
        </>
      )}
    </StaffLayout>
  );
  return sendPage(reply, page, failed ? 400 : 200);
}

async function renderAddress(ctx: Ctx, reply: FastifyReply, id: number, failed?: { which: 'edit' | 'unit'; form: FormState }, done?: string) {
  const { t } = ctx;
  const tenant = ctx.tenant();
  const a = await findAddress(tenant, id);
  if (!a) throw notFound();
  const [settlements, streets] = await Promise.all([settlementsOf(tenant, null), listStreets(tenant, a.settlement_id)]);
  const path = `${base(ctx)}/addresses/${id}`;
  const values = Object.fromEntries(Object.entries(a).filter(([, v]) => typeof v === 'string' || typeof v === 'number').map(([k, v]) => [k, String(v)]));
  const editForm = failed?.which === 'edit' ? failed.form : { t, values };
  // The apartment's number and the address's number share a name: the unit form's ids are prefixed.
  const unitForm_ = { ...(failed?.which === 'unit' ? failed.form : { t }), idPrefix: 'unit-' };
  const unitLabels = { number: t('registry.population.addresses.unitNumber') };
  const canEdit = canDo(ctx, 'registry.addresses_edit');
  const title = `${t('registry.population.field.address')} ${a.number}`;
  return sendPage(reply, (
    <StaffLayout ctx={ctx} title={title} path={path} crumbs={[{ href: `${base(ctx)}/addresses`, label: t('registry.population.addresses.title') }, { label: title }]}>
      <DoneNotice ctx={ctx} done={done} />
      <h1>{title}</h1>
      <Table t={t} caption={t('registry.population.addresses.unitsCaption', { count: a.units.length })} rows={a.units} columns={[{ key: 'n', label: t('registry.population.addresses.unitNumber'), render: (u) => u.number }]} />
      {canEdit && (
        <>
          <h2>{t('registry.population.addresses.newUnit')}</h2>
          <ErrorSummary form={unitForm_} labels={unitLabels} />
          <form method="post" action={`${path}/units`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextInput form={unitForm_} name="number" label={unitLabels.number} width="s" required />
            <Button>{t('registry.population.addresses.newUnit')}</Button>
          </form>
          <h2>{t('registry.population.addresses.edit')}</h2>
          <ErrorSummary form={editForm} labels={addressLabels(t)} />
          <form method="post" action={path} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <AddressFields ctx={ctx} form={editForm} settlements={settlements} streets={streets} />
            <Button>{t('registry.population.record.save')}</Button>
          </form>
        </>
      )}
    </StaffLayout>
  ), failed ? 400 : 200);
}

const A = '/:slug/staff/registry/addresses';
const form = (ctx: Ctx, errors: FieldErrors, body: unknown): FormState => ({ t: ctx.t, errors, values: valuesOf(body) });

export const addressesRoutes = [
  route({ method: 'GET', url: A, access: 'staff:registry.people_view', kind: 'page', schema: { params: slugOnly, querystring: addressesQuery },
    handler: async (req, reply) => renderList(req.ctx, reply, req.query.settlement_id, undefined, req.query.done) }),
  route({ method: 'POST', url: `${A}/streets`, access: 'staff:registry.addresses_edit', kind: 'form', schema: { params: slugOnly },
    handler: async (req, reply) => {
      const parsed = parseForm(streetForm, req.body);
      try {
        if (parsed.ok) {
          await createStreet(req.ctx.tenant(), req.ctx.auditActor(), parsed.data);
          return reply.redirect(`/${req.params.slug}/staff/registry/addresses?settlement_id=${parsed.data.settlement_id}&done=saved`, 303);
        }
        return renderList(req.ctx, reply, undefined, { which: 'street', form: form(req.ctx, parsed.errors, req.body) });
      } catch (err) {
        return renderList(req.ctx, reply, undefined, { which: 'street', form: form(req.ctx, fieldErrorsOf(err), req.body) });
      }
    } }),
  route({ method: 'POST', url: A, access: 'staff:registry.addresses_edit', kind: 'form', schema: { params: slugOnly },
    handler: async (req, reply) => {
      const parsed = parseForm(addressForm, req.body);
      try {
        if (parsed.ok) {
          const id = await saveAddress(req.ctx.tenant(), req.ctx.auditActor(), null, parsed.data);
          return reply.redirect(`/${req.params.slug}/staff/registry/addresses/${id}?done=saved`, 303);
        }
        return renderList(req.ctx, reply, undefined, { which: 'address', form: form(req.ctx, parsed.errors, req.body) });
      } catch (err) {
        return renderList(req.ctx, reply, undefined, { which: 'address', form: form(req.ctx, fieldErrorsOf(err), req.body) });
      }
    } }),
  route({ method: 'GET', url: `${A}/:id`, access: 'staff:registry.people_view', kind: 'page', idParams: { id: 'addresses' }, schema: { params: residentParams, querystring: addressesQuery },
    handler: async (req, reply) => renderAddress(req.ctx, reply, req.params.id, undefined, req.query.done) }),
  route({ method: 'POST', url: `${A}/:id`, access: 'staff:registry.addresses_edit', kind: 'form', idParams: { id: 'addresses' }, schema: { params: residentParams },
    handler: async (req, reply) => {
      if (!(await findAddress(req.ctx.tenant(), req.params.id))) throw notFound();
      const parsed = parseForm(addressForm, req.body);
      try {
        if (parsed.ok) {
          await saveAddress(req.ctx.tenant(), req.ctx.auditActor(), req.params.id, parsed.data);
          return reply.redirect(`/${req.params.slug}/staff/registry/addresses/${req.params.id}?done=saved`, 303);
        }
        return renderAddress(req.ctx, reply, req.params.id, { which: 'edit', form: form(req.ctx, parsed.errors, req.body) });
      } catch (err) {
        return renderAddress(req.ctx, reply, req.params.id, { which: 'edit', form: form(req.ctx, fieldErrorsOf(err), req.body) });
      }
    } }),
  route({ method: 'POST', url: `${A}/:id/units`, access: 'staff:registry.addresses_edit', kind: 'form', idParams: { id: 'addresses' }, schema: { params: residentParams },
    handler: async (req, reply) => {
      if (!(await findAddress(req.ctx.tenant(), req.params.id))) throw notFound();
      const parsed = parseForm(unitForm, req.body);
      try {
        if (parsed.ok) {
          await addUnit(req.ctx.tenant(), req.ctx.auditActor(), req.params.id, parsed.data.number);
          return reply.redirect(`/${req.params.slug}/staff/registry/addresses/${req.params.id}?done=saved`, 303);
        }
        return renderAddress(req.ctx, reply, req.params.id, { which: 'unit', form: form(req.ctx, parsed.errors, req.body) });
      } catch (err) {
        return renderAddress(req.ctx, reply, req.params.id, { which: 'unit', form: form(req.ctx, fieldErrorsOf(err), req.body) });
      }
    } }),
];
