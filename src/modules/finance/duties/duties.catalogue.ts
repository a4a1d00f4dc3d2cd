// The national catalogue of duty and fee kinds (fin_duty_kinds): read by every community,
// edited by the national administrator only, each change audited in the national chain.
import type { Selectable } from 'kysely';
import { unscoped, type Executor } from '../../../platform/db/tenant.ts';
import { appendAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import type { FinDutyKindsTable } from './duties.table.ts';
import type { KindInput } from './duties.schemas.ts';

export type DutyKind = Selectable<FinDutyKindsTable>;

const WHY = 'the catalogue of duty kinds is national: one list for every community';

export async function listKinds(db: Executor): Promise<DutyKind[]> {
  return unscoped(db, WHY).selectFrom('fin_duty_kinds').selectAll().orderBy('grp').orderBy('id').execute();
}

export async function findKind(db: Executor, id: number): Promise<DutyKind | undefined> {
  return unscoped(db, WHY).selectFrom('fin_duty_kinds').selectAll().where('id', '=', id).executeTakeFirst();
}

/** By the shipped code ("garbage_per_person"), for the demo and the tests. */
export async function findKindByCode(db: Executor, code: string): Promise<DutyKind | undefined> {
  return unscoped(db, WHY).selectFrom('fin_duty_kinds').selectAll().where('code', '=', code).executeTakeFirst();
}

export function kindName(k: Pick<DutyKind, 'name_hy' | 'name_en' | 'name_ru'>, locale: Locale): string {
  return locale === 'en' ? k.name_en : locale === 'ru' ? k.name_ru : k.name_hy;
}

/** The national administrator's edit of a kind's limit, revenue line, reference and mark. */
export async function updateKind(db: Executor, actor: AuditActor, id: number, input: KindInput): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await findKind(tx, id);
    if (!before) throw notFound();
    const after = { limit_amount: input.limit_amount, revenue_line: input.revenue_line, legal_ref: input.legal_ref, source: input.source || null, verification: input.verification };
    await unscoped(tx, WHY).updateTable('fin_duty_kinds').set({ ...after, updated_by_user_id: actor.userId, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    await appendAudit(tx, actor, {
      communityId: null, action: 'finance.duty_kind.update', entityType: 'fin_duty_kind', entityId: id,
      before: { limit_amount: before.limit_amount, revenue_line: before.revenue_line, legal_ref: before.legal_ref, source: before.source, verification: before.verification },
      after,
    });
  });
}
