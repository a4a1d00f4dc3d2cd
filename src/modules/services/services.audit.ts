// The services module's audit vocabulary for the audit pages: actions and subjects with
// their labels (services.audit.messages.ts), a case named by its registration number
// ("2026/000338", not its row id), a service by its name, and the system actors it writes.
import { TenantDb } from '../../platform/db/tenant.ts';
import { auditEventTypes, auditSubjects } from '../../platform/audit/audit-names.ts';
import type { AuditActorName, Services } from '../../platform/module/contract.ts';
import { servicesAuditMessages } from './services.audit.messages.ts';
import { listServices } from './catalogue/catalogue.ts';
import { ESCALATION_ACTOR } from './cases/case-escalation.ts';
import { pick } from './catalogue/spec.ts';

const numericIds = (ids: string[]) => ids.filter((id) => /^\d{1,15}$/.test(id)).map(Number);
const tenantOf = (services: Services, communityId: number) => new TenantDb(services.db.kysely, communityId);

export const servicesAuditActors: AuditActorName[] = [{ label: ESCALATION_ACTOR, name: 'audit.actor.deadline_escalation' }];

export const servicesAuditEvents = auditEventTypes(servicesAuditMessages);

export const servicesAuditSubjects = auditSubjects(servicesAuditMessages, {
  case: {
    href: (slug, id) => `/${slug}/staff/cases/${id}`,
    async name(services, communityId, ids) {
      const rows = await tenantOf(services, communityId).selectFrom('cases').select(['id', 'reg_number']).where('id', 'in', numericIds(ids)).execute();
      return new Map(rows.filter((r) => r.reg_number).map((r) => [String(r.id), r.reg_number!]));
    },
  },
  service: {
    href: (slug, id) => `/${slug}/staff/services/${id}`,
    async name(services, communityId, ids, locale) {
      const wanted = new Set(numericIds(ids));
      const all = await listServices(tenantOf(services, communityId));
      return new Map(all.filter((s) => wanted.has(s.id)).map((s) => [String(s.id), pick(s.spec.name, locale)]));
    },
  },
  queue_window: { href: (slug, id) => `/${slug}/staff/queue/windows/${id}` },
  issued_document: { href: (slug, id) => `/${slug}/staff/documents/${id}` },
});
