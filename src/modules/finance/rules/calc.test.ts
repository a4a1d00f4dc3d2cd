// The calculations against the shipped national defaults, as tables: every bracket at its
// edges, both table shapes, the phase-in years, land in and outside settlements, the vehicle
// bands, the age reduction and the final rounding (whole drams, half up).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dueDate, exemptionFor, landCadastralValue, landTax, realEstateTax, vehicleTax, type VehicleInput } from './calc.ts';
import { RuleMissingError } from './rules.service.ts';
import { defaults } from './rules.testkit.ts';
import type { PropertyKind } from './rules.types.ts';
import { NATIONAL_DEFAULTS } from './rules.seed.ts';
import { checkRuleData } from './rules.data.schemas.ts';

const M = 1_000_000;
type Case = [year: number, kind: PropertyKind, base: number, amount: number];

test('the pre-2021 tables: fixed sum plus marginal rate, edges belong to the bracket below', () => {
  const cases: Case[] = [
    [2015, 'apartment', 0, 0], [2015, 'apartment', 2_999_999, 0], [2015, 'apartment', 3 * M, 0], [2015, 'apartment', 3 * M + 1, 100],
    [2015, 'apartment', 3 * M + 500, 101], [2015, 'apartment', 10 * M - 1, 7_100], [2015, 'apartment', 10 * M, 7_100],
    [2015, 'apartment', 10 * M + 1, 7_100], [2015, 'house', 15 * M, 17_100], [2015, 'house', 20 * M - 1, 27_100],
    [2015, 'house', 20 * M, 27_100], [2015, 'house', 20 * M + 250, 27_101], [2015, 'apartment', 30 * M, 67_100],
    [2015, 'apartment', 30 * M + 1_000, 67_106], [2015, 'apartment', 40 * M, 127_100], [2015, 'apartment', 40 * M + 50, 127_101],
    [2015, 'apartment', 50 * M, 227_100],
    // The older wording: 0.8 % over 40 M, flat rates for garages and industrial buildings.
    [2005, 'apartment', 40 * M, 127_100], [2005, 'apartment', 50 * M, 207_100], [2005, 'garage', M, 2_000], [2005, 'industrial', 10 * M, 60_000],
  ];
  for (const [year, kind, base, amount] of cases) {
    const r = realEstateTax(defaults(year), { propertyKind: kind, base, year });
    assert.equal(r.amount, amount, `${year} ${kind} ${base}`);
    assert.equal(r.rule.kind, 'real_estate_brackets');
    assert.equal(r.basis.phaseInPct, 100, 'no phase-in before 2021');
  }
  const r = realEstateTax(defaults(2015), { propertyKind: 'apartment', base: 25 * M });
  assert.deepEqual([r.basis.bracketFrom, r.basis.bracketFixed, r.basis.bracketRatePct], [20 * M, 27_100, 0.4]);
  assert.deepEqual(r.warnings, ['to_check'], 'the years of the old tables are not known');
  assert.throws(() => realEstateTax(defaults(2015), { propertyKind: 'industrial', base: M }), RuleMissingError, 'no figure was read for 2010–2020');
});

test('the current table: 0.05 % up to 10 M, the continuation above is provisional and says so', () => {
  const cases: [number, number, string[]][] = [
    [9_999_999, 5_000, ['to_check']], [10 * M, 5_000, ['to_check']], [10 * M + 1, 5_000, ['to_check', 'provisional']], [20 * M, 10_000, ['to_check', 'provisional']],
  ];
  for (const [base, amount, warnings] of cases) {
    const r = realEstateTax(defaults(2026), { propertyKind: 'apartment', base });
    assert.equal(r.amount, amount, `base ${base}`);
    assert.deepEqual(r.warnings, warnings, `base ${base}`);
    assert.match(r.rule.legalRef, /ՀՕ-165-Ն/);
    assert.equal(r.rule.verification, 'to_check');
  }
  for (const kind of ['non_residential', 'industrial', 'public', 'garage', 'garden_house'] as const) {
    assert.deepEqual(realEstateTax(defaults(2026), { propertyKind: kind, base: M }).warnings, ['to_check', 'provisional'], kind);
  }
});

test('the phase-in share by year, 2026 and later in full', () => {
  const byYear: [number, number][] = [[2021, 2_500], [2022, 3_000], [2023, 3_500], [2024, 5_000], [2025, 7_500], [2026, 10_000], [2031, 10_000]];
  for (const [year, amount] of byYear) {
    const r = realEstateTax(defaults(year), { propertyKind: 'house', base: 20 * M });
    assert.equal(r.amount, amount, String(year));
    assert.deepEqual(r.applied.map((a) => a.kind), ['real_estate_brackets', 'phase_in']);
  }
});

test('whole drams at the end, half up', () => {
  // 2021: base × 0.05 % × 25 % = base / 8,000.
  for (const [base, amount] of [[3_999, 0], [4_000, 1], [11_999, 1], [12_000, 2], [12_001, 2]] as const) {
    assert.equal(realEstateTax(defaults(2021), { propertyKind: 'apartment', base }).amount, amount, `base ${base}`);
  }
  // 2026: 9,999,999 × 0.05 % = 4,999.9995, exact and not a float's 4,999.99949…
  assert.equal(realEstateTax(defaults(2026), { propertyKind: 'apartment', base: 9_999_999 }).basis.rounding, 'half_up');
  assert.throws(() => realEstateTax(defaults(2026), { propertyKind: 'apartment', base: 1.5 }), RangeError);
  assert.throws(() => realEstateTax(defaults(2026), { propertyKind: 'apartment', base: -1 }), RangeError);
  assert.throws(() => realEstateTax(defaults(2026), { propertyKind: 'apartment', base: 1, year: 2025 }), RangeError);
});

test('land: agricultural on net income outside the phase-in, other land inside and outside settlements', () => {
  const agri = (year: number) => landTax(defaults(year), { purpose: 'agricultural', insideSettlement: true, netIncome: 100_000 });
  assert.equal(agri(2021).amount, 15_000, 'no phase-in for agricultural land');
  assert.equal(agri(2026).amount, 15_000);
  assert.deepEqual(agri(2026).warnings, ['to_check']);
  assert.deepEqual(agri(2015).warnings, [], 'the old law was read');
  const land = (year: number, insideSettlement: boolean) => landTax(defaults(year), { purpose: 'industry', insideSettlement, cadastralValue: 10 * M });
  assert.equal(land(2015, true).amount, 100_000);
  assert.equal(land(2015, false).amount, 50_000);
  assert.equal(land(2021, true).amount, 25_000, 'phased in');
  assert.equal(land(2026, true).amount, 100_000);
  assert.equal(land(2026, false).amount, 50_000);
  assert.deepEqual(land(2026, true).warnings, ['to_check', 'provisional']);
  assert.throws(() => landTax(defaults(2026), { purpose: 'agricultural', insideSettlement: false, cadastralValue: M }), RangeError);
});

test('the cadastral value of land by zone', () => {
  const cz = (areaM2: number, zone: number) => landCadastralValue(defaults(2026), { areaM2, zone }).amount;
  assert.equal(cz(100, 1), 33_000_000);
  assert.equal(cz(100, 2), 21_450_000);
  assert.equal(cz(100, 3), 13_942_500);
  assert.equal(cz(1, 10), 6_834, '330,000 × 0.02071 = 6,834.3');
  assert.equal(cz(0.5, 1), 165_000);
  assert.throws(() => cz(100, 20), RuleMissingError);
  assert.throws(() => landCadastralValue(defaults(2019), { areaM2: 1, zone: 1 }), RuleMissingError, 'before HO-225-N');
});

test('vehicles: bands, the surcharge above 150 hp, kW × 1.36, age and old trucks', () => {
  const car = (hp: number, manufactured = 2025): VehicleInput => ({ vehicleClass: 'car', hp, manufactured });
  const cases: [VehicleInput, number][] = [
    [car(1), 200], [car(119), 23_800], [car(120), 24_000], [car(121), 36_300], [car(150), 45_000], [car(151), 46_300],
    [car(249), 173_700], [car(250), 175_000], [car(251), 226_500], [car(300), 300_000],
    [{ vehicleClass: 'car', kw: 100, manufactured: 2025 }, 40_800],
    [{ vehicleClass: 'car', kw: 88.2, manufactured: 2025 }, 23_990], // 119.952 hp, first band
    [{ vehicleClass: 'car', kw: 88.5, manufactured: 2025 }, 36_108], // 120.36 hp: above 120
    [{ vehicleClass: 'bus_truck', hp: 200, manufactured: 2025 }, 20_000], [{ vehicleClass: 'bus_truck', hp: 201, manufactured: 2025 }, 40_200],
    [{ vehicleClass: 'motorcycle', hp: 50, manufactured: 2025 }, 2_000], [{ vehicleClass: 'water_snow_quad', hp: 100, manufactured: 2025 }, 15_000],
    // Age = tax year − year of manufacture: full up to 3, then −10 % a year, at most −50 %.
    [car(100, 2026), 20_000], [car(100, 2023), 20_000], [car(100, 2022), 18_000], [car(100, 2021), 16_000],
    [car(100, 2019), 12_000], [car(100, 2018), 10_000], [car(100, 1990), 10_000],
    [{ vehicleClass: 'bus_truck', hp: 100, manufactured: 2006 }, 5_000], [{ vehicleClass: 'bus_truck', hp: 100, manufactured: 2005 }, 0],
    [{ vehicleClass: 'bus_truck', body: 'bus', hp: 100, manufactured: 2000 }, 5_000],
  ];
  for (const [input, amount] of cases) assert.equal(vehicleTax(defaults(2026), input).amount, amount, JSON.stringify(input));
  const old = vehicleTax(defaults(2026), { vehicleClass: 'bus_truck', hp: 100, manufactured: 2005 });
  assert.equal(old.basis.exempt, 'truck_age');
  assert.deepEqual(vehicleTax(defaults(2026), car(100)).warnings, ['to_check']);
  assert.deepEqual(vehicleTax(defaults(2015), { ...car(100, 2014) }).warnings, [], 'the old law was read');
  assert.throws(() => vehicleTax(defaults(2026), { vehicleClass: 'car', manufactured: 2020 }), RangeError);
  assert.throws(() => vehicleTax(defaults(2026), { vehicleClass: 'car', hp: 100, kw: 70, manufactured: 2020 }), RangeError);
  assert.throws(() => vehicleTax(defaults(2026), car(100, 2027)), RangeError);
  assert.throws(() => vehicleTax(defaults(2026), car(0)), RangeError);
});

test('due dates and exemptions', () => {
  assert.equal(dueDate(defaults(2026), 'real_estate', 2026), '2026-12-01');
  assert.equal(dueDate(defaults(2024), 'vehicle'), '2024-12-01');
  assert.throws(() => dueDate(defaults(2015), 'land'), RuleMissingError, 'the old due dates were not found');
  const rs = defaults(2026);
  assert.deepEqual([exemptionFor(rs, { kind: 'community' }).exempt, exemptionFor(rs, { kind: 'community' }).reason], [true, 'owner:community']);
  assert.equal(exemptionFor(rs, { kind: 'organization', legalForm: 'state_body' }).reason, 'legal_form:state_body');
  assert.equal(exemptionFor(rs, { kind: 'organization', legalForm: 'llc' }).exempt, false);
  assert.equal(exemptionFor(rs, { kind: 'resident' }).exempt, false);
  assert.equal(exemptionFor(rs, { kind: 'resident' }).rule.verification, 'to_check');
});

test('every shipped default fits the shape its editor demands', () => {
  for (const r of NATIONAL_DEFAULTS) assert.ok(checkRuleData(r.kind, r.data), `${r.kind} from ${r.validFrom}`);
  for (const r of NATIONAL_DEFAULTS) assert.ok(r.legalRef && r.source, `${r.kind} from ${r.validFrom} cites its law and source`);
});
