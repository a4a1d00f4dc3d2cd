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
import { storeFile } from '../platform/files/store.ts';
import { parseStoredSpec } from '../modules/services/catalogue/spec.ts';
import { issueOutputDocument } from '../modules/services/documents/documents.service.ts';
import { recomputeServiceStats } from '../modules/services/performance/performance.service.ts';
import { prng } from './registry-demo-data.ts';
import { insertAll } from './registry-demo.ts';
import { yerevanDay, type PlannedCase, type SampleFile } from './services-demo-plan.ts';
import { CITIZEN_CASES, planDemoCases } from './services-demo-cases.ts';
import { linkCitizens, loadWorld } from './services-demo-world.ts';

interface CommunityCases { seed: number; cases: number; documents: number }

export const SERVICES_DEMO: Record<string, CommunityCases> = {
  sisian: { seed: 0x5e41ce, cases: 540, documents: 5 },
  jermuk: { seed: 0x7e4c2b, cases: 60, documents: 1 },
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
  const linked = await linkCitizens(trx, world, Object.keys(CITIZEN_CASES));
  const planned = await planDemoCases({ db: trx, cal, rng: prng(demo.seed), now, world, samples, counts: demo });
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
 * `now` is the moment the demo's year ends (tests plan it for any day).
 */
export async function seedServicesDemo(services: Services, db: Executor, actor: AuditActor, communities: Map<string, number>, now = new Date()): Promise<void> {
  const store = unscoped(db, 'the sample scans go to the national content-addressed store');
  const limits = { maxBytes: 1024 * 1024 };
  const samples = {
    pdf: { ...(await storeFile(store, services.config.filesDir, SAMPLE_PDF, { ...limits, allowed: ['pdf'] })), ext: 'pdf' as const },
    png: { ...(await storeFile(store, services.config.filesDir, SAMPLE_PNG, { ...limits, allowed: ['png'] })), ext: 'png' as const },
  };
  for (const [slug, demo] of Object.entries(SERVICES_DEMO)) {
    const communityId = communities.get(slug);
    if (communityId === undefined) continue;
    await unscoped(db, 'the demo seed opens one transaction per community').transaction().execute((trx) => seedCommunity(services, trx, actor, communityId, demo, samples, now));
    await recomputeServiceStats(services, communityId, now);
  }
}
