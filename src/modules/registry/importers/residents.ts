// Residents: one row per person, keyed by the public service number (ՀԾՀ). New people are
// inserted in bulk with their search keys and a 'registered' event; changed ones are
// updated with a 'corrected' event; identical ones are counted as unchanged.
import { z } from 'zod';
import { romanizeArmenian } from '../../../platform/search/romanize.ts';
import { birthDate, parseDay, publicServiceNumber } from '../identifiers.ts';
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

type Hot = z.infer<typeof schema>;
const PSN = /^\d{10}$/;
const PHONE = /^\+?[\d\s()-]{5,20}$/;
const trimmed = (v: string | undefined) => (typeof v === 'string' ? v.trim() : '');

/**
 * The schema's checks written out by hand, for speed on big files: the parsed values when
 * the row certainly passes the schema, else null — and then the schema itself runs, so the
 * errors reported are always the schema's.
 */
function quick(c: Record<string, string>): Hot | null {
  const last = trimmed(c.last_name);
  const first = trimmed(c.first_name);
  if (!last || last.length > 100 || !first || first.length > 100) return null;
  const born = typeof c.birth_date === 'string' ? parseDay(c.birth_date) : null;
  if (!born || born < '1900-01-01' || born > new Date().toISOString().slice(0, 10)) return null;
  const sex = trimmed(c.sex).toUpperCase();
  if (sex !== 'M' && sex !== 'F') return null;
  const psn = trimmed(c.public_service_number);
  if (!PSN.test(psn)) return null;
  const phone = opt(c.phone);
  if (phone !== null && !PHONE.test(phone)) return null;
  const email = opt(c.email);
  if (email !== null && !schema.shape.email.safeParse(email).success) return null;
  return { last_name: last, first_name: first, birth_date: born, sex, public_service_number: psn, phone, email };
}

function check(row: SourceRow, g: Gazetteer): Checked<ResidentRec> {
  const c = row.cells;
  const hot = quick(c);
  const parsed = hot ? { success: true as const, data: hot } : schema.safeParse({ ...c, phone: opt(c.phone), email: opt(c.email) });
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
function cached(limit: number, f: (s: string) => string): (s: string) => string;
function cached(limit: number, f: (s: string) => string[]): (s: string) => string[];
function cached<V>(limit: number, f: (s: string) => V): (s: string) => V {
  const cache = new Map<string, V>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size > limit) cache.clear();
      v = f(s);
      cache.set(s, v);
    }
    return v;
  };
}
const latinOf = cached(200_000, romanizeArmenian);
/** residentKeys() of one name alone: foldWords of a joined text is the union of its parts' in order. */
const foldedOf = cached(200_000, (name: string) => residentKeys({ last_name: name, first_name: '', patronymic: null, last_name_latin: '', first_name_latin: '', patronymic_latin: null }));

/** The same keys as residentKeys(), built from the cached keys of each name. */
function keysOf(last: string, first: string, patronymic: string | null): string[] {
  const parts = patronymic
    ? [last, first, patronymic, latinOf(last), latinOf(first), latinOf(patronymic)]
    : [last, first, latinOf(last), latinOf(first)];
  const keys = new Set<string>();
  for (const p of parts) for (const k of foldedOf(p)) keys.add(k);
  return [...keys];
}

const COMPARED = ['last_name', 'first_name', 'patronymic', 'birth_date', 'sex', 'settlement_id', 'address_id', 'unit_id', 'phone', 'email'] as const;

type Existing = Record<string, unknown> & { id: number };

async function existingByPsn(tx: WriteContext['tx'], rows: Valid<ResidentRec>[]): Promise<Map<string, Existing>> {
  const existing = new Map<string, Existing>();
  for (const part of chunk(rows.map((r) => r.rec.public_service_number), 500)) {
    const found = await tx.selectFrom('residents').select(['id', 'public_service_number', ...COMPARED]).where('public_service_number', 'in', part).execute();
    for (const f of found) existing.set(f.public_service_number!, f);
  }
  return existing;
}

async function write(ctx: WriteContext, rows: Valid<ResidentRec>[]) {
  const { tx, gazetteer, now, sqlite } = ctx;
  const today = now.slice(0, 10);
  const existing = await existingByPsn(tx, rows);
  const bulk = sqlite?.batch();
  const inserts = [];
  let imported = 0;
  let unchanged = 0;
  for (const { rec } of rows) {
    const ref = { settlementId: rec.settlement_id, street: rec.street, building: rec.building, apartment: rec.apartment };
    const { addressId, unitId } = gazetteer.known(ref) ?? (await gazetteer.resolve(tx, ref, now, sqlite));
    const keys = keysOf(rec.last_name, rec.first_name, rec.patronymic);
    const old = existing.get(rec.public_service_number);
    if (!old && sqlite && bulk) {
      // The SQLite fast path: the resident, its search keys and its 'registered' event
      // through cached prepared statements, in this batch's transaction (sqlite.ts).
      const id = sqlite.resident([
        rec.last_name, rec.first_name, rec.patronymic, latinOf(rec.last_name), latinOf(rec.first_name), rec.patronymic ? latinOf(rec.patronymic) : null,
        rec.birth_date, rec.sex, rec.public_service_number, null, rec.phone, rec.email, rec.settlement_id, addressId, unitId, null,
        null, 'registered', keys.join(' '), now, now,
      ]);
      bulk.searchKeys('resident', id, keys);
      bulk.residentEvent(id, 'registered', today, null, 'import', ctx.actorUserId, now);
      imported++;
      continue;
    }
    const latin = { last_name_latin: latinOf(rec.last_name), first_name_latin: latinOf(rec.first_name), patronymic_latin: rec.patronymic ? latinOf(rec.patronymic) : null };
    const values = {
      last_name: rec.last_name, first_name: rec.first_name, patronymic: rec.patronymic, birth_date: rec.birth_date, sex: rec.sex,
      settlement_id: rec.settlement_id, address_id: addressId, unit_id: unitId, phone: rec.phone, email: rec.email,
    };
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
  bulk?.flush();
  // PostgreSQL (and any Kysely without a SQLite handle): multi-row inserts.
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
