// The people the public site names: whoever holds a role in the community (the head, the
// deputies, council members, the staff), by full name and position only — what the FOI law
// asks to publish (Art. 7(4)); never their personal e-mail or phone.
import type { Ctx } from '../../platform/http/context.ts';
import { unscoped } from '../../platform/db/tenant.ts';
import { localized } from '../../platform/i18n/index.ts';
import { listSettlements } from '../communities/index.ts';
import { PUBLIC_ROLES, type SettlementRow, type StaffMember } from './about.views.tsx';

export async function settlementsOf(ctx: Ctx): Promise<SettlementRow[]> {
  return listSettlements(ctx.tenant());
}

export async function publicPeople(ctx: Ctx, settlements?: SettlementRow[]): Promise<StaffMember[]> {
  const c = ctx.requireCommunity();
  const rows = await unscoped(ctx.db, "users are global; the join keeps this community's role holders, and only names are read")
    .selectFrom('role_assignments')
    .innerJoin('users', 'users.id', 'role_assignments.user_id')
    .select(['users.full_name', 'role_assignments.role', 'role_assignments.settlement_id'])
    .where('role_assignments.community_id', '=', c.id)
    .where('users.disabled', '=', 0)
    .execute();
  const places = new Map((settlements ?? (await settlementsOf(ctx))).map((s) => [s.id, localized(s, 'name', ctx.locale)]));
  const order = (r: string) => {
    const i = (PUBLIC_ROLES as readonly string[]).indexOf(r);
    return i < 0 ? PUBLIC_ROLES.length : i;
  };
  return rows
    .filter((r) => (PUBLIC_ROLES as readonly string[]).includes(r.role))
    .map((r) => ({ name: r.full_name, role: r.role, settlementId: r.settlement_id, settlement: r.settlement_id ? (places.get(r.settlement_id) ?? null) : null }))
    .sort((a, b) => order(a.role) - order(b.role) || a.name.localeCompare(b.name, 'hy'));
}
