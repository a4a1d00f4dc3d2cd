// Everything a case operation needs, from a request or from a script (demo, benchmark):
// the long-lived services, the community, the tenant handle and who acts.
import type { Selectable } from 'kysely';
import type { Services } from '../../../platform/module/contract.ts';
import type { Ctx, CommunityRow } from '../../../platform/http/context.ts';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { AuditActor } from '../../../platform/audit/audit.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { CasesTable } from '../services.table.ts';
import type { CaseActorRoles } from './case-rules.ts';

export type CaseRow = Selectable<CasesTable>;

export interface CaseActor extends CaseActorRoles {
  audit: AuditActor;
}

export interface CaseEnv {
  services: Services;
  community: CommunityRow;
  tenant: TenantDb;
  actor: CaseActor;
}

export function caseEnv(ctx: Ctx): CaseEnv {
  return {
    services: ctx.services,
    community: ctx.requireCommunity(),
    tenant: ctx.tenant(),
    actor: {
      userId: ctx.actor?.userId ?? null,
      roles: ctx.actor?.communityRoles ?? [],
      settlementIds: ctx.actor?.settlementIds ?? null,
      audit: ctx.auditActor(),
    },
  };
}

/** Someone else changed the case since this person loaded it. */
export const caseChanged = () => new AppError(409, 'case_changed', 'services.cases.error.changed');
/** The action does not lead out of the case's current state. */
export const notNow = () => new AppError(409, 'invalid_transition', 'services.cases.error.notNow');
