// Gap-free named counters per community (registration numbers per year, queue tickets
// per office and day). The row is created on first use; the increment is one UPDATE …
// RETURNING inside the caller's transaction, so two concurrent callers never get the
// same number (PostgreSQL locks the row; SQLite serialises write transactions).
import { sql } from 'kysely';
import type { TenantDb } from './tenant.ts';

export async function nextSequence(tx: TenantDb, name: string): Promise<number> {
  return tx.transaction(async (scoped, raw) => {
    await sql`insert into sequence_counters (community_id, name, last) values (${scoped.communityId}, ${name}, 0)
      on conflict (community_id, name) do nothing`.execute(raw);
    const row = await scoped.updateTable('sequence_counters')
      .set((eb) => ({ last: eb('last', '+', 1) }))
      .where('name', '=', name)
      .returning('last')
      .executeTakeFirstOrThrow();
    return Number(row.last);
  });
}
