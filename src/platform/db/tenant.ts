// The tenant-scoped handle (ARCHITECTURE rule 1). Module code reaches community rows
// only through this: selects, updates and deletes get the community predicate added,
// inserts get community_id stamped, and an empty community id throws before any SQL.
import {
  sql, type DeleteQueryBuilder, type DeleteResult, type Insertable, type Kysely, type SelectQueryBuilder,
  type Transaction, type UpdateQueryBuilder, type UpdateResult,
} from 'kysely';
import type { Database, TenantTable } from './schema.ts';

/** A connection or a transaction: Transaction<Database> is a Kysely<Database>. */
export type Executor = Kysely<Database>;

export class TenantScopeError extends Error {}

type TenantInsert<T extends TenantTable> = Omit<Insertable<Database[T]>, 'community_id'>;

export class TenantDb {
  constructor(
    private readonly executor: Executor,
    readonly communityId: number,
  ) {
    if (!Number.isInteger(communityId) || communityId <= 0) {
      throw new TenantScopeError(`A tenant-scoped handle needs a community id, got ${String(communityId)}`);
    }
  }

  private column(table: string) {
    return sql.ref(`${table}.community_id`);
  }

  // The casts below name the builder type Kysely would infer for one concrete table;
  // with a generic table name TypeScript sees a union of overloads instead.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  selectFrom<T extends TenantTable>(table: T): SelectQueryBuilder<Database, T, {}> {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    const qb = this.executor.selectFrom(table) as unknown as SelectQueryBuilder<Database, T, {}>;
    return qb.where(this.column(table), '=', this.communityId);
  }

  updateTable<T extends TenantTable>(table: T): UpdateQueryBuilder<Database, T, T, UpdateResult> {
    const qb = this.executor.updateTable(table) as unknown as UpdateQueryBuilder<Database, T, T, UpdateResult>;
    return qb.where(this.column(table), '=', this.communityId);
  }

  deleteFrom<T extends TenantTable>(table: T): DeleteQueryBuilder<Database, T, DeleteResult> {
    const qb = this.executor.deleteFrom(table) as unknown as DeleteQueryBuilder<Database, T, DeleteResult>;
    return qb.where(this.column(table), '=', this.communityId);
  }

  insertInto<T extends TenantTable>(table: T, rows: TenantInsert<T> | TenantInsert<T>[]) {
    const list = (Array.isArray(rows) ? rows : [rows]).map((row) => {
      if ('community_id' in (row as object)) {
        throw new TenantScopeError(`Do not pass community_id when inserting into ${table}; the scope stamps it`);
      }
      return { ...row, community_id: this.communityId };
    });
    // The spread above makes each row a full Insertable<Database[T]>; Kysely cannot see that through the generic.
    return this.executor.insertInto(table).values(list as unknown as Insertable<Database[T]>[]);
  }

  /** Runs `fn` in a transaction with a handle of the same scope. */
  transaction<R>(fn: (tx: TenantDb, raw: Transaction<Database>) => Promise<R>): Promise<R> {
    if (this.executor.isTransaction) return fn(this, this.executor as Transaction<Database>);
    return this.executor.transaction().execute((trx) => fn(new TenantDb(trx, this.communityId), trx));
  }
}

/**
 * The explicit escape hatch for global tables (marzes, users, sessions, national roles)
 * and for national aggregates. The reason is required so every use says why it is safe.
 */
export function unscoped(executor: Executor, reason: string): Executor {
  if (!reason.trim()) throw new TenantScopeError('unscoped() needs a reason');
  return executor;
}
