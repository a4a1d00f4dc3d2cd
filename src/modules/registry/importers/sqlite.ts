// The SQLite fast path of the importers: cached single-row prepared statements run on the
// better-sqlite3 handle under Kysely. Kysely's SQLite transactions run on that same single
// connection, so these statements, run inside a batch's transaction callback, are part of
// that transaction. Building a multi-row INSERT through Kysely (an AST of rows × columns,
// then compiling it) costs far more than SQLite itself; a prepared statement per row does
// not. Every statement stamps the community id itself: the tenant scope, done by hand.
// PostgreSQL keeps the Kysely multi-row inserts.
import type SqliteDatabase from 'better-sqlite3';

export type Sqlite = SqliteDatabase.Database;

/** Columns of a new resident row, in the order of `insertResident`'s values. */
export const RESIDENT_INSERT_COLUMNS = [
  'last_name', 'first_name', 'patronymic', 'last_name_latin', 'first_name_latin', 'patronymic_latin', 'birth_date', 'sex',
  'public_service_number', 'id_document', 'phone', 'email', 'settlement_id', 'address_id', 'unit_id', 'household_id',
  'relationship', 'status', 'search_key', 'created_at', 'updated_at',
] as const;

/** Rows per multi-row statement of the batched inserts. */
const MANY = 100;

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

function prepareAll(db: Sqlite) {
  return {
    street: db.prepare('insert into streets (community_id, settlement_id, name_hy, name_en, name_ru, created_at) values (?, ?, ?, ?, ?, ?)'),
    address: db.prepare('insert into addresses (community_id, settlement_id, street_id, number, postcode, lat, lon, created_at) values (?, ?, ?, ?, null, null, null, ?)'),
    unit: db.prepare('insert into address_units (community_id, address_id, number, created_at) values (?, ?, ?, ?)'),
    resident: db.prepare(`insert into residents (community_id, ${RESIDENT_INSERT_COLUMNS.join(', ')}) values (?, ${placeholders(RESIDENT_INSERT_COLUMNS.length)})`),
    searchKey: db.prepare('insert into search_keys (community_id, entity, entity_id, key) values (?, ?, ?, ?)'),
    residentEvent: db.prepare('insert into resident_events (community_id, resident_id, kind, on_date, details_json, reason, actor_user_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)'),
    searchKeysMany: db.prepare(`insert into search_keys (community_id, entity, entity_id, key) values ${Array.from({ length: MANY }, () => '(?, ?, ?, ?)').join(', ')}`),
    residentEventsMany: db.prepare(`insert into resident_events (community_id, resident_id, kind, on_date, details_json, reason, actor_user_id, created_at) values ${Array.from({ length: MANY }, () => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`),
  };
}

type Prepared = ReturnType<typeof prepareAll>;
const PREPARED = new WeakMap<Sqlite, Prepared>();

/** Writes of one community through cached prepared statements. Call only inside a transaction. */
export class SqliteWriter {
  private readonly s: Prepared;

  constructor(
    db: Sqlite,
    readonly communityId: number,
  ) {
    let s = PREPARED.get(db);
    if (!s) {
      s = prepareAll(db);
      PREPARED.set(db, s);
    }
    this.s = s;
  }

  street(settlementId: number, nameHy: string, nameEn: string, nameRu: string, now: string): number {
    return Number(this.s.street.run(this.communityId, settlementId, nameHy, nameEn, nameRu, now).lastInsertRowid);
  }

  address(settlementId: number, streetId: number | null, number: string, now: string): number {
    return Number(this.s.address.run(this.communityId, settlementId, streetId, number, now).lastInsertRowid);
  }

  unit(addressId: number, number: string, now: string): number {
    return Number(this.s.unit.run(this.communityId, addressId, number, now).lastInsertRowid);
  }

  /** `values` in the order of RESIDENT_INSERT_COLUMNS; returns the new id. */
  resident(values: unknown[]): number {
    return Number(this.s.resident.run(this.communityId, ...values).lastInsertRowid);
  }

  /** Rows written together at the end of a batch (`flush`), in statements of MANY rows. */
  batch(): SqliteBatch {
    return new SqliteBatch(this.s, this.communityId);
  }
}

/** search_keys and resident_events rows of one batch, collected and then inserted in bulk. */
export class SqliteBatch {
  private keys: [string, number, string][] = [];
  private events: unknown[][] = [];

  constructor(
    private readonly s: Prepared,
    private readonly communityId: number,
  ) {}

  searchKeys(entity: 'resident' | 'organization', entityId: number, keys: readonly string[]): void {
    for (const key of keys) this.keys.push([entity, entityId, key]);
  }

  residentEvent(residentId: number, kind: string, onDate: string, detailsJson: string | null, reason: string | null, actorUserId: number | null, now: string): void {
    this.events.push([residentId, kind, onDate, detailsJson, reason, actorUserId, now]);
  }

  /** Writes what was collected; call before the batch's transaction ends. */
  flush(): void {
    // In key order, so the inserts walk the (community, entity, key) index left to right.
    this.keys.sort((a, b) => (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : a[1] - b[1]));
    this.insert(this.keys, this.s.searchKeysMany, this.s.searchKey);
    this.insert(this.events, this.s.residentEventsMany, this.s.residentEvent);
    this.keys = [];
    this.events = [];
  }

  private insert(rows: unknown[][], many: SqliteDatabase.Statement, one: SqliteDatabase.Statement): void {
    let i = 0;
    for (; i + MANY <= rows.length; i += MANY) {
      const params: unknown[] = [];
      for (let j = i; j < i + MANY; j++) params.push(this.communityId, ...rows[j]!);
      many.run(params);
    }
    for (; i < rows.length; i++) one.run(this.communityId, ...rows[i]!);
  }
}

const DEFERRING = new WeakMap<Sqlite, { imports: number; threshold: number }>();

/**
 * For the length of an import: checkpoint the WAL once at the end instead of every ~4 MB.
 * Each checkpoint copies the WAL into the database file and syncs both; with batches of
 * ~1,000 rows touching pages all over the indexes, the default threshold meant a checkpoint
 * every few batches, re-copying the same pages each time — the largest cost of an import
 * on a busy disk. Commits are as durable as before (synchronous is unchanged). Returns the
 * function that restores the threshold and checkpoints.
 */
export function deferCheckpoints(db: Sqlite): () => void {
  // Counted, so overlapping imports on one connection restore the original threshold.
  let state = DEFERRING.get(db);
  if (!state) {
    state = { imports: 0, threshold: Number(db.pragma('wal_autocheckpoint', { simple: true })) };
    DEFERRING.set(db, state);
    db.pragma('wal_autocheckpoint = 50000');
  }
  state.imports++;
  const held = state;
  return () => {
    if (--held.imports > 0) return;
    DEFERRING.delete(db);
    db.pragma(`wal_autocheckpoint = ${held.threshold}`);
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Another flow holds a transaction on the connection: the next autocheckpoint does it.
    }
  };
}
