// Data access for the back office. Role assignments and settlements are tenant rows
// (through the scoped handle); users are national accounts (unscoped, with a reason).
import type { Executor, TenantDb } from '../../platform/db/tenant.ts';
import { unscoped } from '../../platform/db/tenant.ts';

export interface DashboardCounts {
  settlements: number;
  staff: number;
  auditEvents: number;
}

export async function dashboardCounts(tenant: TenantDb, db: Executor, since: string): Promise<DashboardCounts> {
  const [settlements, staff, audit] = await Promise.all([
    tenant.selectFrom('settlements').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    tenant.selectFrom('role_assignments').select((eb) => eb.fn.count<number>('role_assignments.user_id').distinct().as('n')).executeTakeFirstOrThrow(),
    unscoped(db, 'audit_events carries a nullable community_id (the national chain), so it is filtered here by hand')
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('community_id', '=', tenant.communityId)
      .where('at', '>=', since)
      .executeTakeFirstOrThrow(),
  ]);
  return { settlements: Number(settlements.n), staff: Number(staff.n), auditEvents: Number(audit.n) };
}

export interface StaffAssignment {
  assignmentId: number;
  role: string;
  settlementId: number | null;
  settlement: { name_hy: string; name_en: string; name_ru: string } | null;
}

export interface StaffMember {
  userId: number;
  fullName: string;
  email: string | null;
  hasPassword: boolean;
  assignments: StaffAssignment[];
}

/** Everyone holding a role in the community, with their roles; `userId` narrows to one person. */
export async function listStaff(tenant: TenantDb, userId?: number): Promise<StaffMember[]> {
  let q = tenant
    .selectFrom('role_assignments')
    .innerJoin('users', 'users.id', 'role_assignments.user_id')
    .leftJoin('settlements', 'settlements.id', 'role_assignments.settlement_id')
    .select([
      'role_assignments.id as assignment_id',
      'role_assignments.role',
      'role_assignments.settlement_id',
      'users.id as user_id',
      'users.full_name',
      'users.email',
      'users.password_hash',
      'settlements.name_hy',
      'settlements.name_en',
      'settlements.name_ru',
    ])
    .orderBy('users.full_name')
    .orderBy('role_assignments.id');
  if (userId !== undefined) q = q.where('role_assignments.user_id', '=', userId);
  const rows = await q.execute();
  const byUser = new Map<number, StaffMember>();
  for (const r of rows) {
    let m = byUser.get(r.user_id);
    if (!m) {
      m = { userId: r.user_id, fullName: r.full_name, email: r.email, hasPassword: r.password_hash !== null, assignments: [] };
      byUser.set(r.user_id, m);
    }
    m.assignments.push({
      assignmentId: r.assignment_id,
      role: r.role,
      settlementId: r.settlement_id,
      settlement: r.name_hy !== null ? { name_hy: r.name_hy, name_en: r.name_en ?? '', name_ru: r.name_ru ?? '' } : null,
    });
  }
  return [...byUser.values()];
}

export async function findStaffMember(tenant: TenantDb, userId: number): Promise<StaffMember | null> {
  return (await listStaff(tenant, userId))[0] ?? null;
}

export async function findAssignment(tenant: TenantDb, userId: number, assignmentId: number) {
  return (
    (await tenant
      .selectFrom('role_assignments')
      .select(['id', 'user_id', 'role', 'settlement_id'])
      .where('id', '=', assignmentId)
      .where('user_id', '=', userId)
      .executeTakeFirst()) ?? null
  );
}

export async function settlementExists(tenant: TenantDb, settlementId: number): Promise<boolean> {
  return Boolean(await tenant.selectFrom('settlements').select('id').where('id', '=', settlementId).executeTakeFirst());
}

export async function findUserByEmail(db: Executor, email: string) {
  return (
    (await unscoped(db, 'accounts are national; staff are linked to an existing account by email')
      .selectFrom('users')
      .select(['id', 'full_name', 'email', 'is_staff', 'disabled'])
      .where('email', '=', email)
      .executeTakeFirst()) ?? null
  );
}
