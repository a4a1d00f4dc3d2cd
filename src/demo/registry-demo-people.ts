// The gazetteer and population of the registers demo, generated in memory: streets,
// addresses with coordinates, apartments, households of related people and their life
// events. Rows refer to each other by array index; registry-demo.ts turns them into ids.
import type { LifeEventKind, Relationship, ResidentStatus, Sex } from '../modules/registry/registry.table.ts';
import { romanizeArmenian } from '../platform/search/romanize.ts';
import { FEMALE_NAMES, MALE_NAMES, SETTLEMENT_COORDS, STREETS, SURNAMES, type Rng } from './registry-demo-data.ts';

/** Birth dates are counted back from this year, so the demo is the same on every run. */
export const REF_YEAR = 2025;

export interface DemoSettlement {
  id: number;
  name_en: string;
  kind: string;
  postcode: string | null;
}

export interface PlanStreet { settlementId: number; name_hy: string; name_en: string; name_ru: string }
export interface PlanAddress { settlementId: number; street: number; number: string; postcode: string | null; lat: number; lon: number; units: number; house: boolean }
export interface PlanUnit { address: number; number: string }
export interface PlanHousehold { settlementId: number; address: number; unit: number | null }
export interface PlanEvent { kind: LifeEventKind; on_date: string; reason: string | null }
export interface PlanResident {
  last_name: string; first_name: string; patronymic: string | null;
  birth_date: string; sex: Sex; public_service_number: string; id_document: string | null;
  phone: string | null; email: string | null; settlementId: number; address: number; unit: number | null;
  household: number | null; relationship: Relationship | null; status: ResidentStatus; events: PlanEvent[];
}

export interface PeoplePlan {
  streets: PlanStreet[];
  addresses: PlanAddress[];
  units: PlanUnit[];
  households: PlanHousehold[];
  residents: PlanResident[];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function birthDate(rng: Rng, age: number): string {
  return `${REF_YEAR - age}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
}

/** A unique 10-digit number not starting with 0 (ՀԾՀ, ՀՎՀՀ need 8: pass digits). */
export function uniqueDigits(rng: Rng, used: Set<string>, digits: number): string {
  for (;;) {
    let s = String(rng.int(1, 9));
    while (s.length < digits) s += String(rng.int(0, 9));
    if (!used.has(s)) {
      used.add(s);
      return s;
    }
  }
}

function near(rng: Rng, centre: readonly [number, number], spread: number): [number, number] {
  return [Number((centre[0] + (rng.next() - 0.5) * spread).toFixed(6)), Number((centre[1] + (rng.next() - 0.5) * spread * 1.3).toFixed(6))];
}

export function generatePeople(rng: Rng, settlements: DemoSettlement[], householdTarget: number, residentTarget: number, usedPsn: Set<string>): PeoplePlan {
  const plan: PeoplePlan = { streets: [], addresses: [], units: [], households: [], residents: [] };
  const streetsOf = new Map<number, number[]>();
  const houseNo = new Map<number, number>();
  for (const s of settlements) {
    const count = s.kind === 'town' ? STREETS.length : 4;
    const offset = s.kind === 'town' ? 0 : rng.int(0, STREETS.length - 1);
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const [hy, en, ru] = STREETS[(offset + i) % STREETS.length]!;
      ids.push(plan.streets.push({ settlementId: s.id, name_hy: hy, name_en: en, name_ru: ru }) - 1);
    }
    streetsOf.set(s.id, ids);
  }
  const town = settlements.find((s) => s.kind === 'town') ?? settlements[0]!;

  const newAddress = (s: DemoSettlement, units: number): number => {
    const street = rng.pick(streetsOf.get(s.id)!);
    const n = (houseNo.get(street) ?? 0) + rng.int(1, 3);
    houseNo.set(street, n);
    const [lat, lon] = near(rng, SETTLEMENT_COORDS[s.name_en] ?? [40.18, 44.51], s.kind === 'town' ? 0.02 : 0.008);
    const idx = plan.addresses.push({ settlementId: s.id, street, number: String(n), postcode: s.postcode, lat, lon, units, house: units === 0 }) - 1;
    for (let u = 1; u <= units; u++) plan.units.push({ address: idx, number: String(u) });
    return idx;
  };

  // Apartment buildings of the town: 16 flats each, filled in order.
  let building = -1;
  let flat = 16;
  let firstUnit = 0;
  const nextFlat = (): [number, number] => {
    if (flat >= 16) {
      firstUnit = plan.units.length;
      building = newAddress(town, 16);
      flat = 0;
    }
    return [building, firstUnit + flat++];
  };

  const person = (h: number, relationship: Relationship, sex: Sex, age: number, last: string, patronymic: string | null, first?: string): PlanResident => {
    const hh = plan.households[h]!;
    const adult = age >= 18;
    const r: PlanResident = {
      last_name: last,
      first_name: first ?? (sex === 'M' ? rng.pick(MALE_NAMES)[0] : rng.pick(FEMALE_NAMES)),
      patronymic,
      birth_date: birthDate(rng, age),
      sex,
      public_service_number: uniqueDigits(rng, usedPsn, 10),
      id_document: age >= 16 && rng.chance(0.85) ? (rng.chance(0.5) ? `AN${rng.int(1000000, 9999999)}` : `0${rng.int(10000000, 99999999)}`) : null,
      phone: adult && rng.chance(0.6) ? `+374 9${rng.int(1, 9)} ${rng.int(100, 999)} ${rng.int(100, 999)}` : null,
      email: adult && age < 60 && rng.chance(0.2) ? `${romanizeArmenian(last).toLowerCase()}${rng.int(1, 999)}@example.am` : null,
      settlementId: hh.settlementId,
      address: hh.address,
      unit: hh.unit,
      household: h,
      relationship,
      status: 'registered',
      events: [],
    };
    r.events.push({ kind: 'registered', on_date: age < 20 ? r.birth_date : `${REF_YEAR - rng.int(1, 20)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`, reason: null });
    plan.residents.push(r);
    return r;
  };

  const weights = settlements.map((s) => (s.kind === 'town' ? 6 : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  for (let h = 0; plan.households.length < householdTarget || plan.residents.length < residentTarget; h++) {
    let x = rng.next() * total;
    let si = 0;
    while (x >= weights[si]!) x -= weights[si++]!;
    const s = settlements[si]!;
    const flatOrHouse = s.id === town.id && rng.chance(0.4) ? nextFlat() : [newAddress(s, 0), null] as const;
    plan.households.push({ settlementId: s.id, address: flatOrHouse[0], unit: flatOrHouse[1] });

    const last = rng.pick(SURNAMES);
    const headAge = 23 + Math.floor(((rng.next() + rng.next()) / 2) * 64);
    const headSex: Sex = rng.chance(0.8) ? 'M' : 'F';
    const headMale = headSex === 'M' ? rng.pick(MALE_NAMES) : null;
    person(h, 'head', headSex, headAge, last, rng.pick(MALE_NAMES)[1], headMale?.[0]);
    const childPatronymic = headMale ? headMale[1] : rng.pick(MALE_NAMES)[1];
    let motherAge = headSex === 'F' ? headAge : null;
    if (headSex === 'M' && rng.chance(headAge < 75 ? 0.85 : 0.45)) {
      const age = Math.max(19, headAge - rng.int(-2, 7));
      person(h, 'spouse', 'F', age, last, rng.pick(MALE_NAMES)[1]);
      motherAge = age;
    }
    if (motherAge !== null && motherAge < 75) {
      const children = motherAge < 45 ? rng.int(1, 4) : rng.int(0, 3);
      for (let c = 0; c < children; c++) {
        const age = motherAge - rng.int(20, 38);
        if (age < 0 || (age > 28 && rng.chance(0.6))) continue;
        const child = person(h, 'child', rng.chance(0.51) ? 'M' : 'F', age, last, childPatronymic);
        if (child.sex === 'M' && age >= 23 && rng.chance(0.35)) {
          const [, genitive] = MALE_NAMES.find(([n]) => n === child.first_name)!;
          person(h, 'grandchild', rng.chance(0.5) ? 'M' : 'F', rng.int(0, Math.min(6, age - 21)), last, genitive);
        }
      }
    }
    if (headAge < 62 && rng.chance(0.25)) person(h, 'parent', rng.chance(0.7) ? 'F' : 'M', Math.min(95, headAge + rng.int(22, 32)), last, rng.pick(MALE_NAMES)[1]);
  }

  // A few people left the community, died, moved within it or had a record corrected.
  for (const r of plan.residents) {
    if (r.relationship === 'head') continue;
    const age = REF_YEAR - Number(r.birth_date.slice(0, 4));
    const when = `${REF_YEAR - rng.int(0, 4)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
    if (age >= 70 && rng.chance(0.06)) {
      Object.assign(r, { status: 'deceased', household: null, relationship: null });
      r.events.push({ kind: 'died', on_date: when, reason: 'Մահվան վկայական' });
    } else if (age >= 18 && age < 45 && rng.chance(0.04)) {
      Object.assign(r, { status: 'moved_out', household: null, relationship: null });
      r.events.push({ kind: 'moved_out', on_date: when, reason: rng.pick(['Տեղափոխվել է Երևան', 'Տեղափոխվել է արտերկիր', 'Ամուսնություն']) });
    } else if (rng.chance(0.01)) {
      r.events.push({ kind: 'corrected', on_date: when, reason: 'Անձնագրային տվյալների ճշգրտում' });
    }
  }
  return plan;
}
