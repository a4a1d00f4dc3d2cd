// Residents: one row per person, keyed by the public service number (ՀԾՀ). New people are
// inserted in bulk with their search keys and a 'registered' event; changed ones are
// updated with a 'corrected' event; identical ones are counted as unchanged.
import { z } from 'zod';
import { romanizeArmenian } from '../../../platform/search/romanize.ts';
import { birthDate, publicServiceNumber } from '../identifiers.ts';
import { residentKeys } from '../search-keys.ts';
import type { SourceRow } from './read.ts';
import type { Gazetteer } from './gazetteer.ts';
import { err, opt, type Checked, type Importer, type RowError, type Valid, type WriteContext } from './types.ts';
import { chunk, zodErrors } from './util.ts';

export interface ResidentRec {
  last_name: string;
  first_name: string;
  patronymic: string | null;
  birth_date: string;
  sex: 'M' | 'F';
  public_service_number: string;
  settlement_id: number;
  street: string | null;
  building: string | null;
  apartment: string | null;
  phone: string | null;
  email: string | null;
}

const COLUMNS = ['last_name', 'first_name', 'patronymic', 'birth_date', 'sex', 'public_service_number', 'settlement', 'street', 'building', 'apartment', 'phone', 'email'] as const;

const name = z.string().trim().min(1, 'field.required').max(100, 'field.tooLong');
const schema = z.object({
  last_name: name,
  first_name: name,
  birth_date: birthDate,
  sex: z.string().trim().toUpperCase().pipe(z.enum(['M', 'F'], 'registry.import.error.sex')),
  public_service_number: publicServiceNumber,
  phone: z.string().trim().regex(/^\+?[\d\s()-]{5,20}$/, 'field.invalid').nullable(),
  email: z.email('field.invalid').max(254).nullable(),
});

function check(row: SourceRow, g: Gazetteer): Checked<ResidentRec> {
  const c = row.cells;
  const parsed = schema.safeParse({ ...c, phone: opt(c.phone), email: opt(c.email) });
  const errors: RowError[] = parsed.success ? [] : zodErrors(row.line, parsed.error.issues);
  const settlementName = opt(c.settlement);
  const settlementId = settlementName ? g.settlement(settlementName) : null;
  if (!settlementName) errors.push(err(row.line, 'settlement', 'field.required'));
  else if (settlementId === null) errors.push(err(row.line, 'settlement', 'registry.import.error.settlement'));
  if (opt(c.apartment) && !opt(c.building)) errors.push(err(row.line, 'building', 'field.required'));
  if (!parsed.success || errors.length) return { ok: false, errors };
  const d = parsed.data;
  return {
    ok: true,
    rec: {
      last_name: d.last_name, first_name: d.first_name, patronymic: opt(c.patronymic), birth_date: d.birth_date, sex: d.sex,
      public_service_number: d.public_service_number, settlement_id: settlementId!, street: opt(c.street), building: opt(c.building),
      apartment: opt(c.apartment), phone: d.phone, email: d.email,
    },
  };
}

// Names repeat a great deal in a register: romanize and fold each distinct name once.
const latinCache = new Map<string, string>();
function latinOf(name: string): string {
  let v = latinCache.get(name);
  if (v === undefined) {
    if (latinCache.size > 200_000) latinCache.clear();
    v = romanizeArmenian(name);
    latinCache.set(name, v);
  }
  return v;
}

const keysCache = new Map<string, string[]>();
function keysOf(last: string, first: string, patronymic: string | null): string[] {
  const id = `${last}|${first}|${patronymic ?? ''}`;
  let v = keysCache.get(id);
  if (v === undefined) {
    if (keysCache.size > 200_000) keysCache.clear();
    v = residentKeys({ last_name: last, first_name: first, patronymic, last_name_latin: latinOf(last), first_name_latin: latinOf(first), patronymic_latin: patronymic ? latinOf(patronymic) : null });
    keysCache.set(id, v);
  }
  return v;
}

const COMPARED = ['last_name', 'first_name', 'patronymic', 'birth_date', 'sex', 'settlement_id', 'address_id', 'unit_id', 'phone', 'email'] as const;

async function write(ctx: WriteContext, rows: Valid<ResidentRec>[]) {
  const { tx, gazetteer, now } = ctx;
  const today = now.slice(0, 10);
  const existing = new Map<string, Record<string, unknown> & { id: number }>();
  for (const part of chunk(rows.map((r) => r.rec.public_service_number), 500)) {
    const found = await tx.selectFrom('residents').select(['id', 'public_service_number', ...COMPARED]).where('public_service_number', 'in', part).execute();
    for (const f of found) existing.set(f.public_service_number!, f);
  }
  const inserts = [];
  let imported = 0;
  let unchanged = 0;
  for (const { rec } of rows) {
    const ref = { settlementId: rec.settlement_id, street: rec.street, building: rec.building, apartment: rec.apartment };
    const { addressId, unitId } = gazetteer.known(ref) ?? (await gazetteer.resolve(tx, ref, now));
    const latin = { last_name_latin: latinOf(rec.last_name), first_name_latin: latinOf(rec.first_name), patronymic_latin: rec.patronymic ? latinOf(rec.patronymic) : null };
    const values = {
      last_name: rec.last_name, first_name: rec.first_name, patronymic: rec.patronymic, birth_date: rec.birth_date, sex: rec.sex,
      settlement_id: rec.settlement_id, address_id: addressId, unit_id: unitId, phone: rec.phone, email: rec.email,
    };
    const keys = keysOf(rec.last_name, rec.first_name, rec.patronymic);
    const old = existing.get(rec.public_service_number);
    if (!old) {
      inserts.push({ row: { ...values, ...latin, public_service_number: rec.public_service_number, id_document: null, household_id: null, relationship: null, status: 'registered' as const, search_key: keys.join(' '), created_at: now, updated_at: now }, keys });
      continue;
    }
    const changed = COMPARED.filter((k) => (old[k] ?? null) !== (values[k] ?? null));
    if (changed.length === 0) {
      unchanged++;
      continue;
    }
    imported++;
    await tx.updateTable('residents').set({ ...values, ...latin, search_key: keys.join(' '), updated_at: now }).where('id', '=', old.id).execute();
    const before = Object.fromEntries(changed.map((k) => [k, old[k]]));
    const after = Object.fromEntries(changed.map((k) => [k, values[k]]));
    await tx.insertInto('resident_events', { resident_id: old.id, kind: 'corrected', on_date: today, details_json: JSON.stringify({ before, after }), reason: 'import', actor_user_id: ctx.actorUserId, created_at: now }).execute();
    await tx.deleteFrom('search_keys').where('entity', '=', 'resident').where('entity_id', '=', old.id).execute();
    if (keys.length) await tx.insertInto('search_keys', keys.map((key) => ({ entity: 'resident' as const, entity_id: old.id, key }))).execute();
  }
  for (const part of chunk(inserts, 500)) {
    const ids = await tx.insertInto('residents', part.map((p) => p.row)).returning(['id', 'public_service_number']).execute();
    const idOf = new Map(ids.map((r) => [r.public_service_number, r.id]));
    const keyRows = part.flatMap((p) => p.keys.map((key) => ({ entity: 'resident' as const, entity_id: idOf.get(p.row.public_service_number)!, key })));
    for (const k of chunk(keyRows, 2000)) await tx.insertInto('search_keys', k).execute();
    const events = part.map((p) => ({ resident_id: idOf.get(p.row.public_service_number)!, kind: 'registered' as const, on_date: today, details_json: null, reason: 'import', actor_user_id: ctx.actorUserId, created_at: now }));
    await tx.insertInto('resident_events', events).execute();
    imported += part.length;
  }
  return { imported, unchanged, rejected: [] };
}

export const residentsImporter: Importer<ResidentRec> = {
  register: 'residents',
  columns: COLUMNS,
  required: ['last_name', 'first_name', 'birth_date', 'sex', 'public_service_number', 'settlement'],
  prepare: async () => {},
  check,
  keyColumn: 'public_service_number',
  key: (r) => r.public_service_number,
  write,
};
