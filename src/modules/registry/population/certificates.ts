// What the services subsystem needs for certificates of residence and of household
// composition: each one query (a join) over the population register and the gazetteer.
import { sql } from 'kysely';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { householdsBase, residentsBase } from './residents.queries.ts';

export interface AddressParts {
  settlement: string;
  street: string | null;
  number: string | null;
  unit: string | null;
}

/** "Սիսիան, Սիսական փ. 12, բն. 3" (Armenian, as on certificates). */
export function addressText(a: AddressParts): string {
  const house = [a.street, a.number].filter(Boolean).join(' ');
  return [a.settlement, house || null, a.unit ? `բն. ${a.unit}` : null].filter(Boolean).join(', ');
}

export async function residenceCertificateData(tenant: TenantDb, residentId: number) {
  const r = await residentsBase(tenant, null)
    .select([
      'residents.id', 'residents.last_name', 'residents.first_name', 'residents.patronymic', 'residents.last_name_latin',
      'residents.first_name_latin', 'residents.birth_date', 'residents.sex', 'residents.public_service_number', 'residents.status',
      'settlements.id as settlement_id', 'settlements.name_hy as settlement', 'streets.name_hy as street', 'addresses.number', 'address_units.number as unit',
      // The latest registration or move within: since when the person lives at this address.
      sql<string | null>`(select max(e.on_date) from resident_events e where e.community_id = residents.community_id
        and e.resident_id = residents.id and e.kind in ('registered', 'moved_within'))`.as('registered_since'),
    ])
    .where('residents.id', '=', residentId)
    .executeTakeFirst();
  if (!r) return null;
  return {
    resident: {
      id: r.id, lastName: r.last_name, firstName: r.first_name, patronymic: r.patronymic, lastNameLatin: r.last_name_latin,
      firstNameLatin: r.first_name_latin, birthDate: r.birth_date, sex: r.sex, publicServiceNumber: r.public_service_number, status: r.status,
    },
    address: addressText(r),
    settlement: { id: r.settlement_id, name: r.settlement },
    registeredSince: r.registered_since,
  };
}

/** The household of `householdId`, or of the resident `residentId`; registered members only. */
export async function householdCompositionData(tenant: TenantDb, ref: { householdId: number } | { residentId: number }) {
  let q = householdsBase(tenant, null)
    .innerJoin('residents as m', (j) => j.onRef('m.household_id', '=', 'households.id').onRef('m.community_id', '=', 'households.community_id').on('m.status', '=', 'registered'))
    .select([
      'households.id', 'settlements.name_hy as settlement', 'streets.name_hy as street', 'addresses.number', 'address_units.number as unit',
      'm.id as member_id', 'm.last_name', 'm.first_name', 'm.patronymic', 'm.birth_date', 'm.relationship',
    ])
    .orderBy(sql`case when m.relationship = 'head' then 0 else 1 end`)
    .orderBy('m.birth_date')
    .orderBy('m.id');
  if ('householdId' in ref) q = q.where('households.id', '=', ref.householdId);
  else {
    q = q.where('households.id', '=', (eb) =>
      eb.selectFrom('residents as r').select('r.household_id').where('r.id', '=', ref.residentId).where('r.community_id', '=', tenant.communityId),
    );
  }
  const rows = await q.execute();
  const first = rows[0];
  if (!first) return null;
  return {
    householdId: first.id,
    address: addressText(first),
    members: rows.map((m) => ({
      id: m.member_id,
      name: [m.last_name, m.first_name, m.patronymic].filter(Boolean).join(' '),
      birthDate: m.birth_date,
      relationship: m.relationship,
    })),
  };
}
