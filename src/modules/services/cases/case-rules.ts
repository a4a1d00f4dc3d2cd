// Who may take which action on a case, from the workflow of the case's service version.
// Pure functions: the engine enforces them and the pages use them to show only the
// buttons a person may press (ARCHITECTURE rule 3).
import type { CommunityRole } from '../../../platform/policy/roles.ts';
import type { ActionSpec, ActorRole, ServiceSpec, StateSpec } from '../catalogue/spec.ts';

export interface CaseActorRoles {
  userId: number | null;
  roles: readonly CommunityRole[];
  /** A settlement head's settlements; null: the whole community. */
  settlementIds: readonly number[] | null;
}

export interface CaseFacts {
  state: string;
  applicant_user_id: number | null;
  settlement_id: number | null;
}

/** The roles this person holds towards this case: their community roles, and applicant. */
export function rolesOn(actor: CaseActorRoles, c: CaseFacts): Set<ActorRole> {
  const out = new Set<ActorRole>(actor.roles);
  if (actor.userId !== null && c.applicant_user_id === actor.userId) out.add('applicant');
  return out;
}

/** Settlement heads work on their settlements' cases only; everyone else on all. */
export function inSettlementScope(actor: CaseActorRoles, c: CaseFacts): boolean {
  if (actor.settlementIds === null) return true;
  return c.settlement_id !== null && actor.settlementIds.includes(c.settlement_id);
}

export function stateOf(spec: ServiceSpec, key: string): StateSpec | undefined {
  return spec.workflow.states.find((s) => s.key === key);
}

export function actionOf(spec: ServiceSpec, key: string): ActionSpec | undefined {
  return spec.workflow.actions.find((a) => a.key === key);
}

export function isFinal(spec: ServiceSpec, state: string): boolean {
  return stateOf(spec, state)?.final ?? false;
}

/** Whether the action leads out of the case's state at all (regardless of who asks). */
export function actionAllowedFrom(action: ActionSpec, state: string): boolean {
  return action.from.includes(state);
}

export function mayTake(action: ActionSpec, roles: Set<ActorRole>): boolean {
  return action.roles.some((r) => roles.has(r));
}

/** The actions this person may take on the case now, in workflow order. */
export function availableActions(spec: ServiceSpec, actor: CaseActorRoles, c: CaseFacts): ActionSpec[] {
  const roles = rolesOn(actor, c);
  const isStaffHere = actor.roles.length > 0 && inSettlementScope(actor, c);
  return spec.workflow.actions.filter((a) => {
    if (!actionAllowedFrom(a, c.state)) return false;
    // Staff act through their roles; the applicant through "applicant" only.
    const staffMay = isStaffHere && a.roles.some((r) => r !== 'applicant' && roles.has(r));
    const applicantMay = roles.has('applicant') && a.roles.includes('applicant');
    return staffMay || applicantMay;
  });
}
