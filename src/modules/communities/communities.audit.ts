// The communities module's audit subjects, named for the audit pages.
import { TenantDb } from '../../platform/db/tenant.ts';
import { auditSubjects } from '../../platform/audit/audit-names.ts';
import { localized } from '../../platform/i18n/index.ts';
import { communitiesAuditMessages } from './communities.audit.messages.ts';

export const communitiesAuditSubjects = auditSubjects(communitiesAuditMessages, {
  settlement: {
    async name(services, communityId, ids, locale) {
      const wanted = ids.filter((id) => /^\d{1,15}$/.test(id)).map(Number);
      const rows = await new TenantDb(services.db.kysely, communityId).selectFrom('settlements').select(['id', 'name_hy', 'name_en', 'name_ru']).where('id', 'in', wanted).execute();
      return new Map(rows.map((r) => [String(r.id), localized(r, 'name', locale)]));
    },
  },
  community: { href: (slug) => `/${slug}/staff/settings` },
});
