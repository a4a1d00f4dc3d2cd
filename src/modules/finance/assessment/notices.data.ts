// What a tax notice says, gathered per payer and year from the current assessment lines:
// each object, base, share, rule with its legal reference, amount, the due date, the payer's
// name, address and language, and the notice's number (the payment reference).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { unscoped, type TenantDb } from '../../../platform/db/tenant.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import type { PayerKind } from '../ledger/ledger.table.ts';

export interface NoticeLine {
  objectLabel: string;
  taxKind: string;
  base: number;
  share: string;
  legalRef: string | null;
  verification: string | null;
  amount: number;
  dueOn: string | null;
}

export interface NoticePayer {
  payerKind: PayerKind;
  payerId: number;
  name: string;
  identifier: string | null;
  address: string | null;
  email: string | null;
  phone: string | null;
  /** The payer's language when the portal knows it (their verified account); Armenian otherwise. */
  locale: Locale;
  number: string;
  lines: NoticeLine[];
  total: number;
}

export const payerKeyOf = (kind: PayerKind, id: number) => `${kind}:${id}`;
/** The notice's number, quoted as the payment reference: year, R/O and the payer's id. */
export const noticeNumber = (year: number, kind: PayerKind, id: number) => `${year}-${kind === 'resident' ? 'R' : 'O'}${String(id).padStart(6, '0')}`;

/** Payers with something to pay for the year, with their notice; `only` narrows it to one payer. */
export async function noticePayers(db: Kysely<Database>, tdb: TenantDb, year: number, only?: { kind: PayerKind; id: number }): Promise<NoticePayer[]> {
  let q = tdb.selectFrom('fin_assessment_lines')
    .leftJoin('fin_obligations', 'fin_obligations.id', 'fin_assessment_lines.obligation_id')
    .select([
      'fin_assessment_lines.payer_kind', 'fin_assessment_lines.resident_id', 'fin_assessment_lines.organization_id', 'fin_assessment_lines.object_label',
      'fin_assessment_lines.tax_kind', 'fin_assessment_lines.base', 'fin_assessment_lines.share_num', 'fin_assessment_lines.share_den',
      'fin_assessment_lines.legal_ref', 'fin_assessment_lines.verification', 'fin_assessment_lines.amount', 'fin_obligations.due_on',
    ])
    .where('fin_assessment_lines.year', '=', year).where('fin_assessment_lines.status', '=', 'current').where('fin_assessment_lines.amount', '>', 0)
    .orderBy('fin_assessment_lines.payer_kind').orderBy('fin_assessment_lines.resident_id').orderBy('fin_assessment_lines.organization_id').orderBy('fin_assessment_lines.object_label');
  if (only) q = q.where(only.kind === 'resident' ? 'fin_assessment_lines.resident_id' : 'fin_assessment_lines.organization_id', '=', only.id);
  const rows = await q.execute();
  const byPayer = new Map<string, NoticePayer>();
  for (const r of rows) {
    const kind = r.payer_kind!;
    const id = (kind === 'resident' ? r.resident_id : r.organization_id)!;
    const key = payerKeyOf(kind, id);
    let p = byPayer.get(key);
    if (!p) {
      p = { payerKind: kind, payerId: id, name: '', identifier: null, address: null, email: null, phone: null, locale: 'hy', number: noticeNumber(year, kind, id), lines: [], total: 0 };
      byPayer.set(key, p);
    }
    p.lines.push({
      objectLabel: r.object_label, taxKind: r.tax_kind, base: Number(r.base), share: `${r.share_num}/${r.share_den}`, legalRef: r.legal_ref,
      verification: r.verification, amount: Number(r.amount), dueOn: r.due_on ?? null,
    });
    p.total += Number(r.amount);
  }
  const payers = [...byPayer.values()];
  await fillResidents(db, tdb, payers.filter((p) => p.payerKind === 'resident'));
  await fillOrganizations(tdb, payers.filter((p) => p.payerKind === 'organization'));
  return payers;
}

const addressOf = (r: { settlement: string | null; street: string | null; number: string | null; unit: string | null }) =>
  [r.settlement, [r.street, r.number].filter(Boolean).join(' ') || null, r.unit ? `բն. ${r.unit}` : null].filter(Boolean).join(', ') || null;

async function fillResidents(db: Kysely<Database>, tdb: TenantDb, payers: NoticePayer[]): Promise<void> {
  const ids = payers.map((p) => p.payerId);
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await tdb.selectFrom('residents')
      .leftJoin('settlements', 'settlements.id', 'residents.settlement_id')
      .leftJoin('addresses', 'addresses.id', 'residents.address_id')
      .leftJoin('streets', 'streets.id', 'addresses.street_id')
      .leftJoin('address_units', 'address_units.id', 'residents.unit_id')
      .select([
        'residents.id', 'residents.public_service_number', 'residents.email', 'residents.phone', 'settlements.name_hy as settlement', 'streets.name_hy as street',
        'addresses.number', 'address_units.number as unit',
        sql<string>`${sql.ref('residents.last_name')} || ' ' || ${sql.ref('residents.first_name')}`.as('name'),
      ])
      .where('residents.id', 'in', ids.slice(i, i + 500)).execute();
    const psns = rows.flatMap((r) => (r.public_service_number ? [r.public_service_number] : []));
    const locales = new Map<string, string>();
    if (psns.length) {
      for (const u of await unscoped(db, "a payer's language is on their verified national account").selectFrom('users').select(['verified_psn', 'locale']).where('verified_psn', 'in', psns).execute()) {
        if (u.verified_psn) locales.set(u.verified_psn, u.locale);
      }
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const p of payers.slice(i, i + 500)) {
      const r = byId.get(p.payerId);
      if (!r) continue;
      Object.assign(p, { name: r.name, identifier: r.public_service_number, address: addressOf(r), email: r.email, phone: r.phone });
      const locale = r.public_service_number ? locales.get(r.public_service_number) : undefined;
      if (locale === 'ru' || locale === 'en') p.locale = locale;
    }
  }
}

async function fillOrganizations(tdb: TenantDb, payers: NoticePayer[]): Promise<void> {
  const ids = payers.map((p) => p.payerId);
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await tdb.selectFrom('organizations')
      .leftJoin('settlements', 'settlements.id', 'organizations.settlement_id')
      .leftJoin('addresses', 'addresses.id', 'organizations.address_id')
      .leftJoin('streets', 'streets.id', 'addresses.street_id')
      .select(['organizations.id', 'organizations.name', 'organizations.tax_id', 'organizations.email', 'organizations.phone', 'settlements.name_hy as settlement', 'streets.name_hy as street', 'addresses.number'])
      .where('organizations.id', 'in', ids.slice(i, i + 500)).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const p of payers.slice(i, i + 500)) {
      const r = byId.get(p.payerId);
      if (r) Object.assign(p, { name: r.name, identifier: r.tax_id, address: addressOf({ ...r, unit: null }), email: r.email, phone: r.phone });
    }
  }
}
