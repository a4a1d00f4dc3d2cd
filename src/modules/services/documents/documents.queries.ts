// Data access for output documents: by id within a community (staff, citizen downloads),
// by code across the country (/verify), and the people and places printed on them.
import { unscoped, type Executor, type TenantDb } from '../../../platform/db/tenant.ts';
import { localized, translator, type Locale, type MessageKey } from '../../../platform/i18n/index.ts';

/** Who signs, most senior first: the person printed on the document is their highest role. */
const SIGNING_ORDER = ['head', 'deputy_head', 'chief_of_staff', 'settlement_head', 'specialist', 'operator', 'accountant', 'it_admin', 'council_member'];

export async function findDocument(tenant: TenantDb, documentId: number) {
  return (
    (await tenant
      .selectFrom('issued_documents')
      .leftJoin('cases', 'cases.id', 'issued_documents.case_id')
      .select([
        'issued_documents.id', 'issued_documents.case_id', 'issued_documents.code', 'issued_documents.kind', 'issued_documents.title',
        'issued_documents.subject', 'issued_documents.issuer_name', 'issued_documents.issued_at', 'issued_documents.sha256',
        'issued_documents.status', 'issued_documents.revoked_at', 'issued_documents.revoke_reason',
        'cases.reg_number', 'cases.settlement_id', 'cases.applicant_user_id',
      ])
      .where('issued_documents.id', '=', documentId)
      .executeTakeFirst()) ?? null
  );
}
export type DocumentRow = NonNullable<Awaited<ReturnType<typeof findDocument>>>;

/** The documents issued for a case, newest first (for the case pages). */
export async function documentsOfCase(tenant: TenantDb, caseId: number) {
  return tenant
    .selectFrom('issued_documents')
    .select(['id', 'code', 'kind', 'title', 'issued_at', 'status', 'revoked_at'])
    .where('case_id', '=', caseId)
    .orderBy('id', 'desc')
    .execute();
}

/** A document by its (normalised) code in any community, with the issuing community's names. */
export async function findDocumentByCode(db: Executor, code: string) {
  return (
    (await unscoped(db, '/verify answers for documents of every community; it shows only the facts printed on the paper')
      .selectFrom('issued_documents')
      .innerJoin('communities', 'communities.id', 'issued_documents.community_id')
      .select([
        'issued_documents.code', 'issued_documents.kind', 'issued_documents.title', 'issued_documents.subject', 'issued_documents.issued_at',
        'issued_documents.status', 'issued_documents.revoked_at', 'communities.name_hy', 'communities.name_en', 'communities.name_ru',
      ])
      .where('issued_documents.code', '=', code)
      .executeTakeFirst()) ?? null
  );
}
export type VerifiedDocument = NonNullable<Awaited<ReturnType<typeof findDocumentByCode>>>;

export async function codeTaken(db: Executor, code: string): Promise<boolean> {
  const row = await unscoped(db, 'document codes are unique across the country')
    .selectFrom('issued_documents').select('id').where('code', '=', code).executeTakeFirst();
  return Boolean(row);
}

export async function marzName(db: Executor, marzId: string, locale: Locale): Promise<string | null> {
  const row = await unscoped(db, 'marzes are national reference data')
    .selectFrom('marzes').select(['name_hy', 'name_en', 'name_ru']).where('id', '=', marzId).executeTakeFirst();
  return row ? localized(row, 'name', locale) : null;
}

/**
 * The name and position printed as the issuer: `userId`'s most senior role in the community,
 * or else the community head, or else the administration itself; the position in `locale`.
 */
export async function issuerOf(tenant: TenantDb, userId: number | null, locale: Locale): Promise<{ name: string; position: string }> {
  const t = translator(locale);
  const rows = await tenant
    .selectFrom('role_assignments')
    .innerJoin('users', 'users.id', 'role_assignments.user_id')
    .select(['users.id', 'users.full_name', 'role_assignments.role'])
    .where((eb) => (userId === null ? eb('role_assignments.role', '=', 'head') : eb.or([eb('users.id', '=', userId), eb('role_assignments.role', '=', 'head')])))
    .where('users.disabled', '=', 0)
    .execute();
  const rank = (role: string) => (SIGNING_ORDER.includes(role) ? SIGNING_ORDER.indexOf(role) : SIGNING_ORDER.length);
  const mine = rows.filter((r) => r.id === userId).sort((a, b) => rank(a.role) - rank(b.role))[0];
  const chosen = mine ?? rows.filter((r) => r.role === 'head').sort((a, b) => a.id - b.id)[0];
  if (!chosen) return { name: t('services.documents.pdf.staff'), position: '' };
  return { name: chosen.full_name, position: t(`backoffice.role.${chosen.role}` as MessageKey) };
}
