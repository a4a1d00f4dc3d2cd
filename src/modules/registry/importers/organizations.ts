// Organizations, keyed by tax ID (ՀՎՀՀ).
import { z } from 'zod';
import { taxId } from '../identifiers.ts';
import { organizationKeys } from '../search-keys.ts';
import type { SourceRow } from './read.ts';
import type { Gazetteer } from './gazetteer.ts';
import { boolOrNull, err, opt, type Checked, type Importer, type RowError, type Valid, type WriteContext } from './types.ts';
import { chunk, zodErrors } from './util.ts';

export interface OrganizationRec {
  tax_id: string;
  name: string;
  legal_form: string;
  is_entrepreneur: number;
  settlement_id: number | null;
  street: string | null;
  building: string | null;
  activity: string | null;
  phone: string | null;
  email: string | null;
}

const schema = z.object({
  tax_id: taxId,
  name: z.string().trim().min(1, 'field.required').max(300, 'field.tooLong'),
  legal_form: z.string().trim().min(1, 'field.required').max(30, 'field.tooLong'),
  activity: z.string().max(300, 'field.tooLong').nullable(),
  phone: z.string().trim().regex(/^\+?[\d\s()-]{5,20}$/, 'field.invalid').nullable(),
  email: z.email('field.invalid').max(254).nullable(),
});

function check(row: SourceRow, g: Gazetteer): Checked<OrganizationRec> {
  const c = row.cells;
  const parsed = schema.safeParse({ ...c, activity: opt(c.activity), phone: opt(c.phone), email: opt(c.email) });
  const errors: RowError[] = parsed.success ? [] : zodErrors(row.line, parsed.error.issues);
  const ent = boolOrNull(c.is_entrepreneur);
  if (ent === 'bad') errors.push(err(row.line, 'is_entrepreneur', 'registry.import.error.boolean'));
  const sName = opt(c.settlement);
  const settlementId = sName ? g.settlement(sName) : null;
  if (sName && settlementId === null) errors.push(err(row.line, 'settlement', 'registry.import.error.settlement'));
  if (!sName && opt(c.building)) errors.push(err(row.line, 'settlement', 'field.required'));
  if (!parsed.success || errors.length) return { ok: false, errors };
  const d = parsed.data;
  return {
    ok: true,
    rec: { ...d, is_entrepreneur: ent === null ? 0 : (ent as number), settlement_id: settlementId, street: opt(c.street), building: opt(c.building) },
  };
}

const COMPARED = ['name', 'legal_form', 'is_entrepreneur', 'settlement_id', 'address_id', 'activity', 'phone', 'email'] as const;

async function write(ctx: WriteContext, rows: Valid<OrganizationRec>[]) {
  const { tx, gazetteer, now } = ctx;
  const existing = new Map<string, Record<string, unknown> & { id: number }>();
  for (const part of chunk(rows.map((r) => r.rec.tax_id), 500)) {
    for (const f of await tx.selectFrom('organizations').select(['id', 'tax_id', ...COMPARED]).where('tax_id', 'in', part).execute()) existing.set(f.tax_id, f);
  }
  let imported = 0;
  let unchanged = 0;
  for (const { rec } of rows) {
    const { addressId } = rec.settlement_id ? await gazetteer.resolve(tx, { settlementId: rec.settlement_id, street: rec.street, building: rec.building, apartment: null }, now) : { addressId: null };
    const values = { name: rec.name, legal_form: rec.legal_form, is_entrepreneur: rec.is_entrepreneur, settlement_id: rec.settlement_id, address_id: addressId, activity: rec.activity, phone: rec.phone, email: rec.email };
    const keys = organizationKeys(rec.name);
    const old = existing.get(rec.tax_id);
    let id: number;
    if (!old) {
      const row = await tx.insertInto('organizations', { ...values, tax_id: rec.tax_id, status: 'active', search_key: keys.join(' '), created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
      id = row.id;
    } else {
      if (COMPARED.every((k) => (old[k] ?? null) === (values[k] ?? null))) {
        unchanged++;
        continue;
      }
      id = old.id;
      await tx.updateTable('organizations').set({ ...values, search_key: keys.join(' '), updated_at: now }).where('id', '=', id).execute();
      await tx.deleteFrom('search_keys').where('entity', '=', 'organization').where('entity_id', '=', id).execute();
    }
    if (keys.length) await tx.insertInto('search_keys', keys.map((key) => ({ entity: 'organization' as const, entity_id: id, key }))).execute();
    imported++;
  }
  return { imported, unchanged, rejected: [] };
}

export const organizationsImporter: Importer<OrganizationRec> = {
  register: 'organizations',
  columns: ['tax_id', 'name', 'legal_form', 'is_entrepreneur', 'settlement', 'street', 'building', 'activity', 'phone', 'email'],
  required: ['tax_id', 'name', 'legal_form'],
  prepare: async () => {},
  check,
  key: (r) => r.tax_id,
  write,
};
