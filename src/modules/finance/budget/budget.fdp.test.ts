// The Fiscal Data Package export, as a visitor downloads it, against the real spec: the
// descriptor validates with the vendored FDP v0.3 JSON Schema (fixtures/fdp), each
// resource's schema with Table Schema v1; each CSV's header is its schema's field names in
// order, its values have the declared types, every measure and dimension points at real
// columns, classification codes are dot-separated, and the figures are the budget's.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import AjvModule from 'ajv';
import { parse } from 'csv-parse/sync';
import { bothEngines, setup } from '../../../../test/helpers.ts';
import { createBudget, importExecution } from './budget.service.ts';
import { ACTOR, EXEC_HEADER, YEAR, adoptedBudget, csv } from './budget.testkit.ts';

// ajv is CommonJS: its class is the module's default export.
const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as typeof AjvModule.default;

function schema(file: string, id: string): Record<string, unknown> {
  const { $schema: _draft, ...rest } = JSON.parse(fs.readFileSync(new URL(`./fixtures/fdp/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>;
  return { ...rest, $id: id };
}

const ajv = new Ajv({ strict: false, allErrors: true });
// Upstream removed `define.base` from definitions.json (fcd4f06) while fiscal-data-package.json still refers to
// it; it is put back as it was defined just before (be4e925): a string. See fixtures/fdp/README.md.
const definitions = schema('definitions.json', 'https://schemas.frictionlessdata.io/definitions.json') as { define: Record<string, unknown> };
definitions.define.base ??= { title: 'Base', description: 'A base URI or path for resource paths in this package.', type: 'string' };
ajv.addSchema(definitions);
const validatePackage = ajv.compile(schema('fiscal-data-package.json', 'https://schemas.frictionlessdata.io/fiscal-data-package.json'));
const validateTableSchema = ajv.compile(schema('tableschema.json', 'https://specs.frictionlessdata.io/profiles/1.0/tableschema.json'));

interface Resource { name: string; path: string; schema: { fields: { name: string; type: string }[] } }
interface Attribute { source: string; resource?: string }

bothEngines('budget: the Fiscal Data Package validates against the spec and agrees with its CSV', async (t, engine) => {
  const env = await setup(t, engine);
  const { tenant, budgetId } = await adoptedBudget(env);
  await importExecution(tenant, ACTOR, budgetId, 'exec.csv', csv([EXEC_HEADER, ['01.1.1', '4111', 'administrative', `${YEAR}-01`, 480_000], ['04.5.1', '5113', 'fund', `${YEAR}-02`, 1_000_000]]));
  const base = `/api/v1/communities/sisian/budget/${budgetId}`;
  const res = await env.app.inject({ method: 'GET', url: `${base}/datapackage.json` });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /application\/json/);
  const pkg = res.json() as { resources: Resource[]; model: { measures: Record<string, Attribute & { currency: string; direction: string; phase: string }>; dimensions: Record<string, { attributes: Record<string, Attribute>; dimensionType: string; classificationType?: string }> }; countryCode: string; granularity: string; fiscalPeriod: { start: string; end: string } };

  assert.ok(validatePackage(pkg), `FDP v0.3 schema: ${JSON.stringify(validatePackage.errors)}`);
  assert.deepEqual([pkg.countryCode, pkg.granularity, pkg.fiscalPeriod], ['AM', 'aggregated', { start: `${YEAR}-01-01`, end: `${YEAR}-12-31` }]);
  assert.deepEqual(Object.keys(pkg.model.measures).sort(), ['adjusted_expenditure', 'adjusted_revenue', 'approved_expenditure', 'approved_revenue', 'executed_expenditure', 'executed_revenue']);
  assert.ok(Object.values(pkg.model.measures).every((m) => m.currency === 'AMD'));
  assert.deepEqual(
    Object.entries(pkg.model.dimensions).filter(([, d]) => d.dimensionType === 'classification').map(([n, d]) => [n, d.classificationType]),
    [['functional_classification', 'functional'], ['economic_classification', 'economic']],
  );

  const tables = new Map<string, Record<string, string>[]>();
  for (const r of pkg.resources) {
    assert.ok(validateTableSchema(r.schema), `Table Schema v1 (${r.name}): ${JSON.stringify(validateTableSchema.errors)}`);
    const file = await env.app.inject({ method: 'GET', url: `${base}/${r.path}` });
    assert.equal(file.statusCode, 200);
    const records = parse(file.body, { relax_column_count: false }) as string[][];
    assert.deepEqual(records[0], r.schema.fields.map((f) => f.name), `${r.path}: the header is the schema's fields in order`);
    const rows = records.slice(1).map((rec) => Object.fromEntries(rec.map((v, i) => [records[0]![i]!, v])));
    for (const row of rows) {
      for (const f of r.schema.fields) if (f.type === 'integer') assert.match(row[f.name]!, /^-?\d+$/, `${r.path} ${f.name} is an integer`);
      assert.match(row.economic_code!, /^\d(\.\d)+$/, 'economic codes are dot-separated');
      if ('functional_code' in row) assert.match(row.functional_code!, /^\d{2}\.\d+\.\d+$/, 'functional codes are section.group.class');
    }
    tables.set(r.name, rows);
  }
  const fieldsOf = (name: string) => new Set(pkg.resources.find((r) => r.name === name)!.schema.fields.map((f) => f.name));
  for (const [name, m] of Object.entries(pkg.model.measures)) assert.ok(fieldsOf(m.resource!).has(m.source), `measure ${name} → a column`);
  for (const [name, d] of Object.entries(pkg.model.dimensions)) {
    for (const a of Object.values(d.attributes)) {
      for (const r of a.resource ? [a.resource] : pkg.resources.map((x) => x.name)) assert.ok(fieldsOf(r).has(a.source), `dimension ${name}: ${a.source} in ${r}`);
    }
  }
  const sum = (rows: Record<string, string>[], col: string) => rows.reduce((s, r) => s + Number(r[col]), 0);
  const spent = tables.get('budget-expenditure')!;
  assert.deepEqual([sum(spent, 'approved'), sum(spent, 'executed')], [12_000_000, 1_480_000]);
  assert.equal(sum(tables.get('budget-revenue')!, 'approved'), 12_000_000);
  assert.ok(spent.some((r) => r.functional_code === '04.5.1' && r.economic_code === '5.1.1.3' && r.budget_part === 'fund' && r.executed === '1000000'));

  // Only adopted budgets are published.
  const draft = await createBudget(tenant, ACTOR, YEAR + 1);
  assert.equal((await env.app.inject({ method: 'GET', url: `/api/v1/communities/sisian/budget/${draft}/datapackage.json` })).statusCode, 404, 'a draft is not published');
  assert.equal((await env.app.inject({ method: 'GET', url: `/api/v1/communities/jermuk/budget/${budgetId}/budget-revenue.csv` })).statusCode, 404, 'another community\u2019s budget is not found');
  assert.match((await env.app.inject({ method: 'GET', url: `/sisian/budget?year=${YEAR}` })).body, new RegExp(`${base}/datapackage.json`), 'the public page links the package');
});
