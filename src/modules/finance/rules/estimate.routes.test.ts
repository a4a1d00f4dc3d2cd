// The public estimator over HTTP on both engines: the JSON answer for every kind with the
// rule it applied and its marks, bad input as a translated 400 in the API's error shape,
// and the page (no JavaScript, no sign-in) showing the amount, the reference and the mark.
import assert from 'node:assert/strict';
import { bothEngines, setup } from '../../../../test/helpers.ts';

interface Answer {
  amount: number; currency: string; year: number;
  rule: { kind: string; legalRef: string; verification: string; validFrom: string };
  basis: Record<string, unknown>;
  warnings: { code: string; message: string }[];
  error?: { code: string; message: string; fields: Record<string, string> };
}

bothEngines('GET /api/v1/finance/estimate: every kind, its rule and marks, bad input refused in the reader\'s language', async (t, engine) => {
  const { app } = await setup(t, engine);
  const ask = async (query: string, headers: Record<string, string> = {}) => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/finance/estimate?${query}`, headers });
    return { status: res.statusCode, body: res.json() as Answer };
  };

  const cases: [string, number, string, string[]][] = [
    ['kind=apartment&value=20000000&year=2026', 10_000, 'real_estate_brackets', ['to_check', 'provisional']],
    ['kind=house&value=8000000&year=2021', 1_000, 'real_estate_brackets', ['to_check']],
    ['kind=garage&value=1000000&year=2026', 500, 'real_estate_brackets', ['to_check', 'provisional']],
    ['kind=non_residential&value=1000000&year=2026', 500, 'real_estate_brackets', ['to_check', 'provisional']],
    ['kind=apartment&value=50000000&year=2015', 227_100, 'real_estate_brackets', ['to_check']],
    ['kind=land_agricultural&value=100000&year=2021', 15_000, 'land_tax', ['to_check']],
    ['kind=land&inside=true&value=10000000&year=2026', 100_000, 'land_tax', ['to_check', 'provisional']],
    ['kind=land&inside=false&value=10000000&year=2015', 50_000, 'land_tax', []],
    ['kind=land&inside=true&area=100&zone=3&year=2026', 139_425, 'land_tax', ['to_check', 'provisional']],
    ['kind=vehicle&class=car&hp=200&manufactured=2025&year=2026', 110_000, 'vehicle_tax', ['to_check']],
    ['kind=vehicle&class=car&kw=100&manufactured=2018&year=2026', 20_400, 'vehicle_tax', ['to_check']],
    ['kind=vehicle&class=bus_truck&hp=300&manufactured=2000&year=2026', 0, 'vehicle_tax', ['to_check']],
    ['kind=vehicle&class=bus_truck&body=bus&hp=300&manufactured=2000&year=2026', 30_000, 'vehicle_tax', ['to_check']],
    ['kind=vehicle&class=motorcycle&hp=50&manufactured=2024&year=2026', 2_000, 'vehicle_tax', ['to_check']],
    ['kind=vehicle&class=water_snow_quad&hp=100&manufactured=2024&year=2026', 15_000, 'vehicle_tax', ['to_check']],
  ];
  for (const [query, amount, kind, warnings] of cases) {
    const { status, body } = await ask(query);
    assert.equal(status, 200, query);
    assert.equal(body.amount, amount, query);
    assert.equal(body.currency, 'AMD');
    assert.equal(body.rule.kind, kind, query);
    assert.ok(body.rule.legalRef.length > 0 && /^\d{4}-\d{2}-\d{2}$/.test(body.rule.validFrom));
    assert.deepEqual(body.warnings.map((w) => w.code), warnings, query);
  }
  // 100 m² in zone 3: 13,942,500 drams of cadastral value, taxed at 1 %.
  assert.equal((await ask('kind=land&inside=true&area=100&zone=3&year=2026')).body.basis.cadastralValue, 13_942_500);
  const now = await ask('kind=apartment&value=1000000');
  assert.equal(now.body.year, new Date().getUTCFullYear(), 'the current tax year by default');

  const en = await ask('kind=apartment&value=20000000&year=2026', { 'accept-language': 'en' });
  assert.match(en.body.warnings.find((w) => w.code === 'provisional')!.message, /placeholder/);
  assert.match((await ask('kind=apartment&value=20000000&year=2026&lang=ru')).body.warnings[0]!.message, /проверки/);

  const bad: [string, string[]][] = [
    ['', ['kind']],
    ['kind=castle&value=1', ['kind']],
    ['kind=apartment', ['value']],
    ['kind=apartment&value=-5', ['value']],
    ['kind=apartment&value=1.5', ['value']],
    ['kind=apartment&value=1&year=20x6', ['year']],
    ['kind=apartment&value=1&year=1990', ['year']],
    ['kind=land&value=1', ['inside']],
    ['kind=land&inside=true', ['value']],
    ['kind=land&inside=true&area=10&zone=40&year=2026', ['zone']],
    ['kind=vehicle&class=car&manufactured=2020', ['hp']],
    ['kind=vehicle&class=car&hp=100&kw=70&manufactured=2020', ['hp']],
    ['kind=vehicle&class=tank&hp=100&manufactured=2020', ['class']],
    ['kind=vehicle&class=car&hp=100&manufactured=2030&year=2026', ['manufactured']],
  ];
  for (const [query, fields] of bad) {
    const { status, body } = await ask(query, { 'accept-language': 'en' });
    assert.equal(status, 400, query);
    assert.equal(body.error?.code, 'validation', query);
    assert.deepEqual(Object.keys(body.error!.fields), fields, query);
  }
  const hy = await ask('kind=apartment', { 'accept-language': 'hy' });
  assert.match(hy.body.error!.fields.value!, /դրամ/);
  const unknown = await ask('kind=apartment&value=1&colour=red');
  assert.equal(unknown.status, 400, 'an unknown parameter is refused');
  assert.ok(unknown.body.error?.fields.colour);

  const spec = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, unknown> };
  assert.ok(spec.paths['/api/v1/finance/estimate'], 'documented in the OpenAPI');
});

bothEngines('the estimator page on a community site: a GET form, the amount with its reference and mark', async (t, engine) => {
  const { app } = await setup(t, engine);
  const page = async (query: string) => app.inject({ method: 'GET', url: `/sisian/taxes/estimate${query}`, headers: { 'accept-language': 'en' } });
  const first = await page('');
  assert.equal(first.statusCode, 200);
  assert.match(first.body, /<form method="get" action="\/sisian\/taxes\/estimate"/);
  assert.doesNotMatch(first.body, /<script/, 'no JavaScript needed');
  assert.equal((await page('?kind=&year=2026&inside=true')).statusCode, 200, 'the form sent untouched is no error');
  assert.equal((await page('?value=5&year=2026')).statusCode, 400, 'a figure without a kind is');
  const shown = await page('?kind=apartment&value=20000000&year=2026&area=&zone=&hp=&kw=&manufactured=&class=&body=&inside=true');
  assert.equal(shown.statusCode, 200);
  const has = (body: string, text: string) => assert.ok(body.includes(text), `the page shows ${text}`);
  has(shown.body, '<strong>10\u00a0000\u00a0֏</strong>');
  has(shown.body, 'Tax Code ՀՕ-165-Ն');
  has(shown.body, 'To be checked');
  has(shown.body, 'placeholder was used');
  has(shown.body, '<dd>0.05</dd>');
  const hy = await app.inject({ method: 'GET', url: '/sisian/taxes/estimate?kind=apartment&value=20000000&year=2026&lang=hy' });
  has(hy.body, 'Ստուգման ենթակա');
  const wrong = await page('?kind=apartment&value=abc&year=2026');
  assert.equal(wrong.statusCode, 400);
  has(wrong.body, 'error-summary');
  has(wrong.body, 'Enter the amount in whole drams');
  assert.equal((await app.inject({ method: 'GET', url: '/nowhere/taxes/estimate' })).statusCode, 404);
});
