// Households: members named by public service number and grouped by household_key; each
// group needs exactly one 'head' row. A group whose members already form one household
// with the same relationships is unchanged; otherwise a household is made at the head's
// address and the members are moved into it.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { Relationship } from '../registry.table.ts';
import type { SourceRow } from './read.ts';
import { err, opt, type Checked, type Importer, type RowError, type Valid, type WriteContext } from './types.ts';

export const RELATIONSHIPS: Relationship[] = ['head', 'spouse', 'child', 'parent', 'sibling', 'grandchild', 'grandparent', 'other'];

export interface HouseholdRec {
  psn: string;
  household_key: string;
  relationship: Relationship;
  resident: { id: number; household_id: number | null; relationship: Relationship | null; settlement_id: number; address_id: number | null; unit_id: number | null };
}

type Resident = HouseholdRec['resident'];

function check(residents: Map<string, Resident>, row: SourceRow): Checked<HouseholdRec> {
  const c = row.cells;
  const errors: RowError[] = [];
  const psn = opt(c.public_service_number);
  const resident = psn ? residents.get(psn) : undefined;
  if (!psn) errors.push(err(row.line, 'public_service_number', 'field.required'));
  else if (!/^\d{10}$/.test(psn)) errors.push(err(row.line, 'public_service_number', 'registry.error.psn'));
  else if (!resident) errors.push(err(row.line, 'public_service_number', 'registry.import.error.resident'));
  const key = opt(c.household_key);
  if (!key) errors.push(err(row.line, 'household_key', 'field.required'));
  const rel = (opt(c.relationship) ?? '').toLowerCase() as Relationship;
  if (!RELATIONSHIPS.includes(rel)) errors.push(err(row.line, 'relationship', opt(c.relationship) ? 'registry.import.error.relationship' : 'field.required'));
  if (errors.length) return { ok: false, errors };
  return { ok: true, rec: { psn: psn!, household_key: key!, relationship: rel, resident: resident! } };
}

async function write(ctx: WriteContext, rows: Valid<HouseholdRec>[]) {
  const { tx, now } = ctx;
  const groups = new Map<string, Valid<HouseholdRec>[]>();
  for (const r of rows) groups.set(r.rec.household_key, [...(groups.get(r.rec.household_key) ?? []), r]);
  let imported = 0;
  let unchanged = 0;
  for (const group of groups.values()) {
    const head = group.find((g) => g.rec.relationship === 'head')!.rec.resident;
    const hid = head.household_id;
    const sameHousehold = hid !== null && group.every((g) => g.rec.resident.household_id === hid && g.rec.resident.relationship === g.rec.relationship);
    if (sameHousehold) {
      const size = await tx.selectFrom('residents').select((eb) => eb.fn.countAll<number>().as('n')).where('household_id', '=', hid).executeTakeFirstOrThrow();
      if (Number(size.n) === group.length) {
        unchanged += group.length;
        continue;
      }
    }
    const household = await tx
      .insertInto('households', { settlement_id: head.settlement_id, address_id: head.address_id, unit_id: head.unit_id, created_at: now })
      .returning('id').executeTakeFirstOrThrow();
    for (const g of group) {
      await tx.updateTable('residents').set({ household_id: household.id, relationship: g.rec.relationship, updated_at: now }).where('id', '=', g.rec.resident.id).execute();
      g.rec.resident.household_id = household.id;
      g.rec.resident.relationship = g.rec.relationship;
    }
    imported += group.length;
  }
  return { imported, unchanged, rejected: [] };
}

export function householdsImporter(): Importer<HouseholdRec> {
  const residents = new Map<string, Resident>();
  return {
    register: 'households',
    columns: ['public_service_number', 'household_key', 'relationship'],
    required: ['public_service_number', 'household_key', 'relationship'],
    async prepare(tenant: TenantDb) {
      const rows = await tenant.selectFrom('residents')
        .select(['id', 'public_service_number', 'household_id', 'relationship', 'settlement_id', 'address_id', 'unit_id'])
        .where('public_service_number', 'is not', null).execute();
      for (const r of rows) residents.set(r.public_service_number!, { id: r.id, household_id: r.household_id, relationship: r.relationship, settlement_id: r.settlement_id, address_id: r.address_id, unit_id: r.unit_id });
    },
    check: (row) => check(residents, row),
    keyColumn: 'public_service_number',
    key: (r) => r.psn,
    group: (r) => r.household_key,
    checkGroup(rows) {
      const heads = rows.filter((r) => r.rec.relationship === 'head').length;
      if (heads === 1) return [];
      return rows.map((r) => err(r.line, 'relationship', heads === 0 ? 'registry.import.error.noHead' : 'registry.import.error.twoHeads'));
    },
    write,
  };
}
