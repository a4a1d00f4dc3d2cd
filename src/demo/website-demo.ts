// The demo sites of Sisian and Jermuk: news over the past year, pages, announcements and
// coming events, written and published through the website's own use-cases (so each is
// audited as staff would have done it). What the law asks for and the demo leaves out
// (budget, decisions, vacancies, …) shows as missing on the compliance page.
import PDFDocument from 'pdfkit';
import type { Executor } from '../platform/db/tenant.ts';
import { TenantDb, unscoped } from '../platform/db/tenant.ts';
import type { AuditActor } from '../platform/audit/audit.ts';
import { addAttachment, addMenuItem, createPost, publishPost, type Editor } from '../modules/website/posts.service.ts';
import type { PostInput } from '../modules/website/website.schemas.ts';
import { ANNOUNCEMENTS, EVENTS, NEWS_TOPICS, PAGES, type DemoText } from './website-demo-content.ts';

const DAY = 86_400_000;
/** Per community: how many news items, how many pages. */
const SIZE: Record<string, { news: number; pages: number }> = { sisian: { news: 40, pages: 10 }, jermuk: { news: 40, pages: 10 } };

const titles = (t: DemoText, place: string) => {
  const fill = (s: string | undefined) => s?.replace(/\{place\}/g, place);
  return { title_hy: fill(t.hy)!, ...(t.en ? { title_en: fill(t.en) } : {}), ...(t.ru ? { title_ru: fill(t.ru) } : {}) };
};

async function write(ed: Editor, kind: 'news' | 'announcement' | 'event' | 'page', input: Partial<PostInput> & { title_hy: string }, at: Date): Promise<number> {
  const dated = { ...ed, now: at };
  const id = await createPost(dated, kind, input as PostInput);
  await publishPost(dated, id, at.toISOString());
  return id;
}

/** A one-page PDF for the demo's attached file (pdfkit's built-in font: the text is Latin). */
function demoPdf(title: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { Title: title } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(18).text(title).moveDown().fontSize(11).text('Demo document of the community website.');
    doc.end();
  });
}

export async function seedWebsiteDemo(db: Executor, filesDir: string, communities: Map<string, number>, now = new Date()): Promise<void> {
  for (const [slug, communityId] of communities) {
    const size = SIZE[slug];
    if (!size) continue;
    const tenant = new TenantDb(db, communityId);
    const places = (await tenant.selectFrom('settlements').select('name_hy').orderBy('is_centre', 'desc').orderBy('id').execute()).map((s) => s.name_hy);
    // Written in the name of the community's chief of staff, or its IT specialist where there is none.
    const author = await unscoped(db, "the demo's authors are this community's staff")
      .selectFrom('role_assignments').innerJoin('users', 'users.id', 'role_assignments.user_id')
      .select(['users.id', 'users.full_name']).where('role_assignments.community_id', '=', communityId)
      .where('role_assignments.role', 'in', ['chief_of_staff', 'it_admin']).orderBy('role_assignments.role').executeTakeFirst();
    const actor: AuditActor = { userId: author?.id ?? null, label: author?.full_name ?? 'demo seed', ip: null, requestId: null };
    const ed: Editor = { tenant, actor, filesDir };
    for (let i = 0; i < size.news; i++) {
      const topic = NEWS_TOPICS[i % NEWS_TOPICS.length]!;
      const place = places[i % places.length] ?? '';
      const t = titles(topic.title, place);
      await write(ed, 'news', { ...t, summary_hy: topic.body, body_hy: `<p>${topic.body}</p><p>Տեղեկությունների համար դիմեք համայնքապետարան։</p>`, ...(t.title_en ? { body_en: '<p>For details, contact the municipality.</p>' } : {}), ...(t.title_ru ? { body_ru: '<p>Подробности — в мэрии.</p>' } : {}) },
        new Date(now.getTime() - (i * 7 + 1) * DAY));
    }
    for (const page of PAGES.slice(0, size.pages)) {
      await write(ed, 'page', { ...titles(page.title, ''), path: page.path, body_hy: page.body, ...(page.category ? { category: page.category } : {}) }, new Date(now.getTime() - 60 * DAY));
    }
    for (const [i, a] of ANNOUNCEMENTS.entries()) {
      const at = new Date(now.getTime() - (i * 20 + 2) * DAY);
      const id = await write(ed, 'announcement', { ...titles(a, ''), body_hy: '<p>Մանրամասները՝ համայնքապետարանում։</p>' }, at);
      // The hearing's announcement carries the draft plan as a PDF.
      if (i === 0) await addAttachment({ ...ed, now: at }, id, { filename: 'Աշխատանքային պլանի նախագիծ 2026.pdf', data: await demoPdf(`${slug}: draft annual work plan 2026`) });
    }
    // The menu: two of the pages, after the site's fixed sections.
    await addMenuItem(ed, { label_hy: 'Զբոսաշրջություն', label_en: 'Tourism', label_ru: 'Туризм', href: `/${slug}/pages/tourism`, sort_order: 10 });
    await addMenuItem(ed, { label_hy: 'Դպրոցներ', label_en: 'Schools', href: `/${slug}/pages/schools`, sort_order: 20 });
    for (const e of EVENTS) {
      const start = new Date(now.getTime() + e.inDays * DAY);
      start.setUTCHours(8, 0, 0, 0);
      await write(ed, 'event', { ...titles(e.title, ''), starts_at: start.toISOString(), ends_at: new Date(start.getTime() + 3 * 3600_000).toISOString(), place_hy: e.place }, new Date(now.getTime() - 3 * DAY));
    }
  }
}
