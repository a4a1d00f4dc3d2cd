// The services demo: a year of cases in Sisian (≥ 500) and Jermuk (~60) across most
// services, in every workflow state, with open cases overdue and at risk, information
// requests and answers, ratings, the demo citizens' own cases, a handful of real output
// documents (so /verify works) and the performance figures computed from it all.
// Speed matters (every database test seeds the demo), so cases are not driven through
// the engine one transaction per step: each case's life is played forward in memory by
// services-demo-plan.ts (the engine's columns, events and deadlines) and written in bulk,
// one transaction per community. Deterministic: a seeded PRNG (only "now" moves the cut).
import type { Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { Services } from '../platform/module/contract.ts';
import { TenantDb, unscoped, type Executor } from '../platform/db/tenant.ts';
import { appendAudit, type AuditActor } from '../platform/audit/audit.ts';
import { loadCalendar } from '../platform/calendar/calendar.store.ts';
import type { WorkingCalendar } from '../platform/calendar/calendar.ts';
import { storeFile } from '../platform/files/store.ts';
import { addressText } from '../modules/registry/index.ts';
import { parseStoredSpec, type ServiceSpec } from '../modules/services/catalogue/spec.ts';
import { computeFee } from '../modules/services/catalogue/fees.ts';
import { issueOutputDocument } from '../modules/services/documents/documents.service.ts';
import { recomputeServiceStats } from '../modules/services/performance/performance.service.ts';
import { prng, type Rng } from './registry-demo-data.ts';
import { insertAll } from './registry-demo.ts';
import { demoFormValues, type ValueSource } from './services-demo-values.ts';
import { CasePlanner, yerevanDay, type DemoActor, type DemoApplicant, type DemoStaff, type Fate, type PlannedCase, type SampleFile } from './services-demo-plan.ts';

interface CommunityCases { seed: number; cases: number; documents: number }

export const SERVICES_DEMO: Record<string, CommunityCases> = {
  sisian: { seed: 0x5e41ce, cases: 540, documents: 5 },
  jermuk: { seed: 0x7e4c2b, cases: 60, documents: 1 },
};

/**
 * A demo citizen's own cases in Sisian (service, fate, days ago), so the portal shows every
 * kind. Only Hayk has a history: Ani stays a newcomer (no cases, PSN not yet verified), for
 * trying the first application and for the tests and journeys that start from nothing.
 */
const CITIZEN_CASES: Record<string, [string, Fate, number][]> = {
  'hayk@citizen.example': [
    ['residence-certificate', 'docToday', 9], ['household-certificate', 'draft', 1], ['construction-permit', 'awaitInfo', 12],
    ['information-request', 'waiting', 1], ['complaint', 'unassigned', 2], ['excavation-permit', 'stuck', 45],
    ['property-certificate', 'normal', 20], ['garbage-fee-account', 'normal', 120], ['reception-by-head', 'normal', 40],
    ['land-lease', 'normal', 60], ['parking-permit', 'normal', 200], ['trade-permit', 'normal', 300],
  ],
};

/** How often each service is asked for, relative to the others (1 when not listed). */
const WEIGHTS: Record<string, number> = {
  'residence-certificate': 14, 'household-certificate': 10, 'property-certificate': 5, 'no-tax-debt-certificate': 5, 'information-request': 4,
  'reception-by-head': 4, 'garbage-fee-account': 4, 'one-time-social-assistance': 4, complaint: 3, 'construction-permit': 3, 'trade-permit': 3,
  'notarial-power-of-attorney': 3, 'notarial-signature-certification': 3, 'archival-reference': 2, 'decision-copy': 2, 'land-lease': 2, 'parking-permit': 2,
};

/** A one-page PDF and a 1×1 PNG: the "scans" attached for required documents. */
const SAMPLE_PDF = (() => {
  const text = 'BT /F1 16 Tf 72 760 Td (Smart Municipality demo: a scanned document) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
})();
const SAMPLE_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=', 'base64');

interface DemoService { id: number; versionId: number; code: string; spec: ServiceSpec; weight: number }

interface World {
  services: DemoService[];
  persons: (DemoApplicant & { settlementId: number })[];
  orgs: DemoApplicant[];
  parcels: string[];
  staff: DemoStaff;
  citizens: Map<string, DemoApplicant>;
}

async function loadWorld(tenant: TenantDb, raw: Transaction<Database>, today: string): Promise<World> {
  const defs = await tenant.selectFrom('service_definitions')
    .innerJoin('service_versions', 'service_versions.id', 'service_definitions.current_version_id')
    .select(['service_definitions.id', 'service_definitions.code', 'service_versions.id as version_id', 'service_versions.spec'])
    .where('service_definitions.status', '=', 'published').orderBy('service_definitions.sort_order').orderBy('service_definitions.id').execute();
  const adult = `${Number(today.slice(0, 4)) - 18}${today.slice(4)}`;
  const residents = await tenant.selectFrom('residents')
    .innerJoin('settlements', 'settlements.id', 'residents.settlement_id')
    .leftJoin('addresses', 'addresses.id', 'residents.address_id').leftJoin('streets', 'streets.id', 'addresses.street_id')
    .leftJoin('address_units', 'address_units.id', 'residents.unit_id')
    .select(['residents.first_name', 'residents.last_name', 'residents.public_service_number', 'residents.phone', 'residents.email', 'residents.settlement_id',
      'settlements.name_hy as settlement', 'streets.name_hy as street', 'addresses.number', 'address_units.number as unit'])
    .where('residents.status', '=', 'registered').where('residents.public_service_number', 'is not', null).where('residents.birth_date', '<=', adult)
    .orderBy('residents.id').execute();
  const orgs = await tenant.selectFrom('organizations').leftJoin('settlements', 'settlements.id', 'organizations.settlement_id')
    .select(['organizations.tax_id', 'organizations.name', 'organizations.phone', 'organizations.email', 'settlements.name_hy as settlement'])
    .orderBy('organizations.id').execute();
  const parcels = await tenant.selectFrom('parcels').select('cadastral_code').orderBy('id').execute();
  const people = await unscoped(raw, 'the staff of this community: role assignments and their names')
    .selectFrom('role_assignments').innerJoin('users', 'users.id', 'role_assignments.user_id')
    .select(['users.id', 'users.full_name', 'role_assignments.role', 'role_assignments.settlement_id'])
    .where('role_assignments.community_id', '=', tenant.communityId).orderBy('users.id').execute();
  const withRole = (...roles: string[]): DemoActor[] => people.filter((p) => roles.includes(p.role)).map((p) => ({ userId: p.id, label: p.full_name }));
  const first = (...roles: string[][]): DemoActor => roles.map((r) => withRole(...r)[0]).find(Boolean) ?? { userId: null, label: 'demo seed' };
  const persons = residents.map((r) => ({
    kind: 'person' as const, psn: r.public_service_number, taxId: null, name: `${r.first_name} ${r.last_name}`, email: r.email,
    phone: r.phone ? r.phone.replace(/[\s()-]/g, '') : null, userId: null, settlementId: r.settlement_id,
    address: addressText({ settlement: r.settlement, street: r.street, number: r.number, unit: r.unit }),
  }));
  const staff: DemoStaff = {
    // Jermuk's demo staff has no operator or chief of staff: its specialist keeps the desk.
    desk: first(['operator'], ['chief_of_staff'], ['specialist']),
    settlementDesks: new Map(people.filter((p) => p.role === 'settlement_head' && p.settlement_id !== null).map((p) => [p.settlement_id!, { userId: p.id, label: p.full_name }])),
    chief: first(['chief_of_staff'], ['specialist'], ['head']),
    reviewers: withRole('specialist').length ? withRole('specialist') : [first(['chief_of_staff'], ['head'])],
    deciders: withRole('specialist', 'chief_of_staff', 'head'),
  };
  if (!staff.deciders.length) staff.deciders = [staff.chief];
  return {
    services: defs.map((d) => ({ id: d.id, versionId: d.version_id, code: d.code, spec: parseStoredSpec(d.spec), weight: WEIGHTS[d.code] ?? 1 })),
    persons,
    orgs: orgs.map((o) => ({ kind: 'organization', psn: null, taxId: o.tax_id, name: o.name, email: o.email, phone: o.phone ? o.phone.replace(/[\s()-]/g, '') : null, userId: null, settlementId: null, address: o.settlement ?? '' })),
    parcels: parcels.map((p) => p.cadastral_code),
    staff,
    citizens: new Map(),
  };
}

/** Links the demo citizen accounts to their namesakes in the register (verified PSN), as the desk would. */
async function linkCitizens(raw: Transaction<Database>, world: World): Promise<string[]> {
  const users = unscoped(raw, 'demo citizen accounts are national; linking one to its register record sets verified_psn');
  const linked: string[] = [];
  for (const email of Object.keys(CITIZEN_CASES)) {
    const user = await users.selectFrom('users').select(['id', 'full_name', 'email', 'phone', 'verified_psn']).where('email', '=', email).where('is_staff', '=', 0).executeTakeFirst();
    const person = user && world.persons.find((p) => p.name === user.full_name && (!user.verified_psn || p.psn === user.verified_psn));
    if (!user || !person) continue;
    if (!user.verified_psn) await users.updateTable('users').set({ verified_psn: person.psn }).where('id', '=', user.id).execute();
    world.citizens.set(email, { ...person, userId: user.id, email: user.email, phone: user.phone });
    linked.push(email);
  }
  return linked;
}

function weighted(rng: Rng, list: DemoService[]): DemoService {
  let r = rng.next() * list.reduce((s, x) => s + x.weight, 0);
  for (const x of list) if ((r -= x.weight) < 0) return x;
  return list[list.length - 1]!;
}

const dayMinus = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** A start `daysAgo` days back: office cases at a working-day hour, and always before now. */
function startAt(rng: Rng, cal: WorkingCalendar, now: Date, daysAgo: number, office: boolean): string {
  const today = yerevanDay(now.toISOString());
  for (let back = daysAgo; ; back++) {
    const day = office ? cal.nextWorkingDay(dayMinus(today, back)) : dayMinus(today, back);
    const at = new Date(Date.parse(`${day}T00:00:00Z`) + ((rng.int(9, 16) - 4) * 60 + rng.int(0, 59)) * 60_000);
    if (at.getTime() < now.getTime() - 30 * 60_000) return at.toISOString();
  }
}

interface CaseRequest { service: DemoService; applicant: DemoApplicant; channel: 'online' | 'office'; fate: Fate; daysAgo: number }

async function planAll(db: Executor, rng: Rng, cal: WorkingCalendar, now: Date, world: World, samples: { pdf: SampleFile; png: SampleFile }, demo: CommunityCases): Promise<PlannedCase[]> {
  const planner = new CasePlanner(cal, rng, now.toISOString(), world.staff, samples, db);
  const office = world.services.filter((s) => s.spec.channels !== 'online');
  const requests: CaseRequest[] = [];
  for (const [email, list] of Object.entries(CITIZEN_CASES)) {
    const citizen = world.citizens.get(email);
    for (const [code, fate, daysAgo] of citizen ? list : []) {
      const service = world.services.find((s) => s.code === code && s.spec.channels !== 'office');
      if (service) requests.push({ service, applicant: citizen!, channel: 'online', fate, daysAgo });
    }
  }
  const applicantFor = (s: DemoService): DemoApplicant => {
    const org = s.spec.applicants.includes('organization') && world.orgs.length > 0 && (!s.spec.applicants.includes('person') || rng.chance(0.2));
    return org ? rng.pick(world.orgs) : rng.pick(world.persons);
  };
  for (let i = 0; i < demo.cases; i++) {
    const service = weighted(rng, office);
    // Spread over the year, with more in the last six weeks so every open state has cases.
    const daysAgo = rng.chance(0.25) ? rng.int(0, 45) : rng.int(0, 364);
    const r = rng.next();
    // Open cases that never move on (overdue later) and unanswered requests only among recent ones.
    const fate: Fate = daysAgo <= 2 && r < 0.3 ? 'waiting' : daysAgo <= 3 && r < 0.45 ? 'unassigned' : r < 0.05 ? 'withdraw' : daysAgo <= 60 && r < 0.1 ? 'stuck' : daysAgo <= 60 && r < 0.14 ? 'awaitInfo' : 'normal';
    requests.push({ service, applicant: applicantFor(service), channel: 'office', fate, daysAgo });
  }
  // One case is at risk whatever the day: filed on the last working day for the shortest deadline, still in review.
  const quickest = [...office].filter((s) => s.spec.deadline.unit === 'working').sort((x, y) => x.spec.deadline.days - y.spec.deadline.days)[0];
  const today = yerevanDay(now.toISOString());
  let lastWorking = 1;
  while (!cal.isWorkingDay(dayMinus(today, lastWorking))) lastWorking++;
  if (quickest) requests.push({ service: quickest, applicant: applicantFor(quickest), channel: 'office', fate: 'stuck', daysAgo: lastWorking });
  const documented = office.filter((s) => s.spec.output.template !== 'none');
  for (let i = 0; i < demo.documents && documented.length; i++) {
    const service = rng.pick(documented);
    requests.push({ service, applicant: applicantFor(service), channel: 'office', fate: 'docToday', daysAgo: rng.int(8, 14) });
  }
  const people = world.persons.map((p) => ({ name: p.name, psn: p.psn! }));
  const addresses = world.persons.map((p) => p.address);
  const planned: PlannedCase[] = [];
  for (const q of requests) {
    const start = startAt(rng, cal, now, q.daysAgo, q.channel === 'office');
    const form = demoFormValues(rng, q.service.spec, { applicant: q.applicant, parcels: world.parcels, people, addresses, day: yerevanDay(start) } satisfies ValueSource);
    const desk = q.applicant.kind === 'person' && q.channel === 'office' && world.staff.settlementDesks.has(q.applicant.settlementId!) && rng.chance(0.6);
    planned.push(await planner.plan({
      service: { id: q.service.id, versionId: q.service.versionId, spec: q.service.spec }, applicant: q.applicant, channel: q.channel,
      settlementId: desk ? q.applicant.settlementId : null, start, fate: q.fate, form, fee: computeFee(q.service.spec.fee, form),
    }));
  }
  return planned;
}

/** Registration numbers per year in the order of registration, as the engine's counter gives them. */
function numberRegistrations(planned: PlannedCase[]): Map<number, number> {
  const registered = planned.filter((p) => p.registration).sort((a, b) => String(a.row.registered_at).localeCompare(String(b.row.registered_at)));
  const last = new Map<number, number>();
  for (const p of registered) {
    const year = Number(yerevanDay(String(p.row.registered_at)).slice(0, 4));
    const seq = (last.get(year) ?? 0) + 1;
    last.set(year, seq);
    const number = `${year}/${String(seq).padStart(6, '0')}`;
    Object.assign(p.row, { reg_year: year, reg_seq: seq, reg_number: number });
    p.registration!.data = { action: 'register', number, due: p.row.due_date };
  }
  return last;
}

/** Issues the real output document of each case decided today, dated at its decision. */
async function issueDocuments(services: Services, tenant: TenantDb, raw: Transaction<Database>, planned: PlannedCase[], ids: number[]): Promise<number> {
  const community = await unscoped(raw, 'the issuing community, printed on the document').selectFrom('communities').selectAll().where('id', '=', tenant.communityId).executeTakeFirstOrThrow();
  let issued = 0;
  for (const [i, p] of planned.entries()) {
    if (!p.issueDocument) continue;
    const decision = p.events.find((e) => e.kind === 'approved' || e.kind === 'rejected')!;
    const caseRow = await tenant.selectFrom('cases').selectAll().where('id', '=', ids[i]!).executeTakeFirstOrThrow();
    const spec = parseStoredSpec((await tenant.selectFrom('service_versions').select('spec').where('id', '=', caseRow.service_version_id).executeTakeFirstOrThrow()).spec);
    const actor: AuditActor = { userId: decision.actor_user_id, label: decision.actor_label, ip: null, requestId: null };
    const doc = await issueOutputDocument(tenant, services, { community, caseRow, spec, decision: caseRow.decision as 'approved' | 'rejected', actor });
    if (!doc) continue;
    decision.data = { ...decision.data, document: doc.code };
    const at = new Date(Date.parse(String(caseRow.decided_at)) + 1000).toISOString();
    await tenant.updateTable('issued_documents').set({ issued_at: at }).where('id', '=', doc.documentId).execute();
    await tenant.updateTable('case_attachments').set({ uploaded_at: at }).where('case_id', '=', caseRow.id).where('document_key', 'is', null).execute();
    await tenant.updateTable('case_events').set({ at }).where('case_id', '=', caseRow.id).where('kind', '=', 'document_issued').execute();
    issued++;
  }
  return issued;
}

async function seedCommunity(services: Services, trx: Transaction<Database>, actor: AuditActor, communityId: number, demo: CommunityCases, samples: { pdf: SampleFile; png: SampleFile }, now: Date) {
  const tenant = new TenantDb(trx, communityId);
  const cal = await loadCalendar(trx);
  const world = await loadWorld(tenant, trx, yerevanDay(now.toISOString()));
  if (!world.services.length || !world.persons.length) return;
  const linked = await linkCitizens(trx, world);
  const planned = await planAll(trx, prng(demo.seed), cal, now, world, samples, demo);
  const years = numberRegistrations(planned);
  const ids = await insertAll(tenant, 'cases', planned.map((p) => p.row));
  await insertAll(tenant, 'case_attachments', planned.flatMap((p, i) => p.attachments.map((a) => ({ ...a, case_id: ids[i]! }))), false);
  const documents = await issueDocuments(services, tenant, trx, planned, ids);
  await insertAll(tenant, 'case_events', planned.flatMap((p, i) => p.events.map((e) => ({ ...e, case_id: ids[i]!, data: e.data ? JSON.stringify(e.data) : null }))), false);
  await insertAll(tenant, 'sequence_counters', [...years].map(([year, last]) => ({ name: `case:${year}`, last })), false);
  const byState: Record<string, number> = {};
  for (const p of planned) byState[String(p.row.state)] = (byState[String(p.row.state)] ?? 0) + 1;
  await appendAudit(trx, actor, { communityId, action: 'services.demo_seed', entityType: 'cases', entityId: 'demo', after: { cases: planned.length, byState, documents, linkedAccounts: linked } });
}

/**
 * Seeds the cases of every demo community in `communities` (slug → id). The catalogue must be
 * installed first (installTemplates); the performance figures are computed at the end.
 */
export async function seedServicesDemo(services: Services, db: Executor, actor: AuditActor, communities: Map<string, number>): Promise<void> {
  const store = unscoped(db, 'the sample scans go to the national content-addressed store');
  const limits = { maxBytes: 1024 * 1024 };
  const samples = {
    pdf: { ...(await storeFile(store, services.config.filesDir, SAMPLE_PDF, { ...limits, allowed: ['pdf'] })), ext: 'pdf' as const },
    png: { ...(await storeFile(store, services.config.filesDir, SAMPLE_PNG, { ...limits, allowed: ['png'] })), ext: 'png' as const },
  };
  const now = new Date();
  for (const [slug, demo] of Object.entries(SERVICES_DEMO)) {
    const communityId = communities.get(slug);
    if (communityId === undefined) continue;
    await unscoped(db, 'the demo seed opens one transaction per community').transaction().execute((trx) => seedCommunity(services, trx, actor, communityId, demo, samples, now));
    await recomputeServiceStats(services, communityId, now);
  }
}
