// Use-cases of the staff & roles section. Each change runs in one transaction with its
// audit event; role assignments are reached through the community's scoped handle, so
// nothing here can touch another community's rows.
import type { TenantDb } from '../../platform/db/tenant.ts';
import { unscoped } from '../../platform/db/tenant.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit.ts';
import { badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import type { AddStaffInput, GrantRoleInput } from './backoffice.schemas.ts';
import { findAssignment, findStaffMember, findUserByEmail, settlementExists } from './backoffice.queries.ts';

export interface StaffActor {
  audit: AuditActor;
  userId: number;
}

type Role = GrantRoleInput['role'];

/** The settlement stored with a role: only a settlement head has one, and it must be ours. */
async function settlementFor(tenant: TenantDb, role: Role, settlementId: number | null): Promise<number | null> {
  if (role !== 'settlement_head') return null;
  if (settlementId === null || !(await settlementExists(tenant, settlementId))) {
    throw badRequest({ settlement_id: 'backoffice.error.settlementInvalid' });
  }
  return settlementId;
}

function rolesOf(assignments: { role: string; settlementId: number | null }[]) {
  return assignments.map((a) => ({ role: a.role, settlementId: a.settlementId }));
}

/**
 * Adds a member of staff: links the national account with this email, or creates one
 * (staff, no password: they set it with "forgot password"), and grants the role.
 */
export async function addStaffMember(tenant: TenantDb, actor: StaffActor, input: AddStaffInput): Promise<number> {
  return tenant.transaction(async (scoped, tx) => {
    const settlementId = await settlementFor(scoped, input.role, input.settlement_id);
    const accounts = unscoped(tx, 'accounts are national; a member of staff is one person across communities');
    const now = new Date().toISOString();
    let user = await findUserByEmail(tx, input.email);
    const newAccount = !user;
    if (user?.disabled) throw badRequest({ email: 'backoffice.error.accountDisabled' });
    if (!user) {
      const created = await accounts
        .insertInto('users')
        .values({
          email: input.email, phone: null, password_hash: null, full_name: input.full_name, locale: 'hy',
          is_staff: 1, totp_enabled: 0, failed_logins: 0, disabled: 0, created_at: now, updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      user = { id: created.id, full_name: input.full_name, email: input.email, is_staff: 1, disabled: 0 };
    } else if (!user.is_staff) {
      await accounts.updateTable('users').set({ is_staff: 1, updated_at: now }).where('id', '=', user.id).execute();
    }
    const existing = await findStaffMember(scoped, user.id);
    if (existing?.assignments.some((a) => a.role === input.role)) throw conflict({ role: 'backoffice.error.hasRole' });
    await scoped.insertInto('role_assignments', { user_id: user.id, role: input.role, settlement_id: settlementId, created_at: now }).execute();
    await appendAudit(tx, actor.audit, {
      communityId: scoped.communityId,
      action: 'staff.add',
      entityType: 'user',
      entityId: user.id,
      before: existing ? { roles: rolesOf(existing.assignments) } : null,
      after: {
        email: input.email,
        fullName: user.full_name,
        newAccount,
        roles: [...rolesOf(existing?.assignments ?? []), { role: input.role, settlementId }],
      },
    });
    return user.id;
  });
}

/** Grants one more role to someone who already works for this community (others: 404). */
export async function grantRole(tenant: TenantDb, actor: StaffActor, userId: number, input: GrantRoleInput): Promise<void> {
  await tenant.transaction(async (scoped, tx) => {
    const member = await findStaffMember(scoped, userId);
    if (!member) throw notFound();
    if (member.assignments.some((a) => a.role === input.role)) throw conflict({ role: 'backoffice.error.hasRole' });
    const settlementId = await settlementFor(scoped, input.role, input.settlement_id);
    await scoped
      .insertInto('role_assignments', { user_id: userId, role: input.role, settlement_id: settlementId, created_at: new Date().toISOString() })
      .execute();
    await appendAudit(tx, actor.audit, {
      communityId: scoped.communityId,
      action: 'role.grant',
      entityType: 'user',
      entityId: userId,
      before: { roles: rolesOf(member.assignments) },
      after: { roles: [...rolesOf(member.assignments), { role: input.role, settlementId }] },
    });
  });
}

/**
 * Revokes one role. An IT administrator cannot take away their own administrator role:
 * only administrators manage roles, so this keeps at least one in every community.
 */
export async function revokeRole(tenant: TenantDb, actor: StaffActor, userId: number, assignmentId: number): Promise<void> {
  await tenant.transaction(async (scoped, tx) => {
    const assignment = await findAssignment(scoped, userId, assignmentId);
    if (!assignment) throw notFound();
    if (assignment.role === 'it_admin' && userId === actor.userId) throw conflict({ _form: 'backoffice.error.lastAdmin' });
    const member = await findStaffMember(scoped, userId);
    await scoped.deleteFrom('role_assignments').where('id', '=', assignmentId).execute();
    const before = rolesOf(member?.assignments ?? []);
    await appendAudit(tx, actor.audit, {
      communityId: scoped.communityId,
      action: 'role.revoke',
      entityType: 'user',
      entityId: userId,
      before: { roles: before },
      after: { roles: before.filter((_, i) => member?.assignments[i]?.assignmentId !== assignmentId) },
    });
  });
}
