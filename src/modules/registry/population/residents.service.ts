// Use-cases of the population register. Every change runs in one transaction with its
// audit event; life events are appended to resident_events and never deleted. Reads of a
// person's record and searches are audited too, each in a transaction of its own.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { unscoped } from '../../../platform/db/tenant.ts';
import { appendAudit, type AuditActor, type AuditEntry } from '../../../platform/audit/audit.ts';
import { badRequest, notFound } from '../../../platform/http/errors.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { romanizeArmenian } from '../../../platform/search/romanize.ts';
import { replaceSearchKeys, residentKeys } from '../search-keys.ts';
import type { LifeEventInput, ResidentCreateInput, ResidentEditInput } from './population.schemas.ts';
import { checkAddress, findByPsn, findResident, findUnit, type Scope } from './residents.queries.ts';

export interface RegistryActor {
  audit: AuditActor;
  userId: number | null;
  scope: Scope;
}

type PersonInput = Omit<ResidentEditInput, 'reason'>;

/** The stored name fields: Latin names default to the BGN/PCGN romanization of the Armenian ones. */
function names(input: PersonInput) {
  return {
    last_name: input.last_name,
    first_name: input.first_name,
    patronymic: input.patronymic,
    last_name_latin: input.last_name_latin ?? romanizeArmenian(input.last_name),
    first_name_latin: input.first_name_latin ?? romanizeArmenian(input.first_name),
    patronymic_latin: input.patronymic_latin ?? (input.patronymic ? romanizeArmenian(input.patronymic) : null),
  };
}

function personRow(input: PersonInput) {
  const n = names(input);
  return {
    ...n,
    birth_date: input.birth_date,
    sex: input.sex,
    public_service_number: input.public_service_number,
    id_document: input.id_document,
    phone: input.phone,
    email: input.email,
    search_key: residentKeys(n).join(' '),
  };
}

function inScope(scope: Scope, settlementId: number): boolean {
  return scope === null || scope.includes(settlementId);
}

async function uniquePsn(tenant: TenantDb, psn: string | null, self: number | null) {
  if (!psn) return;
  const other = await findByPsn(tenant, psn);
  if (other && other.id !== self) throw badRequest({ public_service_number: 'registry.population.error.psnTaken' });
}

/**
 * The apartment number typed at the desk, resolved to the gazetteer's unit at the address.
 * An unknown number is a field error: apartments are added on the gazetteer's address page, not here.
 */
async function unitAt(tenant: TenantDb, addressId: number, number: string | null): Promise<number | null> {
  if (number === null) return null;
  const unitId = await findUnit(tenant, addressId, number);
  if (unitId === null) throw badRequest({ unit: 'registry.population.error.unit' });
  return unitId;
}

/** Registers someone in: the record, the "registered" life event and the search keys. */
export async function createResident(tenant: TenantDb, actor: RegistryActor, input: ResidentCreateInput): Promise<number> {
  return tenant.transaction(async (scoped, tx) => {
    const settlement = await scoped.selectFrom('settlements').select('id').where('id', '=', input.settlement_id).executeTakeFirst();
    if (!settlement || !inScope(actor.scope, settlement.id)) throw badRequest({ settlement_id: 'field.invalid' });
    let unitId: number | null = null;
    if (input.address_id !== null) {
      const a = await checkAddress(scoped, input.address_id);
      if (!a || a.settlement_id !== input.settlement_id) throw badRequest({ address_id: 'registry.population.error.address' });
      unitId = await unitAt(scoped, a.id, input.unit);
    } else if (input.unit !== null) throw badRequest({ address_id: 'registry.population.error.unitNoAddress' });
    await uniquePsn(scoped, input.public_service_number, null);
    const now = new Date().toISOString();
    const row = {
      ...personRow(input),
      settlement_id: input.settlement_id,
      address_id: input.address_id,
      unit_id: unitId,
      household_id: null,
      relationship: null,
      status: 'registered' as const,
      created_at: now,
      updated_at: now,
    };
    const { id } = await scoped.insertInto('residents', row).returning('id').executeTakeFirstOrThrow();
    const onDate = input.registered_on ?? todayInYerevan();
    await scoped
      .insertInto('resident_events', {
        resident_id: id, kind: 'registered', on_date: onDate, reason: null, actor_user_id: actor.userId, created_at: now,
        details_json: JSON.stringify({ settlementId: input.settlement_id, addressId: input.address_id, unitId }),
      })
      .execute();
    await replaceSearchKeys(scoped, 'resident', id, residentKeys(row));
    await appendAudit(tx, actor.audit, { communityId: scoped.communityId, action: 'resident.create', entityType: 'resident', entityId: id, after: { ...row, registeredOn: onDate } });
    return id;
  });
}

/** A correction of the record's details: a "corrected" event with what changed and why. */
export async function correctResident(tenant: TenantDb, actor: RegistryActor, id: number, input: ResidentEditInput): Promise<void> {
  await tenant.transaction(async (scoped, tx) => {
    const current = await findResident(scoped, actor.scope, id);
    if (!current) throw notFound();
    await uniquePsn(scoped, input.public_service_number, id);
    const next = personRow(input);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(next)) {
      if (k === 'search_key') continue;
      const old = (current as Record<string, unknown>)[k];
      if (old !== v) {
        before[k] = old;
        after[k] = v;
      }
    }
    const now = new Date().toISOString();
    await scoped.updateTable('residents').set({ ...next, updated_at: now }).where('id', '=', id).execute();
    await scoped
      .insertInto('resident_events', {
        resident_id: id, kind: 'corrected', on_date: todayInYerevan(), details_json: JSON.stringify({ before, after }),
        reason: input.reason, actor_user_id: actor.userId, created_at: now,
      })
      .execute();
    await replaceSearchKeys(scoped, 'resident', id, residentKeys(next));
    await appendAudit(tx, actor.audit, { communityId: scoped.communityId, action: 'resident.correct', entityType: 'resident', entityId: id, before, after: { ...after, reason: input.reason } });
  });
}

/** Moved within the community, moved out, died: the event, and the record's new state. */
export async function recordLifeEvent(tenant: TenantDb, actor: RegistryActor, id: number, input: LifeEventInput): Promise<void> {
  await tenant.transaction(async (scoped, tx) => {
    const current = await findResident(scoped, actor.scope, id);
    if (!current) throw notFound();
    if (current.status !== 'registered') throw badRequest({ kind: 'registry.population.error.notRegistered' });
    if (input.on_date > todayInYerevan() || input.on_date < current.birth_date) throw badRequest({ on_date: 'registry.population.error.eventDate' });
    let change: Record<string, unknown>;
    if (input.kind === 'moved_within') {
      if (input.address_id === null) throw badRequest({ address_id: 'field.required' });
      const a = await checkAddress(scoped, input.address_id);
      if (!a || !inScope(actor.scope, a.settlement_id)) throw badRequest({ address_id: 'registry.population.error.address' });
      change = { settlement_id: a.settlement_id, address_id: a.id, unit_id: await unitAt(scoped, a.id, input.unit) };
    } else {
      change = { status: input.kind === 'died' ? 'deceased' : 'moved_out' };
    }
    const before = Object.fromEntries(Object.keys(change).map((k) => [k, (current as Record<string, unknown>)[k]]));
    const now = new Date().toISOString();
    await scoped.updateTable('residents').set({ ...change, updated_at: now }).where('id', '=', id).execute();
    await scoped
      .insertInto('resident_events', {
        resident_id: id, kind: input.kind, on_date: input.on_date, details_json: JSON.stringify({ before, after: change }),
        reason: input.reason, actor_user_id: actor.userId, created_at: now,
      })
      .execute();
    await appendAudit(tx, actor.audit, { communityId: scoped.communityId, action: `resident.${input.kind}`, entityType: 'resident', entityId: id, before, after: { ...change, onDate: input.on_date, reason: input.reason } });
  });
}

/** A search of the register: its text and how many matched (the residents shown get a view event each, people-audit.ts). */
export function residentSearchEntry(communityId: number, q: string, count: number): AuditEntry {
  return { communityId, action: 'resident.search', entityType: 'resident', entityId: null, after: { q, count } };
}

/**
 * Links a citizen account (found by email or phone) to this record's public service number,
 * after the operator checked the citizen's identity document at the desk.
 */
export async function linkCitizenAccount(tenant: TenantDb, actor: RegistryActor, id: number, contact: string): Promise<void> {
  await tenant.transaction(async (scoped, tx) => {
    const r = await findResident(scoped, actor.scope, id);
    if (!r) throw notFound();
    if (!r.public_service_number) throw badRequest({ contact: 'registry.population.error.noPsn' });
    const users = unscoped(tx, 'citizen accounts are national; the operator links one to this record by its contact');
    const c = contact.trim();
    const user = await users
      .selectFrom('users')
      .select(['id', 'verified_psn'])
      .where((eb) => eb.or([eb('email', '=', c.toLowerCase()), eb('phone', '=', c.replace(/[\s-]/g, ''))]))
      .executeTakeFirst();
    if (!user) throw badRequest({ contact: 'registry.population.error.noAccount' });
    await users.updateTable('users').set({ verified_psn: r.public_service_number, updated_at: new Date().toISOString() }).where('id', '=', user.id).execute();
    await appendAudit(tx, actor.audit, {
      communityId: scoped.communityId, action: 'resident.link_account', entityType: 'resident', entityId: id,
      before: { userId: user.id, verifiedPsn: user.verified_psn }, after: { userId: user.id, verifiedPsn: r.public_service_number },
    });
  });
}
