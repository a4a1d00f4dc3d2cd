// What the services demo draws on in one community: its published services (with how often
// each is asked for), the adult residents and organizations who apply, parcels for land
// forms, the staff who register, review and decide, and the demo citizens' accounts
// linked to their namesakes in the register.
import type { Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { TenantDb, unscoped } from '../platform/db/tenant.ts';
import { addressText } from '../modules/registry/index.ts';
import { parseStoredSpec, type ServiceSpec } from '../modules/services/catalogue/spec.ts';
import type { DemoActor, DemoApplicant, DemoStaff } from './services-demo-plan.ts';

export interface DemoService { id: number; versionId: number; code: string; spec: ServiceSpec; weight: number }

export interface World {
  services: DemoService[];
  persons: (DemoApplicant & { settlementId: number })[];
  orgs: DemoApplicant[];
  parcels: string[];
  staff: DemoStaff;
  /** Demo citizen accounts (by email) linked to their register record. */
  citizens: Map<string, DemoApplicant>;
}

/** How often each service is asked for, relative to the others (1 when not listed). */
const WEIGHTS: Record<string, number> = {
  'residence-certificate': 14, 'household-certificate': 10, 'property-certificate': 5, 'no-tax-debt-certificate': 5, 'information-request': 4,
  'reception-by-head': 4, 'garbage-fee-account': 4, 'one-time-social-assistance': 4, complaint: 3, 'construction-permit': 3, 'trade-permit': 3,
  'notarial-power-of-attorney': 3, 'notarial-signature-certification': 3, 'archival-reference': 2, 'decision-copy': 2, 'land-lease': 2, 'parking-permit': 2,
};

/** The community's world as of `today` (applicants are the residents adult by then). */
export async function loadWorld(tenant: TenantDb, raw: Transaction<Database>, today: string): Promise<World> {
  const defs = await tenant.selectFrom('service_definitions')
    .innerJoin('service_versions', 'service_versions.id', 'service_definitions.current_version_id')
    .select(['service_definitions.id', 'service_definitions.code', 'service_versions.id as version_id', 'service_versions.spec'])
    .where('service_definitions.status', '=', 'published').orderBy('service_definitions.sort_order').orderBy('service_definitions.id').execute();
  const adult = `${Number(today.slice(0, 4)) - 18}${today.slice(4)}`;
  const residents = await tenant.selectFrom('residents')
    .innerJoin('settlements', 'settlements.id', 'residents.settlement_id')
    .leftJoin('addresses', 'addresses.id', 'residents.address_id').leftJoin('streets', 'streets.id', 'addresses.street_id')
    .leftJoin('address_units', 'address_units.id', 'residents.unit_id')
    .select(['residents.first_name', 'residents.last_name', 'residents.public_service_number', 'residents.phone', 'residents.email', 'residents.settlement_id',
      'settlements.name_hy as settlement', 'streets.name_hy as street', 'addresses.number', 'address_units.number as unit'])
    .where('residents.status', '=', 'registered').where('residents.public_service_number', 'is not', null).where('residents.birth_date', '<=', adult)
    .orderBy('residents.id').execute();
  const orgs = await tenant.selectFrom('organizations').leftJoin('settlements', 'settlements.id', 'organizations.settlement_id')
    .select(['organizations.tax_id', 'organizations.name', 'organizations.phone', 'organizations.email', 'settlements.name_hy as settlement'])
    .orderBy('organizations.id').execute();
  const parcels = await tenant.selectFrom('parcels').select('cadastral_code').orderBy('id').execute();
  const people = await unscoped(raw, 'the staff of this community: role assignments and their names')
    .selectFrom('role_assignments').innerJoin('users', 'users.id', 'role_assignments.user_id')
    .select(['users.id', 'users.full_name', 'role_assignments.role', 'role_assignments.settlement_id'])
    .where('role_assignments.community_id', '=', tenant.communityId).orderBy('users.id').execute();
  const withRole = (...roles: string[]): DemoActor[] => people.filter((p) => roles.includes(p.role)).map((p) => ({ userId: p.id, label: p.full_name }));
  const first = (...roles: string[][]): DemoActor => roles.map((r) => withRole(...r)[0]).find(Boolean) ?? { userId: null, label: 'demo seed' };
  const persons = residents.map((r) => ({
    kind: 'person' as const, psn: r.public_service_number, taxId: null, name: `${r.first_name} ${r.last_name}`, email: r.email,
    phone: r.phone ? r.phone.replace(/[\s()-]/g, '') : null, userId: null, settlementId: r.settlement_id,
    address: addressText({ settlement: r.settlement, street: r.street, number: r.number, unit: r.unit }),
  }));
  const staff: DemoStaff = {
    // Jermuk's demo staff has no operator or chief of staff: its specialist keeps the desk.
    desk: first(['operator'], ['chief_of_staff'], ['specialist']),
    settlementDesks: new Map(people.filter((p) => p.role === 'settlement_head' && p.settlement_id !== null).map((p) => [p.settlement_id!, { userId: p.id, label: p.full_name }])),
    chief: first(['chief_of_staff'], ['specialist'], ['head']),
    reviewers: withRole('specialist').length ? withRole('specialist') : [first(['chief_of_staff'], ['head'])],
    deciders: withRole('specialist', 'chief_of_staff', 'head'),
  };
  if (!staff.deciders.length) staff.deciders = [staff.chief];
  return {
    services: defs.map((d) => ({ id: d.id, versionId: d.version_id, code: d.code, spec: parseStoredSpec(d.spec), weight: WEIGHTS[d.code] ?? 1 })),
    persons,
    orgs: orgs.map((o) => ({ kind: 'organization', psn: null, taxId: o.tax_id, name: o.name, email: o.email, phone: o.phone ? o.phone.replace(/[\s()-]/g, '') : null, userId: null, settlementId: null, address: o.settlement ?? '' })),
    parcels: parcels.map((p) => p.cadastral_code),
    staff,
    citizens: new Map(),
  };
}

/** Links the demo citizen accounts (`emails`) to their namesakes in the register (verified PSN), as the desk would. */
export async function linkCitizens(raw: Transaction<Database>, world: World, emails: readonly string[]): Promise<string[]> {
  const users = unscoped(raw, 'demo citizen accounts are national; linking one to its register record sets verified_psn');
  const linked: string[] = [];
  for (const email of emails) {
    const user = await users.selectFrom('users').select(['id', 'full_name', 'email', 'phone', 'verified_psn']).where('email', '=', email).where('is_staff', '=', 0).executeTakeFirst();
    const person = user && world.persons.find((p) => p.name === user.full_name && (!user.verified_psn || p.psn === user.verified_psn));
    if (!user || !person) continue;
    if (!user.verified_psn) await users.updateTable('users').set({ verified_psn: person.psn }).where('id', '=', user.id).execute();
    world.citizens.set(email, { ...person, userId: user.id, email: user.email, phone: user.phone });
    linked.push(email);
  }
  return linked;
}

