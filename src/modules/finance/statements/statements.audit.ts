// The statements' audit vocabulary for the audit pages: an import named by its file, a line
// by its file line and bank transaction id, each linked to its page.
import { TenantDb } from '../../../platform/db/tenant.ts';
import { auditEventTypes, auditSubjects } from '../../../platform/audit/audit-names.ts';
import type { Services } from '../../../platform/module/contract.ts';
import { statementAuditMessages } from './statements.audit.messages.ts';

const numericIds = (ids: string[]) => ids.filter((id) => /^\d{1,15}$/.test(id)).map(Number);
const tenantOf = (services: Services, communityId: number) => new TenantDb(services.db.kysely, communityId);

export const statementAuditEvents = auditEventTypes(statementAuditMessages);

export const statementAuditSubjects = auditSubjects(statementAuditMessages, {
  statement_import: {
    href: (slug, id) => `/${slug}/staff/finance/statements/imports/${id}`,
    async name(services, communityId, ids) {
      const rows = await tenantOf(services, communityId).selectFrom('fin_stmt_imports').select(['id', 'file_name']).where('id', 'in', numericIds(ids)).execute();
      return new Map(rows.map((r) => [String(r.id), r.file_name]));
    },
  },
  statement_line: {
    href: (slug, id) => `/${slug}/staff/finance/statements/lines/${id}`,
    async name(services, communityId, ids) {
      const rows = await tenantOf(services, communityId).selectFrom('fin_stmt_lines').select(['id', 'line_no', 'bank_txn_id']).where('id', 'in', numericIds(ids)).execute();
      return new Map(rows.map((r) => [String(r.id), `${r.bank_txn_id ?? '—'} (${r.line_no})`]));
    },
  },
});
