// The owner set of a parcel or structure, edited as a whole (…/owners).
import { h } from 'preact';
import type { FastifyReply } from 'fastify';
import { route, type RouteDef } from '../../../platform/http/route.ts';
import { notFound, type FieldErrors } from '../../../platform/http/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { sendPage } from '../../../platform/ui/render.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { ownerSetForm, parcelParams, structureParams } from './property.schemas.ts';
import { findParcel, findStructure, ownersOf } from './property.queries.ts';
import { replaceOwners } from './property.service.ts';
import { OwnersFormPage } from './property-forms.views.tsx';
import { auditResidentsShown } from '../population/people-audit.ts';
import { fieldErrorsOf, scopeOf, valuesOf } from '../registry.http.ts';
import { idParamsOf, type IdParamsSchema, type ObjectKind } from './property-object.routes.ts';

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
    values[`tenure_${i}`] = o.tenure;
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

/** The owners form of one kind of object: GET shows it, POST replaces the owner set. */
function objectOwnerRoutes<I extends string>(type: ObjectType, idParam: I, params: IdParamsSchema<I>): RouteDef[] {
  const kind: ObjectKind = type === 'parcel' ? 'parcels' : 'structures';
  const url = `/:slug/staff/registry/${kind}/:${idParam}/owners`;
  const idParams = { [idParam]: kind };
  return [
    route({
      method: 'GET',
      url,
      access: 'staff:registry.property_edit',
      kind: 'page',
      idParams,
      schema: { params },
      handler: async (req, reply) => render(req.ctx, reply, type, idParamsOf<I>(req.params)[idParam], null),
    }),
    route({
      method: 'POST',
      url,
      access: 'staff:registry.property_edit',
      kind: 'form',
      idParams,
      schema: { params },
      handler: async (req, reply) => {
        const p = idParamsOf<I>(req.params);
        return save(req.ctx, reply, p.slug, type, p[idParam], req.body);
      },
    }),
  ];
}

export const ownerRoutes = [...objectOwnerRoutes('parcel', 'parcelId', parcelParams), ...objectOwnerRoutes('structure', 'structureId', structureParams)];
