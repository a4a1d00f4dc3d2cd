// The demo's journals: a year of incoming letters (citizens, organizations, public bodies),
// outgoing answers and internal notes, many with a resolution in every state — in work, more
// time asked, reported, returned, done, overdue and escalated. Written in bulk (multi-row
// inserts, the counters set once), so Sisian's ~2,000 entries take well under ten seconds.
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { TenantDb } from '../../../platform/db/tenant.ts';
import { appendAudit, type AuditActor } from '../../../platform/audit/audit.ts';
import { loadCalendar } from '../../../platform/calendar/calendar.store.ts';
import { addDays } from '../../../platform/calendar/days.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import { insertAll } from '../../../demo/registry-demo.ts';
import { prng } from '../../../demo/registry-demo-data.ts';
import { documentNumber, journalSequence } from './journal.numbers.ts';
import { documentKeys } from './journal.keys.ts';
import { answerTermFor } from './journal.terms.ts';
import type { JournalKind, LetterKind, ResolutionStatus } from './journal.table.ts';

const SIZES: Record<string, number> = { sisian: 2000, jermuk: 300 };

const BODIES = ['ՀՀ տարածքային կառավարման և ենթակառուցվածքների նախարարություն', 'Սյունիքի մարզպետարան', 'ՀՀ կադաստրի կոմիտե',
  'ՀՀ պետական եկամուտների կոմիտե', 'ՀՀ առողջապահության նախարարություն', 'ՀՀ կրթության, գիտության, մշակույթի և սպորտի նախարարություն'];
const LETTER_SUMMARIES: Record<LetterKind, string[]> = {
  application: ['Խնդրում եմ տրամադրել բնակության տեղեկանք', 'Խնդրում եմ հատկացնել հողամաս վարձակալությամբ', 'Դիմում սոցիալական աջակցության համար',
    'Խնդրում եմ թույլտվություն տալ բակում ավտոտնակ կառուցելու', 'Դիմում ջրամատակարարման միացման համար'],
  complaint: ['Բողոք փողոցի լուսավորության բացակայության վերաբերյալ', 'Բողոք աղբահանության անկանոնության վերաբերյալ', 'Բողոք ճանապարհի վատ վիճակի մասին',
    'Բողոք հարևանի ապօրինի շինարարության դեմ'],
  proposal: ['Առաջարկ խաղահրապարակ կառուցելու վերաբերյալ', 'Առաջարկ կանգառում ծածկ տեղադրելու մասին', 'Առաջարկ այգում նստարաններ ավելացնելու մասին'],
};
const BODY_SUMMARIES = ['Հարցում համայնքի բյուջեի կատարման վերաբերյալ', 'Շրջաբերական արտակարգ իրավիճակներին պատրաստվածության մասին',
  'Տեղեկատվություն պետական ծրագրի ֆինանսավորման մասին', 'Հարցում դպրոցների ջեռուցման վիճակի մասին', 'Գրություն հողերի գույքագրման ժամկետների մասին'];
const INTERNAL_SUMMARIES = ['Զեկուցագիր աշխատակազմի արձակուրդների ժամանակացույցի մասին', 'Ծառայողական գրություն գույքագրման մասին', 'Հաշվետվություն եռամսյակի կատարողականի մասին'];
const TASKS = ['Ուսումնասիրել և պատրաստել պատասխան', 'Տեղում ուսումնասիրել և զեկուցել', 'Պատրաստել տեղեկանք', 'Կազմել գործողությունների ծրագիր', 'Ի գիտություն և կատարման'];
const REPORTS = ['Պատասխանը պատրաստված և ուղարկված է', 'Տեղազննությունը կատարված է, խնդիրը լուծված', 'Տեղեկանքը պատրաստված է'];
const DEPARTMENTS = ['Քաղաքաշինության բաժին', 'Սոցիալական բաժին', 'Ֆինանսական բաժին', 'Հողաշինության բաժին'];
/** The states the demo shows, with a weight each (open work lies mostly in the last months). */
const STATES: [ResolutionStatus, number][] = [['done', 55], ['in_work', 20], ['reported', 8], ['returned', 6], ['extension_requested', 6]];

export const DEMO_NOMENCLATURE = [
  { code: '01-01', title: 'Ավագանու որոշումներ', retention_years: null },
  { code: '02-01', title: 'Քաղաքացիների դիմումներ, բողոքներ և առաջարկներ', retention_years: 5 },
  { code: '03-01', title: 'Նամակագրություն պետական մարմինների հետ', retention_years: 5 },
  { code: '04-01', title: 'Աշխատակազմի ներքին գրագրություն', retention_years: 3 },
] as const;

export async function seedDocumentsDemo(db: Kysely<Database>, actor: AuditActor, communities: Map<string, number>, now: Date): Promise<void> {
  const calendar = await loadCalendar(db);
  const today = todayInYerevan(now);
  for (const [slug, communityId] of communities) {
    const size = SIZES[slug];
    if (!size) continue;
    await db.transaction().execute(async (raw) => {
      const tenant = new TenantDb(raw, communityId);
      const rng = prng(communityId * 7919 + 12);
      const iso = now.toISOString();
      const files = await insertAll(tenant, 'doc_nomenclature', DEMO_NOMENCLATURE.map((n) => ({ ...n, created_at: iso })));
      const people = await tenant.selectFrom('residents').select(['id', 'last_name', 'first_name']).orderBy('id').limit(400).execute();
      const orgs = await tenant.selectFrom('organizations').select(['id', 'name']).orderBy('id').limit(100).execute();
      const staff = await tenant.selectFrom('role_assignments').select(['user_id', 'role']).execute();
      const resolvers = staff.filter((s) => s.role === 'head' || s.role === 'chief_of_staff').map((s) => s.user_id);
      const executors = [...new Set(staff.filter((s) => ['specialist', 'deputy_head', 'chief_of_staff', 'operator'].includes(s.role)).map((s) => s.user_id))];
      if (!resolvers.length || !executors.length) return;

      // Days of the past year in order, so the numbers rise with the dates.
      const days = Array.from({ length: size }, () => addDays(today, -rng.int(0, 364))).sort();
      const seqs = new Map<string, number>();
      const docs = days.map((day) => {
        const r = rng.next();
        const journal: JournalKind = r < 0.6 ? 'incoming' : r < 0.85 ? 'outgoing' : 'internal';
        const year = Number(day.slice(0, 4));
        const key = journalSequence(journal, year);
        const seq = (seqs.get(key) ?? 0) + 1;
        seqs.set(key, seq);
        const who = rng.next();
        const person = journal === 'incoming' && who < 0.6 && people.length ? rng.pick(people) : null;
        const org = !person && who < 0.8 && orgs.length ? rng.pick(orgs) : null;
        const letterKind: LetterKind | null = person ? rng.pick(['application', 'application', 'complaint', 'proposal'] as const) : null;
        const name = person ? `${person.last_name} ${person.first_name}` : org ? org.name : journal === 'internal' ? 'Աշխատակազմ' : rng.pick(BODIES);
        const summary = letterKind ? rng.pick(LETTER_SUMMARIES[letterKind]) : journal === 'internal' ? rng.pick(INTERNAL_SUMMARIES) : rng.pick(BODY_SUMMARIES);
        return {
          journal, year, seq, number: documentNumber(journal, year, seq), registered_on: day,
          correspondent_kind: person ? 'person' as const : org ? 'organization' as const : 'body' as const, correspondent_name: name,
          correspondent_person_id: person?.id ?? null, correspondent_org_id: org?.id ?? null, correspondent_email: null, correspondent_address: null,
          summary, pages: rng.int(1, 12), language: 'hy' as const,
          access: person && letterKind === 'complaint' && rng.chance(0.3) ? 'restricted' as const : journal === 'internal' ? 'internal' as const : rng.chance(0.15) ? 'public' as const : 'internal' as const,
          case_id: null, resident_id: person?.id ?? null, organization_id: org?.id ?? null, external_ref: null,
          letter_kind: letterKind, channel: person ? rng.pick(['paper', 'paper', 'email'] as const) : null, reply_to_id: null,
          answer_due_on: letterKind ? answerTermFor(calendar, day) : null, citizen_user_id: null, status: 'registered' as const,
          nomenclature_id: files[letterKind ? 1 : journal === 'internal' ? 3 : 2]!, archived_at: null, created_by_user_id: null, created_at: iso, updated_at: iso,
        };
      });
      const ids = await insertAll(tenant, 'doc_documents', docs);
      await insertAll(tenant, 'doc_search_keys', ids.flatMap((id, i) => documentKeys(docs[i]!.correspondent_name, docs[i]!.summary).map((key) => ({ document_id: id, key }))), false);
      for (const [name, last] of seqs) {
        await raw.insertInto('sequence_counters').values({ community_id: communityId, name, last })
          .onConflict((oc) => oc.columns(['community_id', 'name']).doUpdateSet({ last })).execute();
      }

      // Resolutions on most incoming letters and some internal notes; the open ones lie in the last two months.
      const resolved = ids.map((id, i) => ({ id, doc: docs[i]! })).filter((d) => d.doc.journal !== 'outgoing' && rng.chance(0.8));
      const resRows = resolved.map(({ doc }) => {
        const recent = doc.registered_on >= addDays(today, -60);
        const status = recent ? weighted(rng.next()) : rng.chance(0.95) ? 'done' : 'in_work';
        const days = rng.int(3, 15);
        const due = calendar.addWorkingDays(doc.registered_on, days);
        const overdue = due < today && status !== 'done';
        return {
          document_id: 0, resolver_user_id: rng.pick(resolvers), task: rng.pick(TASKS), working_days: days, issued_on: doc.registered_on, due_on: due, status,
          report: status === 'done' || status === 'reported' ? rng.pick(REPORTS) : null,
          requested_due_on: status === 'extension_requested' ? calendar.addWorkingDays(due, 5) : null,
          done_on: status === 'done' ? (due < today ? addDays(due, -rng.int(0, 2)) : today) : null,
          reminded_on: overdue ? addDays(due, -1) : null, escalated_on: overdue ? addDays(due, 1) : null, created_at: iso, updated_at: iso,
        };
      });
      resRows.forEach((r, i) => { r.document_id = resolved[i]!.id; });
      const resIds = await insertAll(tenant, 'doc_resolutions', resRows);
      await insertAll(tenant, 'doc_resolution_executors', resIds.flatMap((rid) => {
        const first = rng.pick(executors);
        const second = executors.length > 1 && rng.chance(0.3) ? rng.pick(executors.filter((e) => e !== first)) : null;
        return [{ resolution_id: rid, user_id: first, responsible: 1, department: rng.pick(DEPARTMENTS) },
          ...(second ? [{ resolution_id: rid, user_id: second, responsible: 0, department: rng.pick(DEPARTMENTS) }] : [])];
      }), false);
      await insertAll(tenant, 'doc_resolution_events', resIds.flatMap((rid, i) => {
        const r = resRows[i]!;
        const at = `${r.issued_on}T06:00:00.000Z`;
        const steps: ('issue' | 'report' | 'accept' | 'extension_request' | 'return')[] = ['issue'];
        if (r.status === 'reported' || r.status === 'done') steps.push('report');
        if (r.status === 'done') steps.push('accept');
        if (r.status === 'returned') steps.push('report', 'return');
        if (r.status === 'extension_requested') steps.push('extension_request');
        return steps.map((kind) => ({ resolution_id: rid, kind, user_id: null, note: null, at }));
      }), false);
      // The document's own state follows its resolutions: done ones closed, the rest in work.
      const doneDocs = resolved.filter((_, i) => resRows[i]!.status === 'done').map((d) => d.id);
      const workDocs = resolved.filter((_, i) => resRows[i]!.status !== 'done').map((d) => d.id);
      for (let i = 0; i < doneDocs.length; i += 500) await tenant.updateTable('doc_documents').set({ status: 'closed' }).where('id', 'in', doneDocs.slice(i, i + 500)).execute();
      for (let i = 0; i < workDocs.length; i += 500) await tenant.updateTable('doc_documents').set({ status: 'in_work' }).where('id', 'in', workDocs.slice(i, i + 500)).execute();
      await appendAudit(raw, actor, { communityId, action: 'documents.document.register', entityType: 'doc_document', entityId: null, after: { demo: ids.length, resolutions: resIds.length } });
    });
  }
}

function weighted(x: number): ResolutionStatus {
  const total = STATES.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  for (const [state, w] of STATES) {
    acc += w / total;
    if (x < acc) return state;
  }
  return 'done';
}
