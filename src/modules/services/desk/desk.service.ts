// The Citizen Office front desk: an operator applies on a visitor's behalf. The applicant
// is found in the population register by public service number (or an organization by
// tax ID); a citizen account verified for that number becomes the case's applicant, so
// the person follows the case online. Filing submits and registers in one transaction,
// linked to the visitor's queue ticket when there is one.
import { appendAudit } from '../../../platform/audit/audit.ts';
import { unscoped, type TenantDb } from '../../../platform/db/tenant.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { auditResidentsShown, findByPsn, residenceCertificateData } from '../../registry/index.ts';
import type { CaseEnv } from '../cases/case-env.ts';
import { actionOf, availableActions } from '../cases/case-rules.ts';
import { badRequest } from '../../../platform/http/errors.ts';
import { fileCase, loadCaseFor, performAction, startCase, type StartInput } from '../cases/cases.service.ts';
import type { ServiceSpec } from '../catalogue/spec.ts';

export interface PersonFound {
  name: string;
  residentId: number;
}

export interface AccountFound {
  id: number;
  email: string | null;
  phone: string | null;
  locale: string;
}

/** A person of the register by PSN; the read of their record is audited as a register read. */
export async function personByPsn(ctx: Ctx, psn: string): Promise<PersonFound | null> {
  const tenant = ctx.tenant();
  const hit = await findByPsn(tenant, psn);
  if (!hit) return null;
  const data = await residenceCertificateData(tenant, hit.id);
  if (!data) return null;
  await auditResidentsShown(tenant, ctx.auditActor(), 'desk', [{ residentId: hit.id }]);
  const r = data.resident;
  return { residentId: hit.id, name: [r.lastName, r.firstName, r.patronymic].filter(Boolean).join(' ') };
}

/** The citizen account verified (at a desk or by e-ID) as the holder of this PSN. */
export async function accountByPsn(ctx: Ctx, psn: string): Promise<AccountFound | null> {
  const row = await unscoped(ctx.db, 'citizen accounts are national; the desk links the one verified for this public service number')
    .selectFrom('users').select(['id', 'email', 'phone', 'locale'])
    .where('verified_psn', '=', psn).where('disabled', '=', 0)
    .orderBy('id').executeTakeFirst();
  return row ?? null;
}

export async function organizationByTaxId(tenant: TenantDb, taxId: string) {
  return (await tenant.selectFrom('organizations').select(['name', 'phone', 'email', 'status']).where('tax_id', '=', taxId).executeTakeFirst()) ?? null;
}

/** A queue ticket of this community (the visitor being served), if it exists. */
export async function findTicket(tenant: TenantDb, ticketId: number | undefined) {
  if (!ticketId) return null;
  return (await tenant.selectFrom('queue_tickets').select(['id', 'label', 'status', 'case_id']).where('id', '=', ticketId).executeTakeFirst()) ?? null;
}

/** Whether this person may register cases of the service (then the desk registers at once). */
function mayRegister(env: CaseEnv, spec: ServiceSpec): boolean {
  return spec.workflow.actions.some((a) => a.kind === 'register' && a.from.includes('submitted') && a.roles.some((r) => r !== 'applicant' && env.actor.roles.includes(r)));
}

/**
 * Files an application at the desk. A service whose required documents cannot be attached
 * before the case exists starts as a draft (the operator attaches the scans, then files
 * it); any other is submitted and registered at once. The ticket is linked either way.
 */
export async function fileAtDesk(env: CaseEnv, spec: ServiceSpec, input: StartInput, ticketId: number | undefined): Promise<{ caseId: number; filed: boolean }> {
  return env.tenant.transaction(async (tx, raw) => {
    const inTx = { ...env, tenant: tx };
    const needsScans = spec.documents.some((d) => d.required);
    const caseId = needsScans ? (await startCase(inTx, input)).caseId : (await fileCase(inTx, input, { register: mayRegister(env, spec) })).caseId;
    const ticket = await findTicket(tx, ticketId);
    if (ticket && ticket.case_id === null) {
      await tx.updateTable('queue_tickets').set({ case_id: caseId }).where('id', '=', ticket.id).execute();
      await appendAudit(raw, env.actor.audit, { communityId: env.community.id, action: 'queue.ticket.case', entityType: 'queue_ticket', entityId: ticket.id, after: { caseId, ticket: ticket.label } });
    }
    return { caseId, filed: !needsScans };
  });
}

/** A desk draft, once its scans are attached: submitted and (when the person may) registered together. */
export async function fileDraft(env: CaseEnv, caseId: number, submitKey: string, expectedVersion: number): Promise<void> {
  await env.tenant.transaction(async (tx) => {
    const inTx = { ...env, tenant: tx };
    const { spec } = await loadCaseFor(inTx, tx, caseId);
    if (actionOf(spec, submitKey)?.kind !== 'submit') throw badRequest({ action: 'services.cases.error.unknownAction' });
    const submitted = await performAction(inTx, caseId, submitKey, { expectedVersion });
    const { c } = await loadCaseFor(inTx, tx, caseId);
    const register = availableActions(spec, env.actor, c).find((a) => a.kind === 'register');
    if (register) await performAction(inTx, caseId, register.key, { expectedVersion: submitted.version });
  });
}
