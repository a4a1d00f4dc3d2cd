// What each output template says, as plain data (title, subject, paragraphs, facts, a
// members table), built from the case, its service version and the population register.
// Documents are issued in Armenian, so the texts come from the hy catalogue. Rendering the
// data to PDF is documents.pdf.ts's job; storing and numbering it is documents.service.ts's.
import type { Selectable } from 'kysely';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { formatDay, todayInYerevan, translator, type MessageKey } from '../../../platform/i18n/index.ts';
import type { CommunityRow } from '../../../platform/http/context.ts';
import { findByPsn, householdCompositionData, residenceCertificateData } from '../../registry/index.ts';
import type { CasesTable } from '../services.table.ts';
import type { FieldSpec, OutputTemplate, ServiceSpec } from '../catalogue/spec.ts';

export type DocumentKind = Exclude<OutputTemplate, 'none'>;
export type CaseRow = Selectable<CasesTable>;

export interface DocumentContent {
  kind: DocumentKind;
  /** Printed title, kept in issued_documents. */
  title: string;
  /** The name the document is about, as printed; the only personal detail /verify shows. */
  subject: string;
  /** Under the title: the application number. */
  subtitle: string | null;
  paragraphs: string[];
  facts: [string, string][];
  members: { columns: { label: string; width: number }[]; rows: string[][] } | null;
  closing: string[];
  /** The population register records read to fill it in: issuing audits a view of each. */
  residents?: number[];
}

const hy = translator('hy');

/** "Անի Պետրոսյան": first name then surname, as a person is named in a letter. */
function personName(p: { firstName: string; lastName: string }): string {
  return `${p.firstName} ${p.lastName}`;
}

function fullName(p: { firstName: string; lastName: string; patronymic: string | null }): string {
  return [p.lastName, p.firstName, p.patronymic].filter(Boolean).join(' ');
}

function formValues(caseRow: CaseRow): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(caseRow.form_data);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A form value as printed: option labels for selects, dd.mm.yyyy for dates. */
function printedValue(field: FieldSpec | undefined, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (field?.type === 'checkbox') return value === true || value === 'true' || value === '1' || value === 'on' ? hy('services.documents.pdf.yes') : hy('services.documents.pdf.no');
  const text = Array.isArray(value) ? value.map(String).join(', ') : String(value);
  if (field?.type === 'select') return field.options?.find((o) => o.value === text)?.label.hy ?? text;
  if (field?.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDay(text);
  return text;
}

/**
 * Fills {field_key} placeholders from the case's form values, plus {applicant_name} and
 * {reg_number}. Braces that name nothing are left as written.
 */
export function fillPlaceholders(template: string, spec: ServiceSpec, caseRow: CaseRow): string {
  const values = formValues(caseRow);
  const fields = new Map(spec.fields.map((f) => [f.key, f]));
  const extra: Record<string, string> = { applicant_name: caseRow.applicant_name, reg_number: caseRow.reg_number ?? '—' };
  return template.replace(/\{([a-z][a-z0-9_]*)\}/g, (whole, key: string) => {
    if (key in extra) return extra[key]!;
    if (!fields.has(key)) return whole;
    return printedValue(fields.get(key), values[key]);
  });
}

function notInRegister(key: MessageKey): AppError {
  return new AppError(409, 'not_in_register', key);
}

/** The applicant's register entry: refuses when they have no PSN or are not registered here now. */
async function registeredApplicant(tenant: TenantDb, caseRow: CaseRow) {
  const found = caseRow.applicant_psn ? await findByPsn(tenant, caseRow.applicant_psn) : null;
  const data = found ? await residenceCertificateData(tenant, found.id) : null;
  if (!data || data.resident.status !== 'registered') throw notInRegister('services.documents.error.notInRegister');
  return data;
}

function caseSubtitle(caseRow: CaseRow): string | null {
  return caseRow.reg_number ? hy('services.documents.pdf.caseNumber', { number: caseRow.reg_number }) : null;
}

function approvedTitle(spec: ServiceSpec): string {
  return spec.output.title?.hy ?? spec.name.hy;
}

async function residenceCertificate(tenant: TenantDb, community: CommunityRow, caseRow: CaseRow, spec: ServiceSpec): Promise<DocumentContent> {
  const data = await registeredApplicant(tenant, caseRow);
  const r = data.resident;
  const facts: [string, string][] = [
    [hy('services.documents.pdf.field.name'), fullName(r)],
    [hy('services.documents.pdf.field.psn'), r.publicServiceNumber ?? '—'],
    [hy('services.documents.pdf.field.birthDate'), formatDay(r.birthDate)],
    [hy('services.documents.pdf.field.address'), data.address],
  ];
  if (data.registeredSince) facts.push([hy('services.documents.pdf.field.registeredSince'), formatDay(data.registeredSince)]);
  return {
    kind: 'residence_certificate',
    title: approvedTitle(spec),
    subject: personName(r),
    subtitle: caseSubtitle(caseRow),
    paragraphs: [hy('services.documents.pdf.residence.intro', { community: community.name_hy })],
    facts,
    members: null,
    closing: [hy('services.documents.pdf.onDemand')],
    residents: [r.id],
  };
}

async function householdCertificate(tenant: TenantDb, caseRow: CaseRow, spec: ServiceSpec): Promise<DocumentContent> {
  const applicant = await registeredApplicant(tenant, caseRow);
  const household = await householdCompositionData(tenant, { residentId: applicant.resident.id });
  if (!household) throw notInRegister('services.documents.error.noHousehold');
  return {
    kind: 'household_certificate',
    title: approvedTitle(spec),
    subject: personName(applicant.resident),
    subtitle: caseSubtitle(caseRow),
    paragraphs: [hy('services.documents.pdf.household.intro', { address: household.address, count: household.members.length })],
    facts: [],
    members: {
      columns: [
        { label: hy('services.documents.pdf.field.number'), width: 0.5 },
        { label: hy('services.documents.pdf.field.name'), width: 4 },
        { label: hy('services.documents.pdf.field.birthDate'), width: 1.8 },
        { label: hy('services.documents.pdf.field.relationship'), width: 1.8 },
      ],
      rows: household.members.map((m, i) => [
        String(i + 1),
        m.name,
        formatDay(m.birthDate),
        m.relationship ? hy(`registry.population.rel.${m.relationship}` as MessageKey) : '—',
      ]),
    },
    closing: [hy('services.documents.pdf.onDemand')],
    residents: [applicant.resident.id, ...household.members.map((m) => m.id)],
  };
}

function holderFacts(caseRow: CaseRow, spec: ServiceSpec): [string, string][] {
  const facts: [string, string][] = [[hy('services.documents.pdf.field.holder'), caseRow.applicant_name]];
  if (caseRow.applicant_kind === 'organization' && caseRow.applicant_tax_id) facts.push([hy('services.documents.pdf.field.taxId'), caseRow.applicant_tax_id]);
  facts.push([hy('services.documents.pdf.field.service'), spec.name.hy]);
  if (caseRow.submitted_at) facts.push([hy('services.documents.pdf.field.submittedOn'), formatDay(todayInYerevan(new Date(caseRow.submitted_at)))]);
  return facts;
}

function permit(community: CommunityRow, caseRow: CaseRow, spec: ServiceSpec): DocumentContent {
  const body = spec.output.body ? fillPlaceholders(spec.output.body.hy, spec, caseRow) : null;
  return {
    kind: 'permit',
    title: approvedTitle(spec),
    subject: caseRow.applicant_name,
    subtitle: caseSubtitle(caseRow),
    paragraphs: [hy('services.documents.pdf.permit.intro', { community: community.name_hy, number: caseRow.reg_number ?? '—' }), ...(body ? [body] : [])],
    facts: holderFacts(caseRow, spec),
    members: null,
    closing: [],
  };
}

function decisionLetter(caseRow: CaseRow, spec: ServiceSpec, decision: 'approved' | 'rejected'): DocumentContent {
  const number = caseRow.reg_number ?? '—';
  const paragraphs = [hy('services.documents.pdf.decision.greeting', { name: caseRow.applicant_name })];
  if (decision === 'rejected') {
    paragraphs.push(hy('services.documents.pdf.decision.rejected', { number, service: spec.name.hy }), caseRow.decision_reason?.trim() || '—');
  } else {
    paragraphs.push(hy('services.documents.pdf.decision.approved', { number, service: spec.name.hy }));
    if (spec.output.body) paragraphs.push(fillPlaceholders(spec.output.body.hy, spec, caseRow));
  }
  return {
    kind: 'decision_letter',
    title: decision === 'rejected' ? hy('services.documents.kind.decision_letter') : approvedTitle(spec),
    subject: caseRow.applicant_name,
    subtitle: caseSubtitle(caseRow),
    paragraphs,
    facts: holderFacts(caseRow, spec),
    members: null,
    closing: decision === 'rejected' ? [hy('services.documents.pdf.decision.appeal')] : [],
  };
}

/**
 * The content of the document a decision produces, or null when there is none: an approval
 * yields the service's template (none: nothing), a rejection always yields a decision letter
 * with the reason.
 */
export async function buildDocumentContent(
  tenant: TenantDb,
  input: { community: CommunityRow; caseRow: CaseRow; spec: ServiceSpec; decision: 'approved' | 'rejected' },
): Promise<DocumentContent | null> {
  const { community, caseRow, spec, decision } = input;
  if (decision === 'rejected') return decisionLetter(caseRow, spec, 'rejected');
  switch (spec.output.template) {
    case 'none':
      return null;
    case 'residence_certificate':
      return residenceCertificate(tenant, community, caseRow, spec);
    case 'household_certificate':
      return householdCertificate(tenant, caseRow, spec);
    case 'permit':
      return permit(community, caseRow, spec);
    case 'decision_letter':
      return decisionLetter(caseRow, spec, 'approved');
  }
}
