// The shipped templates are data the whole services subsystem relies on: each must be a
// valid ServiceSpec, codes unique and URL-safe, fees computed from fields that exist with
// the right type, and permit bodies naming only fields the form asks for.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serviceSpec, SERVICE_GROUPS } from '../catalogue/spec.ts';
import { SERVICE_TEMPLATES } from './index.ts';

test('at least 22 templates, each a valid service spec with a unique URL-safe code', () => {
  assert.ok(SERVICE_TEMPLATES.length >= 22, `only ${SERVICE_TEMPLATES.length} templates`);
  const codes = new Set<string>();
  for (const t of SERVICE_TEMPLATES) {
    const parsed = serviceSpec.safeParse(t.spec);
    assert.ok(parsed.success, `${t.code}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues)}`);
    assert.match(t.code, /^[a-z][a-z0-9-]{1,59}$/, t.code);
    assert.ok(!codes.has(t.code), `duplicate code ${t.code}`);
    codes.add(t.code);
    assert.equal(t.group, t.spec.group, `${t.code}: group`);
    for (const text of [t.spec.name, t.spec.description]) {
      assert.ok(text.en && text.ru && text.hy, `${t.code}: every text in hy, en and ru`);
      assert.match(text.hy, /[\u0531-\u058F]/, `${t.code}: Armenian text is in Armenian`);
    }
  }
});

test('fees reference existing fields: per_unit a number field, table a select field with those values', () => {
  for (const t of SERVICE_TEMPLATES) {
    const spec = serviceSpec.parse(t.spec);
    const fee = spec.fee;
    if (fee.kind !== 'per_unit' && fee.kind !== 'table') continue;
    const f = spec.fields.find((x) => x.key === fee.field);
    assert.ok(f, `${t.code}: fee field ${fee.field} is not a form field`);
    if (fee.kind === 'per_unit') {
      assert.equal(f.type, 'number', `${t.code}: a per-unit fee needs a number field`);
      assert.ok(f.required, `${t.code}: the per-unit field must be required`);
    } else {
      assert.equal(f.type, 'select', `${t.code}: a table fee needs a select field`);
      const options = new Set(f.options?.map((o) => o.value));
      for (const row of fee.rows) assert.ok(options.has(row.value), `${t.code}: fee row ${row.value} is not an option`);
    }
  }
});

test('fields, documents and placeholders are consistent', () => {
  for (const t of SERVICE_TEMPLATES) {
    const spec = serviceSpec.parse(t.spec);
    const keys = spec.fields.map((f) => f.key);
    assert.equal(new Set(keys).size, keys.length, `${t.code}: field keys unique`);
    const docs = spec.documents.map((d) => d.key);
    assert.equal(new Set(docs).size, docs.length, `${t.code}: document keys unique`);
    for (const f of spec.fields) {
      if (f.type === 'select') assert.ok(f.options && f.options.length >= 2, `${t.code}.${f.key}: a select needs options`);
    }
    for (const text of [spec.output.body, spec.output.title]) {
      for (const lang of ['hy', 'en', 'ru'] as const) {
        for (const m of (text?.[lang] ?? '').matchAll(/\{(\w+)\}/g)) {
          assert.ok(keys.includes(m[1]!), `${t.code}: {${m[1]}} in the ${lang} output is not a field`);
        }
      }
    }
    if (spec.output.template === 'permit') assert.ok(spec.output.body, `${t.code}: a permit prints a body`);
  }
});

test('the catalogue covers the Citizen Office list of DOMAIN.md', () => {
  const codes = new Set(SERVICE_TEMPLATES.map((t) => t.code));
  for (const code of [
    'residence-certificate', 'household-certificate', 'property-certificate', 'no-tax-debt-certificate',
    'construction-permit', 'architectural-planning-assignment', 'demolition-permit', 'excavation-permit', 'building-acceptance', 'address-assignment',
    'land-allocation', 'land-lease', 'land-sale', 'alcohol-tobacco-permit', 'trade-permit', 'outdoor-advertising-permit', 'night-operation-permit',
    'parking-permit', 'taxi-permit', 'garbage-fee-account', 'one-time-social-assistance', 'notarial-power-of-attorney', 'notarial-signature-certification',
    'reception-by-head', 'information-request', 'complaint', 'proposal', 'inquiry', 'decision-copy', 'archival-reference',
  ]) {
    assert.ok(codes.has(code), `missing ${code}`);
  }
  for (const g of SERVICE_GROUPS) assert.ok(SERVICE_TEMPLATES.some((t) => t.group === g), `no template in group ${g}`);
  const spec = (code: string) => serviceSpec.parse(SERVICE_TEMPLATES.find((t) => t.code === code)!.spec);
  assert.equal(spec('residence-certificate').output.template, 'residence_certificate');
  assert.equal(spec('household-certificate').output.template, 'household_certificate');
  assert.deepEqual(spec('information-request').deadline, { days: 5, unit: 'calendar' });
  assert.deepEqual(spec('alcohol-tobacco-permit').deadline, { days: 3, unit: 'working' });
  const construction = spec('construction-permit');
  assert.equal(construction.fee.kind, 'per_unit');
  assert.ok(construction.workflow.states.some((s) => s.key === 'site_inspection'), 'construction has a site inspection');
  assert.deepEqual(construction.workflow.actions.find((a) => a.kind === 'approve')?.roles, ['head']);
  assert.equal(spec('notarial-power-of-attorney').channels, 'office');
});
