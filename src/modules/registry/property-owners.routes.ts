// The owner set of a parcel or structure, edited as a whole (…/owners).
import { h } from 'preact';
import type { FastifyReply } from 'fastify';
import { route } from '../../platform/http/route.ts';
import { notFound, type FieldErrors } from '../../platform/http/errors.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { sendPage } from '../../platform/ui/render.ts';
import { todayInYerevan } from '../../platform/i18n/index.ts';
import { ownerSetForm, parcelParams, structureParams } from './property.schemas.ts';
import { findParcel, findStructure, ownersOf } from './property.queries.ts';
import { replaceOwners } from './property.service.ts';
import { OwnersFormPage } from './property-forms.views.tsx';
import { auditResidentsShown } from './property.people-audit.ts';
import { fieldErrorsOf, scopeOf, valuesOf } from './property.http.ts';

type ObjectType = 'parcel' | 'structure';

async function findObject(ctx: Ctx, type: ObjectType, id: number): Promise<{ id: number; cadastral_code: string } | null> {
  return type === 'parcel' ? findParcel(ctx.tenant(), scopeOf(ctx), id) : findStructure(ctx.tenant(), scopeOf(ctx), id);
}

/**
 * The current owners as form values, so the form starts from what is there. Resident owners
 * appear by public service number: a read of personal data, audited like the record page.
 */
async function currentValues(ctx: Ctx, type: ObjectType, id: number): Promise<Record<string, string>> {
  const owners = (await ownersOf(ctx.tenant(), type, id)).filter((o) => o.valid_to === null);
  await auditResidentsShown(ctx.tenant(), ctx.auditActor(), type, owners.map((o) => ({ residentId: o.owner_resident_id, objectId: id })));
  const values: Record<string, string> = { valid_from: todayInYerevan() };
  owners.forEach((o, i) => {
    values[`owner_type_${i}`] = o.owner_type;
    values[`owner_ref_${i}`] = o.resident_psn ?? o.organization_tax_id ?? o.owner_name ?? '';
    values[`share_${i}`] = `${o.share_num}/${o.share_den}`;
  });
  return values;
}

async function render(ctx: Ctx, reply: FastifyReply, type: ObjectType, id: number, values: Record<string, string> | null, errors: FieldErrors = {}) {
  const object = await findObject(ctx, type, id);
  if (!object) throw notFound();
  const form = { t: ctx.t, errors, values: values ?? (await currentValues(ctx, type, id)) };
  return sendPage(reply, h(OwnersFormPage, { ctx, objectType: type, id, code: object.cadastral_code, form }), Object.keys(errors).length ? 400 : 200);
}

async function save(ctx: Ctx, reply: FastifyReply, slug: string, type: ObjectType, id: number, body: unknown) {
  const parsed = parseForm(ownerSetForm, body);
  if (!parsed.ok) return render(ctx, reply, type, id, parsed.values, parsed.errors);
  try {
    await replaceOwners(ctx.tenant(), ctx.auditActor(), scopeOf(ctx), type, id, parsed.data);
  } catch (err) {
    return render(ctx, reply, type, id, valuesOf(body), fieldErrorsOf(err));
  }
  return reply.redirect(`/${slug}/staff/registry/${type === 'parcel' ? 'parcels' : 'structures'}/${id}?done=owners`, 303);
}

export const ownerRoutes = [
  route({
    method: 'GET',
    url: '/:slug/staff/registry/parcels/:parcelId/owners',
    access: 'staff:registry.property_edit',
    kind: 'page',
    idParams: { parcelId: 'parcels' },
    schema: { params: parcelParams },
    handler: async (req, reply) => render(req.ctx, reply, 'parcel', req.params.parcelId, null),
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/registry/parcels/:parcelId/owners',
    access: 'staff:registry.property_edit',
    kind: 'form',
    idParams: { parcelId: 'parcels' },
    schema: { params: parcelParams },
    handler: async (req, reply) => save(req.ctx, reply, req.params.slug, 'parcel', req.params.parcelId, req.body),
  }),
  route({
    method: 'GET',
    url: '/:slug/staff/registry/structures/:structureId/owners',
    access: 'staff:registry.property_edit',
    kind: 'page',
    idParams: { structureId: 'structures' },
    schema: { params: structureParams },
    handler: async (req, reply) => render(req.ctx, reply, 'structure', req.params.structureId, null),
  }),
  route({
    method: 'POST',
    url: '/:slug/staff/registry/structures/:structureId/owners',
    access: 'staff:registry.property_edit',
    kind: 'form',
    idParams: { structureId: 'structures' },
    schema: { params: structureParams },
    handler: async (req, reply) => save(req.ctx, reply, req.params.slug, 'structure', req.params.structureId, req.body),
  }),
];
