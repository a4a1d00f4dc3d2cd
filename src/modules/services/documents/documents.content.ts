// What each output template says, as plain data (title, subject, paragraphs, facts, a
// members table), built from the case, its service version and the population register.
// A document is written in the applicant's language (the case's applicant_locale): the
// catalogue's texts and the service's own names in that language where the community gave
// one, else Armenian. What the register holds (names, addresses) is printed as registered,
// in Armenian. Rendering the data to PDF is documents.pdf.ts's job; storing and numbering
// it is documents.service.ts's.
import type { Selectable } from 'kysely';
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { DEFAULT_LOCALE, formatDay, isLocale, localized, todayInYerevan, translator, type Locale, type MessageKey, type Translate } from '../../../platform/i18n/index.ts';
import type { CommunityRow } from '../../../platform/http/context.ts';
import { findByPsn, householdCompositionData, residenceCertificateData } from '../../registry/index.ts';
import type { CasesTable } from '../services.table.ts';
import { pick, type FieldSpec, type OutputTemplate, type ServiceSpec } from '../catalogue/spec.ts';

export type DocumentKind = Exclude<OutputTemplate, 'none'>;
export type CaseRow = Selectable<CasesTable>;

export interface DocumentContent {
  kind: DocumentKind;
  /** The language it is written in. */
  locale: Locale;
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

/** The language a case's documents are written in: the applicant's, if the system has it. */
export function documentLocale(caseRow: Pick<CaseRow, 'applicant_locale'>): Locale {
  return isLocale(caseRow.applicant_locale) ? caseRow.applicant_locale : DEFAULT_LOCALE;
}

/** What every template needs: the case, its service, and the document's language. */
interface Draft {
  caseRow: CaseRow;
  spec: ServiceSpec;
  locale: Locale;
  t: Translate;
}

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
function printedValue(field: FieldSpec | undefined, value: unknown, locale: Locale): string {
  const t = translator(locale);
  if (value === undefined || value === null || value === '') return '—';
  if (field?.type === 'checkbox') return value === true || value === 'true' || value === '1' || value === 'on' ? t('services.documents.pdf.yes') : t('services.documents.pdf.no');
  const text = Array.isArray(value) ? value.map(String).join(', ') : String(value);
  if (field?.type === 'select') {
    const option = field.options?.find((o) => o.value === text);
    return option ? pick(option.label, locale) : text;
  }
  if (field?.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDay(text);
  return text;
}

/**
 * Fills {field_key} placeholders from the case's form values, plus {applicant_name} and
 * {reg_number}. Braces that name nothing are left as written.
 */
export function fillPlaceholders(template: string, spec: ServiceSpec, caseRow: CaseRow, locale: Locale = DEFAULT_LOCALE): string {
  const values = formValues(caseRow);
  const fields = new Map(spec.fields.map((f) => [f.key, f]));
  const extra: Record<string, string> = { applicant_name: caseRow.applicant_name, reg_number: caseRow.reg_number ?? '—' };
  return template.replace(/\{([a-z][a-z0-9_]*)\}/g, (whole, key: string) => {
    if (key in extra) return extra[key]!;
    if (!fields.has(key)) return whole;
    return printedValue(fields.get(key), values[key], locale);
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

function caseSubtitle({ caseRow, t }: Draft): string | null {
  return caseRow.reg_number ? t('services.documents.pdf.caseNumber', { number: caseRow.reg_number }) : null;
}

function approvedTitle({ spec, locale }: Draft): string {
  return pick(spec.output.title ?? spec.name, locale);
}

/** The service's own body text with its placeholders filled, in the document's language. */
function outputBody({ spec, caseRow, locale }: Draft): string | null {
  return spec.output.body ? fillPlaceholders(pick(spec.output.body, locale), spec, caseRow, locale) : null;
}

async function residenceCertificate(tenant: TenantDb, community: CommunityRow, draft: Draft): Promise<DocumentContent> {
  const { caseRow, locale, t } = draft;
  const data = await registeredApplicant(tenant, caseRow);
  const r = data.resident;
  const facts: [string, string][] = [
    [t('services.documents.pdf.field.name'), fullName(r)],
    [t('services.documents.pdf.field.psn'), r.publicServiceNumber ?? '—'],
    [t('services.documents.pdf.field.birthDate'), formatDay(r.birthDate)],
    [t('services.documents.pdf.field.address'), data.address],
  ];
  if (data.registeredSince) facts.push([t('services.documents.pdf.field.registeredSince'), formatDay(data.registeredSince)]);
  return {
    kind: 'residence_certificate',
    locale,
    title: approvedTitle(draft),
    subject: personName(r),
    subtitle: caseSubtitle(draft),
    paragraphs: [t('services.documents.pdf.residence.intro', { community: localized(community, 'name', locale) })],
    facts,
    members: null,
    closing: [t('services.documents.pdf.onDemand')],
    residents: [r.id],
  };
}

async function householdCertificate(tenant: TenantDb, draft: Draft): Promise<DocumentContent> {
  const { caseRow, locale, t } = draft;
  const applicant = await registeredApplicant(tenant, caseRow);
  const household = await householdCompositionData(tenant, { residentId: applicant.resident.id });
  if (!household) throw notInRegister('services.documents.error.noHousehold');
  return {
    kind: 'household_certificate',
    locale,
    title: approvedTitle(draft),
    subject: personName(applicant.resident),
    subtitle: caseSubtitle(draft),
    paragraphs: [t('services.documents.pdf.household.intro', { address: household.address, count: household.members.length })],
    facts: [],
    members: {
      columns: [
        { label: t('services.documents.pdf.field.number'), width: 0.5 },
        { label: t('services.documents.pdf.field.name'), width: 4 },
        { label: t('services.documents.pdf.field.birthDate'), width: 1.8 },
        { label: t('services.documents.pdf.field.relationship'), width: 1.8 },
      ],
      rows: household.members.map((m, i) => [
        String(i + 1),
        m.name,
        formatDay(m.birthDate),
        m.relationship ? t(`registry.population.rel.${m.relationship}` as MessageKey) : '—',
      ]),
    },
    closing: [t('services.documents.pdf.onDemand')],
    residents: [applicant.resident.id, ...household.members.map((m) => m.id)],
  };
}

function holderFacts({ caseRow, spec, locale, t }: Draft): [string, string][] {
  const facts: [string, string][] = [[t('services.documents.pdf.field.holder'), caseRow.applicant_name]];
  if (caseRow.applicant_kind === 'organization' && caseRow.applicant_tax_id) facts.push([t('services.documents.pdf.field.taxId'), caseRow.applicant_tax_id]);
  facts.push([t('services.documents.pdf.field.service'), pick(spec.name, locale)]);
  if (caseRow.submitted_at) facts.push([t('services.documents.pdf.field.submittedOn'), formatDay(todayInYerevan(new Date(caseRow.submitted_at)))]);
  return facts;
}

function permit(community: CommunityRow, draft: Draft): DocumentContent {
  const { caseRow, locale, t } = draft;
  const body = outputBody(draft);
  return {
    kind: 'permit',
    locale,
    title: approvedTitle(draft),
    subject: caseRow.applicant_name,
    subtitle: caseSubtitle(draft),
    paragraphs: [t('services.documents.pdf.permit.intro', { community: localized(community, 'name', locale), number: caseRow.reg_number ?? '—' }), ...(body ? [body] : [])],
    facts: holderFacts(draft),
    members: null,
    closing: [],
  };
}

function decisionLetter(draft: Draft, decision: 'approved' | 'rejected'): DocumentContent {
  const { caseRow, spec, locale, t } = draft;
  const number = caseRow.reg_number ?? '—';
  const service = pick(spec.name, locale);
  const paragraphs = [t('services.documents.pdf.decision.greeting', { name: caseRow.applicant_name })];
  if (decision === 'rejected') {
    paragraphs.push(t('services.documents.pdf.decision.rejected', { number, service }), caseRow.decision_reason?.trim() || '—');
  } else {
    paragraphs.push(t('services.documents.pdf.decision.approved', { number, service }));
    const body = outputBody(draft);
    if (body) paragraphs.push(body);
  }
  return {
    kind: 'decision_letter',
    locale,
    title: decision === 'rejected' ? t('services.documents.kind.decision_letter') : approvedTitle(draft),
    subject: caseRow.applicant_name,
    subtitle: caseSubtitle(draft),
    paragraphs,
    facts: holderFacts(draft),
    members: null,
    closing: decision === 'rejected' ? [t('services.documents.pdf.decision.appeal')] : [],
  };
}

/**
 * The content of the document a decision produces, or null when there is none: an approval
 * yields the service's template (none: nothing), a rejection always yields a decision letter
 * with the reason. Written in the applicant's language (documentLocale).
 */
export async function buildDocumentContent(
  tenant: TenantDb,
  input: { community: CommunityRow; caseRow: CaseRow; spec: ServiceSpec; decision: 'approved' | 'rejected' },
): Promise<DocumentContent | null> {
  const { community, caseRow, spec, decision } = input;
  const locale = documentLocale(caseRow);
  const draft: Draft = { caseRow, spec, locale, t: translator(locale) };
  if (decision === 'rejected') return decisionLetter(draft, 'rejected');
  switch (spec.output.template) {
    case 'none':
      return null;
    case 'residence_certificate':
      return residenceCertificate(tenant, community, draft);
    case 'household_certificate':
      return householdCertificate(tenant, draft);
    case 'permit':
      return permit(community, draft);
    case 'decision_letter':
      return decisionLetter(draft, 'approved');
  }
}
