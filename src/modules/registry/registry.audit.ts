// The registers' audit vocabulary for the audit pages: actions and subjects with their
// labels (registry.audit.messages.ts), subjects named as staff know them and linked to their
// pages. People are never named here: a resident's event links to the record, whose
// opening is itself audited.
import { TenantDb } from '../../platform/db/tenant.ts';
import { auditEventTypes, auditSubjects } from '../../platform/audit/audit-names.ts';
import { localized } from '../../platform/i18n/index.ts';
import type { Services } from '../../platform/module/contract.ts';
import { registryAuditMessages } from './registry.audit.messages.ts';

const numericIds = (ids: string[]) => ids.filter((id) => /^\d{1,15}$/.test(id)).map(Number);

const tenantOf = (services: Services, communityId: number) => new TenantDb(services.db.kysely, communityId);

const page = (path: string) => (slug: string, id: string) => `/${slug}/staff/registry/${path}/${id}`;

export const registryAuditEvents = auditEventTypes(registryAuditMessages);

export const registryAuditSubjects = auditSubjects(registryAuditMessages, {
  resident: { href: page('residents') },
  household: { href: page('households') },
  address: { href: page('addresses') },
  asset: { href: page('assets') },
  import_run: { href: page('import/runs') },
  street: {
    async name(services, communityId, ids, locale) {
      const rows = await tenantOf(services, communityId).selectFrom('streets').select(['id', 'name_hy', 'name_en', 'name_ru']).where('id', 'in', numericIds(ids)).execute();
      return new Map(rows.map((r) => [String(r.id), localized(r, 'name', locale)]));
    },
  },
  parcel: {
    href: page('parcels'),
    async name(services, communityId, ids) {
      const rows = await tenantOf(services, communityId).selectFrom('parcels').select(['id', 'cadastral_code']).where('id', 'in', numericIds(ids)).execute();
      return new Map(rows.map((r) => [String(r.id), r.cadastral_code]));
    },
  },
  structure: {
    href: page('structures'),
    async name(services, communityId, ids) {
      const rows = await tenantOf(services, communityId).selectFrom('structures').select(['id', 'cadastral_code']).where('id', 'in', numericIds(ids)).execute();
      return new Map(rows.map((r) => [String(r.id), r.cadastral_code]));
    },
  },
  organization: {
    href: page('organizations'),
    async name(services, communityId, ids) {
      const rows = await tenantOf(services, communityId).selectFrom('organizations').select(['id', 'name']).where('id', 'in', numericIds(ids)).execute();
      return new Map(rows.map((r) => [String(r.id), r.name]));
    },
  },
});
