// Ownership shares of parcels and buildings. Rows are grouped by cadastral code; the
// shares of one object must add up to one, or every row of that object is rejected.
// The file states the whole current ownership: when it differs from the register, the
// current shares are closed on the new valid_from and the new ones start.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { parseDay, sharesSumToOne } from '../identifiers.ts';
import type { SourceRow } from './read.ts';
import { err, opt, type Checked, type Importer, type RowError, type Valid, type WriteContext } from './types.ts';

export interface OwnershipRec {
  cadastral_code: string;
  object_type: 'parcel' | 'structure';
  object_id: number;
  owner_type: 'resident' | 'organization' | 'other';
  owner_resident_id: number | null;
  owner_organization_id: number | null;
  owner_name: string | null;
  num: number;
  den: number;
  valid_from: string;
}

export function parseShare(v: string): { num: number; den: number } | null {
  const s = v.trim().replace(',', '.');
  const frac = /^(\d{1,6})\s*\/\s*(\d{1,6})$/.exec(s);
  if (frac) {
    const num = Number(frac[1]);
    const den = Number(frac[2]);
    return num > 0 && den > 0 && num <= den ? { num, den } : null;
  }
  return s === '1' ? { num: 1, den: 1 } : null;
}

interface Lookups {
  objects: Map<string, { type: 'parcel' | 'structure'; id: number }>;
  residents: Map<string, number>;
  organizations: Map<string, number>;
}

function check(l: Lookups, row: SourceRow): Checked<OwnershipRec> {
  const c = row.cells;
  const errors: RowError[] = [];
  const code = opt(c.cadastral_code);
  const object = code ? l.objects.get(code) : undefined;
  if (!code) errors.push(err(row.line, 'cadastral_code', 'field.required'));
  else if (!object) errors.push(err(row.line, 'cadastral_code', 'registry.import.error.object'));
  const psn = opt(c.owner_public_service_number);
  const tax = opt(c.owner_tax_id);
  const ownerName = opt(c.owner_name);
  let owner: Pick<OwnershipRec, 'owner_type' | 'owner_resident_id' | 'owner_organization_id' | 'owner_name'> | null = null;
  if (psn) {
    const id = l.residents.get(psn);
    if (id === undefined) errors.push(err(row.line, 'owner_public_service_number', 'registry.import.error.resident'));
    else owner = { owner_type: 'resident', owner_resident_id: id, owner_organization_id: null, owner_name: null };
  } else if (tax) {
    const id = l.organizations.get(tax);
    if (id === undefined) errors.push(err(row.line, 'owner_tax_id', 'registry.import.error.organization'));
    else owner = { owner_type: 'organization', owner_resident_id: null, owner_organization_id: id, owner_name: null };
  } else if (ownerName) {
    owner = { owner_type: 'other', owner_resident_id: null, owner_organization_id: null, owner_name: ownerName };
  } else errors.push(err(row.line, 'owner_name', 'registry.import.error.owner'));
  const share = parseShare(c.share ?? '');
  if (!share) errors.push(err(row.line, 'share', 'registry.error.share'));
  const from = opt(c.valid_from) ? parseDay(c.valid_from!) : null;
  if (!from) errors.push(err(row.line, 'valid_from', opt(c.valid_from) ? 'registry.error.date' : 'field.required'));
  if (errors.length) return { ok: false, errors };
  return { ok: true, rec: { cadastral_code: code!, object_type: object!.type, object_id: object!.id, ...owner!, num: share!.num, den: share!.den, valid_from: from! } };
}

const ownerKey = (o: { owner_type: string; owner_resident_id: number | null; owner_organization_id: number | null; owner_name: string | null; share_num?: number; num?: number; share_den?: number; den?: number }) =>
  `${o.owner_type}|${o.owner_resident_id ?? ''}|${o.owner_organization_id ?? ''}|${o.owner_name ?? ''}|${o.share_num ?? o.num}/${o.share_den ?? o.den}`;

async function write(ctx: WriteContext, rows: Valid<OwnershipRec>[]) {
  const { tx, now } = ctx;
  const groups = new Map<string, Valid<OwnershipRec>[]>();
  for (const r of rows) groups.set(r.rec.cadastral_code, [...(groups.get(r.rec.cadastral_code) ?? []), r]);
  let imported = 0;
  let unchanged = 0;
  const rejected: RowError[] = [];
  for (const group of groups.values()) {
    const { object_type, object_id } = group[0]!.rec;
    const current = await tx.selectFrom('ownerships').selectAll().where('object_type', '=', object_type).where('object_id', '=', object_id).where('valid_to', 'is', null).execute();
    const same = current.length === group.length && current.map(ownerKey).sort().join(';') === group.map((g) => ownerKey(g.rec)).sort().join(';');
    if (same) {
      unchanged += group.length;
      continue;
    }
    const from = group.map((g) => g.rec.valid_from).sort().at(-1)!;
    if (current.some((c) => c.valid_from > from)) {
      for (const g of group) rejected.push(err(g.line, 'valid_from', 'registry.import.error.validFrom'));
      continue;
    }
    if (current.length) await tx.updateTable('ownerships').set({ valid_to: from }).where('object_type', '=', object_type).where('object_id', '=', object_id).where('valid_to', 'is', null).execute();
    await tx.insertInto('ownerships', group.map(({ rec }) => ({
      object_type, object_id, owner_type: rec.owner_type, owner_resident_id: rec.owner_resident_id, owner_organization_id: rec.owner_organization_id,
      owner_name: rec.owner_name, share_num: rec.num, share_den: rec.den, valid_from: rec.valid_from, valid_to: null, created_at: now,
    }))).execute();
    imported += group.length;
  }
  return { imported, unchanged, rejected };
}

export function ownershipImporter(): Importer<OwnershipRec> {
  const l: Lookups = { objects: new Map(), residents: new Map(), organizations: new Map() };
  return {
    register: 'ownership',
    columns: ['cadastral_code', 'owner_public_service_number', 'owner_tax_id', 'owner_name', 'share', 'valid_from'],
    required: ['cadastral_code', 'share', 'valid_from'],
    async prepare(tenant: TenantDb) {
      for (const p of await tenant.selectFrom('parcels').select(['id', 'cadastral_code']).execute()) l.objects.set(p.cadastral_code, { type: 'parcel', id: p.id });
      for (const s of await tenant.selectFrom('structures').select(['id', 'cadastral_code']).execute()) l.objects.set(s.cadastral_code, { type: 'structure', id: s.id });
      for (const r of await tenant.selectFrom('residents').select(['id', 'public_service_number']).where('public_service_number', 'is not', null).execute()) l.residents.set(r.public_service_number!, r.id);
      for (const o of await tenant.selectFrom('organizations').select(['id', 'tax_id']).execute()) l.organizations.set(o.tax_id, o.id);
    },
    check: (row) => check(l, row),
    key: () => null,
    group: (r) => r.cadastral_code,
    checkGroup(rows) {
      if (sharesSumToOne(rows.map((r) => ({ num: r.rec.num, den: r.rec.den })))) return [];
      return rows.map((r) => err(r.line, 'share', 'registry.error.sharesSum'));
    },
    write,
  };
}
