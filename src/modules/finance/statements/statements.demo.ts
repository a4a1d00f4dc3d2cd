// The demo's statement history: one earlier Treasury statement per community, imported
// through the same path as an upload, so the report and the audit log have something to show
// and Jermuk's queue has a line waiting. Sisian's queue is left empty for the operator to
// fill with the sample files in fixtures/demo (docs/finance-statements.md).
import { TenantDb, type Executor } from '../../../platform/db/tenant.ts';
import type { AuditActor } from '../../../platform/audit/audit.ts';
import { FIELDS, MAPPINGS } from './mappings.ts';
import { importStatement } from './import.service.ts';

const csv = (rows: string[][]) => [FIELDS.map((f) => MAPPINGS.treasury.columns[f][0]!), ...rows].map((r) => r.join(';')).join('\r\n');

export async function seedStatementsDemo(db: Executor, actor: AuditActor, communities: Map<string, number>): Promise<void> {
  for (const [slug, communityId] of communities) {
    const tdb = new TenantDb(db, communityId);
    // An organization pays: residents' balances stay as the other parts' demos make them.
    const org = await tdb.selectFrom('organizations').select(['tax_id', 'name']).orderBy('id', 'desc').limit(1).executeTakeFirst();
    if (!org) continue;
    const rows = [['02.11.2026', '25000.00', `DEMO-${slug}-1101`, org.name, org.tax_id, 'Տեղական տուրք 2026']];
    if (slug !== 'sisian') rows.push(['03.11.2026', '4000.00', `DEMO-${slug}-1102`, 'Անհայտ վճարող', '', 'Վճար']);
    await importStatement(tdb, actor, { source: 'treasury', fileName: `treasury-${slug}-2026-11.csv`, data: Buffer.from(csv(rows)) });
  }
}
