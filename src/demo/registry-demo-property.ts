// Property, organizations and community assets of the registers demo, generated in
// memory over the people plan: land parcels (residential under houses, agricultural
// outside the settlements), houses and apartments, owners in shares, leases.
import type { LandPurpose } from '../modules/registry/registry.table.ts';
import { ASSET_NAMES, FEMALE_NAMES, LEGAL_FORMS, MALE_NAMES, ORG_ROOTS, SETTLEMENT_COORDS, SURNAMES, type Rng } from './registry-demo-data.ts';
import { REF_YEAR, uniqueDigits, type DemoSettlement, type PeoplePlan } from './registry-demo-people.ts';

export type PlanOwner = { type: 'resident'; ref: number } | { type: 'organization'; ref: number } | { type: 'community' } | { type: 'other'; name: string };
export interface PlanOrg { tax_id: string; name: string; legal_form: string; is_entrepreneur: number; address: number; settlementId: number; activity: string; phone: string | null; email: string | null }
export interface PlanParcel { cadastral_code: string; settlementId: number; address: number | null; area_m2: number; purpose: LandPurpose; inside_settlement: number; cadastral_value: number; net_income: number | null; lat: number; lon: number }
export interface PlanStructure { kind: 'building' | 'apartment'; cadastral_code: string; parcel: number; address: number; unit: number | null; area_m2: number; purpose: string; cadastral_value: number; market_value: number; lat: number; lon: number }
export interface PlanOwnership { object: 'parcel' | 'structure'; ref: number; owner: PlanOwner; num: number; den: number; valid_from: string }
export interface PlanAsset { name: string; kind: (typeof ASSET_NAMES)[number][1]; parcel: number | null; address: number | null; book_value: number; acquired_on: string }
export interface PlanLease { asset: number; tenant: PlanOwner; tenant_name: string; starts_on: string; ends_on: string; rent: number; rent_period: 'month' | 'year'; status: 'draft' | 'active' | 'ended' }

export interface PropertyPlan {
  organizations: PlanOrg[];
  parcels: PlanParcel[];
  structures: PlanStructure[];
  ownerships: PlanOwnership[];
  assets: PlanAsset[];
  leases: PlanLease[];
}

export interface PropertyTargets { marz: string; parcels: number; structures: number; organizations: number; assets: number; leases: number }

const FORM_SUFFIX: Record<string, string> = { llc: 'ՍՊԸ', cjsc: 'ՓԲԸ', ngo: 'ՀԿ', foundation: 'հիմնադրամ' };
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const someDay = (rng: Rng, from: number, to: number) => `${rng.int(from, to)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
const round = (n: number, step: number) => Math.round(n / step) * step;

export function generateProperty(rng: Rng, people: PeoplePlan, settlements: DemoSettlement[], n: PropertyTargets, usedTaxIds: Set<string>): PropertyPlan {
  const plan: PropertyPlan = { organizations: [], parcels: [], structures: [], ownerships: [], assets: [], leases: [] };
  const code = new Map(settlements.map((s, i) => [s.id, `${n.marz}-${pad(i + 1, 3)}`]));
  const counter = new Map<number, number>();
  const nextCode = (settlementId: number, outside: boolean) => {
    const i = counter.get(settlementId + (outside ? 0.5 : 0)) ?? 0;
    counter.set(settlementId + (outside ? 0.5 : 0), i + 1);
    return `${code.get(settlementId)}-${pad(Math.floor(i / 60) + (outside ? 501 : 1), 4)}-${pad((i % 60) + 1, 4)}`;
  };

  // Adults still registered, by household and by unit: the likely owners.
  const adultsOf = new Map<number, number[]>();
  people.residents.forEach((r, i) => {
    if (r.household === null || REF_YEAR - Number(r.birth_date.slice(0, 4)) < 18) return;
    adultsOf.set(r.household, [...(adultsOf.get(r.household) ?? []), i]);
  });
  const householdAt = new Map<string, number>(people.households.map((h, i) => [`${h.address}:${h.unit ?? ''}`, i]));
  const allAdults = [...adultsOf.values()].flat();

  // Organizations: companies first, then individual entrepreneurs.
  for (let i = 0; i < n.organizations; i++) {
    const entrepreneur = i >= Math.ceil(n.organizations * 0.6);
    const address = rng.int(0, people.addresses.length - 1);
    const [root, activity] = ORG_ROOTS[i % ORG_ROOTS.length]!;
    const form = entrepreneur ? 'entrepreneur' : rng.pick(LEGAL_FORMS);
    const variant = Math.floor(i / ORG_ROOTS.length);
    const name = entrepreneur
      ? `${rng.chance(0.7) ? rng.pick(MALE_NAMES)[0] : rng.pick(FEMALE_NAMES)} ${rng.pick(SURNAMES)} Ա/Ձ`
      : `«${root}${variant ? ` ${['', 'Գրուպ', 'Սերվիս', 'Պլյուս'][variant] ?? variant}` : ''}» ${FORM_SUFFIX[form]}`;
    plan.organizations.push({
      tax_id: uniqueDigits(rng, usedTaxIds, 8),
      name, legal_form: form, is_entrepreneur: entrepreneur ? 1 : 0, address, settlementId: people.addresses[address]!.settlementId, activity,
      phone: `+374 ${rng.int(10, 99)} ${rng.int(100, 999)} ${rng.int(100, 999)}`,
      email: rng.chance(0.5) ? `info${i + 1}@org${rng.int(100, 999)}.example.am` : null,
    });
  }

  const own = (object: 'parcel' | 'structure', ref: number, candidates: number[]) => {
    const valid_from = someDay(rng, 1995, 2024);
    const push = (owner: PlanOwner, num: number, den: number) => plan.ownerships.push({ object, ref, owner, num, den, valid_from });
    const roll = rng.next();
    if (roll < 0.06 && plan.organizations.length) push({ type: 'organization', ref: rng.int(0, plan.organizations.length - 1) }, 1, 1);
    else if (!candidates.length) push(rng.chance(0.5) ? { type: 'community' } : { type: 'other', name: `${rng.pick(SURNAMES)} ${rng.pick(FEMALE_NAMES)}` }, 1, 1);
    else if (candidates.length >= 3 && roll < 0.18) candidates.slice(0, 3).forEach((c) => push({ type: 'resident', ref: c }, 1, 3));
    else if (candidates.length >= 2 && roll < 0.5) candidates.slice(0, 2).forEach((c) => push({ type: 'resident', ref: c }, 1, 2));
    else push({ type: 'resident', ref: candidates[0]! }, 1, 1);
  };

  // Residential parcels under houses, each with (mostly) a house on it.
  const houses = people.addresses.map((a, i) => ({ a, i })).filter((x) => x.a.house);
  const residential = houses.slice(0, Math.floor(n.parcels * 0.5));
  for (const { a, i } of residential) {
    const area = round(rng.int(400, 2500), 10);
    const p = plan.parcels.push({
      cadastral_code: nextCode(a.settlementId, false), settlementId: a.settlementId, address: i, area_m2: area, purpose: 'residential',
      inside_settlement: 1, cadastral_value: round(area * rng.int(300, 1500), 1000), net_income: null, lat: a.lat, lon: a.lon,
    }) - 1;
    const h = householdAt.get(`${i}:`);
    const owners = h === undefined ? [] : (adultsOf.get(h) ?? []);
    own('parcel', p, owners);
    if (plan.structures.length < n.structures && rng.chance(0.85)) {
      const sArea = rng.int(80, 260);
      const value = round(sArea * rng.int(80_000, 200_000), 10_000);
      const s = plan.structures.push({
        kind: 'building', cadastral_code: `${plan.parcels[p]!.cadastral_code}-001`, parcel: p, address: i, unit: null, area_m2: sArea, purpose: 'residential',
        cadastral_value: round(value * 0.6, 1000), market_value: value, lat: a.lat, lon: a.lon,
      }) - 1;
      own('structure', s, owners);
    }
  }

  // Apartment buildings: the land is the community's, each flat is owned on its own.
  people.addresses.forEach((a, i) => {
    if (a.house) return;
    const area = round(rng.int(800, 2000), 10);
    const p = plan.parcels.push({
      cadastral_code: nextCode(a.settlementId, false), settlementId: a.settlementId, address: i, area_m2: area, purpose: 'residential',
      inside_settlement: 1, cadastral_value: round(area * 1200, 1000), net_income: null, lat: a.lat, lon: a.lon,
    }) - 1;
    plan.ownerships.push({ object: 'parcel', ref: p, owner: { type: 'community' }, num: 1, den: 1, valid_from: '1996-01-01' });
    people.units.forEach((u, ui) => {
      if (u.address !== i || plan.structures.length >= n.structures) return;
      const sArea = rng.int(40, 110);
      const value = round(sArea * rng.int(150_000, 300_000), 10_000);
      const s = plan.structures.push({
        kind: 'apartment', cadastral_code: `${plan.parcels[p]!.cadastral_code}-001-${u.number}`, parcel: p, address: i, unit: ui, area_m2: sArea,
        purpose: 'residential', cadastral_value: round(value * 0.6, 1000), market_value: value, lat: a.lat, lon: a.lon,
      }) - 1;
      const h = householdAt.get(`${i}:${ui}`);
      own('structure', s, h === undefined ? [] : (adultsOf.get(h) ?? []));
    });
  });

  // Agricultural land (and some pasture, forest) outside the settlements.
  const communityLand: number[] = [];
  while (plan.parcels.length < n.parcels) {
    const s = rng.pick(settlements);
    const [lat, lon] = SETTLEMENT_COORDS[s.name_en] ?? [40.18, 44.51];
    const area = round(rng.int(2000, 40_000), 10);
    const purpose: LandPurpose = rng.chance(0.9) ? 'agricultural' : rng.pick(['forest', 'other', 'energy'] as const);
    const p = plan.parcels.push({
      cadastral_code: nextCode(s.id, true), settlementId: s.id, address: null, area_m2: area, purpose, inside_settlement: 0,
      cadastral_value: round(area * rng.int(50, 200), 1000), net_income: purpose === 'agricultural' ? round(area * rng.int(5, 20), 100) : null,
      lat: Number((lat + (rng.next() - 0.5) * 0.08).toFixed(6)), lon: Number((lon + (rng.next() - 0.5) * 0.1).toFixed(6)),
    }) - 1;
    if (rng.chance(0.15)) {
      communityLand.push(p);
      plan.ownerships.push({ object: 'parcel', ref: p, owner: { type: 'community' }, num: 1, den: 1, valid_from: '1996-01-01' });
    } else {
      const start = rng.int(0, Math.max(0, allAdults.length - 3));
      own('parcel', p, allAdults.slice(start, start + rng.int(1, 3)));
    }
  }

  // Community assets and their leases.
  for (let i = 0; i < n.assets; i++) {
    const [name, kind] = ASSET_NAMES[i % ASSET_NAMES.length]!;
    const parcel = kind === 'land' && communityLand.length ? communityLand[i % communityLand.length]! : null;
    const address = kind === 'building' || kind === 'premises' ? rng.int(0, people.addresses.length - 1) : null;
    plan.assets.push({ name, kind, parcel, address, book_value: round(rng.int(2_000_000, 150_000_000), 100_000), acquired_on: someDay(rng, 1996, 2022) });
  }
  const statuses = ['active', 'ended', 'active', 'draft', 'active', 'ended', 'active', 'active'] as const;
  for (let i = 0; i < n.leases; i++) {
    const status = statuses[i % statuses.length]!;
    const byOrg = plan.organizations.length > 0 && (i % 3 !== 2 || !allAdults.length);
    const orgRef = i % Math.max(1, plan.organizations.length);
    const resRef = allAdults[(i * 37) % Math.max(1, allAdults.length)]!;
    const r = people.residents[resRef];
    const [from, to] = status === 'ended' ? [2017, 2020] : status === 'draft' ? [2026, 2026] : [2022, 2025];
    const starts = someDay(rng, from, to);
    plan.leases.push({
      asset: i % plan.assets.length,
      tenant: byOrg ? { type: 'organization', ref: orgRef } : { type: 'resident', ref: resRef },
      tenant_name: byOrg ? plan.organizations[orgRef]!.name : `${r!.last_name} ${r!.first_name}`,
      starts_on: starts, ends_on: `${Number(starts.slice(0, 4)) + (status === 'ended' ? rng.int(2, 4) : rng.int(5, 10))}${starts.slice(4)}`,
      rent: round(rng.int(20_000, 600_000), 1000), rent_period: rng.chance(0.6) ? 'month' : 'year', status,
    });
  }
  return plan;
}
