// Statement files and payers for the statements' tests: real payers of a demo community
// (a resident with a public service number, an organization with a tax ID) with debts in
// the ledger, and statement files written in a source's own layout.
import ExcelJS from 'exceljs';
import type { Services } from '../../../platform/module/contract.ts';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { ledgerWorld, untouchedOrganizations, untouchedResidents } from '../ledger/ledger.testkit.ts';
import { MAPPINGS, FIELDS, type StatementField, type StatementSource } from './mappings.ts';

export interface StatementWorld {
  tdb: TenantDb;
  resident: { id: number; psn: string; name: string };
  organization: { id: number; taxId: string; name: string };
  /** An obligation of the resident, with its accrual; returns its id. */
  owe: (amount: number, dueOn: string, opts?: { payer?: 'resident' | 'organization'; label?: string }) => Promise<number>;
}

export async function statementWorld(services: Services, slug = 'sisian'): Promise<StatementWorld> {
  const world = await ledgerWorld(services, slug);
  const tdb = world.tdb;
  const r = await untouchedResidents(tdb).limit(1).executeTakeFirstOrThrow();
  const o = await untouchedOrganizations(tdb).limit(1).executeTakeFirstOrThrow();
  return {
    tdb,
    resident: { id: r.id, psn: r.public_service_number!, name: `${r.first_name} ${r.last_name}` },
    organization: { id: o.id, taxId: o.tax_id, name: o.name },
    owe: (amount, dueOn, opts = {}) => world.owe(amount, dueOn, {
      payer: opts.payer === 'organization' ? { kind: 'organization', organizationId: o.id } : { kind: 'resident', residentId: r.id },
      label: opts.label,
    }),
  };
}

export type Row = Partial<Record<StatementField, string | number | Date>>;

const header = (source: StatementSource) => FIELDS.map((f) => MAPPINGS[source].columns[f][0]!);

const quote = (v: string) => (/[;",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A CSV in the source's layout (semicolons, its header spellings); cells are written as given. */
export function statementCsv(source: StatementSource, rows: Row[], extra: string[][] = []): string {
  const lines = [header(source), ...rows.map((r) => FIELDS.map((f) => String(r[f] ?? ''))), ...extra];
  return `${lines.map((l) => l.map(quote).join(';')).join('\r\n')}\r\n`;
}

/** An XLSX in the source's layout; Date and number cells stay typed, as a bank's export has them. */
export async function statementXlsx(source: StatementSource, rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Statement');
  sheet.addRow(header(source));
  for (const r of rows) sheet.addRow(FIELDS.map((f) => r[f] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
