// Feeds, calendars, sitemap and robots.txt on both engines, read as XML (htmlparser2 in
// XML mode, the parser sanitize-html itself uses) the way a feed reader or a crawler would.
import assert from 'node:assert/strict';
import { parseDocument, DomUtils } from 'htmlparser2';
import { bothEngines, setup } from '../../../test/helpers.ts';
import { anonymous, editorFor, published, staffAs } from './website.testkit.ts';
import { photoWithGps } from './images.test.ts';
import sharp from 'sharp';

const xml = (body: string) => parseDocument(body, { xmlMode: true });
const texts = (doc: ReturnType<typeof xml>, tag: string) => DomUtils.getElementsByTagName(tag, doc).map((e) => DomUtils.textContent(e));

bothEngines('feeds: RSS and Atom of the news parse, carry only what is on the site, in the language asked for', async (t, engine) => {
  const env = await setup(t, engine);
  const ed = await editorFor(env, 'sisian');
  await published(ed, 'news', { title_hy: 'Առաջին լուր', title_en: 'First news', summary_en: 'In English' });
  await published(ed, 'news', { title_hy: 'Երկրորդ լուր' });
  await published(ed, 'news', { title_hy: 'Ապագա լուր' }, new Date(Date.now() + 3600_000).toISOString());

  const rss = await anonymous(env, '/sisian/news/feed.rss?lang=en');
  assert.equal(rss.statusCode, 200);
  assert.match(String(rss.headers['content-type']), /application\/rss\+xml/);
  const doc = xml(rss.body);
  const titles = texts(doc, 'title');
  assert.ok(titles.includes('First news'), 'translated title in English');
  assert.ok(titles.includes('Երկրորդ լուր'), 'untranslated falls back to Armenian');
  assert.ok(!titles.includes('Ապագա լուր'), 'a scheduled item is not in the feed before its time');
  assert.equal(texts(doc, 'language')[0], 'en');

  const atom = await anonymous(env, '/sisian/news/feed.atom');
  assert.match(String(atom.headers['content-type']), /application\/atom\+xml/);
  const adoc = xml(atom.body);
  assert.equal(DomUtils.getElementsByTagName('feed', adoc)[0]?.attribs.xmlns, 'http://www.w3.org/2005/Atom');
  const entries = DomUtils.getElementsByTagName('entry', adoc);
  // Newest first: the two just published lead the demo's news; the scheduled one is not there.
  assert.deepEqual(entries.slice(0, 2).map((e) => DomUtils.textContent(DomUtils.getElementsByTagName('title', e)[0]!)).sort(), ['Առաջին լուր', 'Երկրորդ լուր']);
  assert.ok(!atom.body.includes('Ապագա լուր'));
  assert.ok(entries.every((e) => /\/sisian\/news\/\d+$/.test(DomUtils.textContent(DomUtils.getElementsByTagName('id', e)[0]!))));
  // The announcements have their own feed, without the news.
  assert.ok(!(await anonymous(env, '/sisian/announcements/feed.atom')).body.includes('Առաջին լուր'));
});

bothEngines('feeds: iCalendar of coming events, one event on its own, a sitemap with hreflang alternates and robots.txt', async (t, engine) => {
  const env = await setup(t, engine);
  const ed = await editorFor(env, 'sisian');
  const start = new Date(Date.now() + 7 * 86400_000).toISOString();
  const id = await published(ed, 'event', { title_hy: 'Սիսիանի օրեր', title_ru: 'Дни Сисиана', starts_at: start, place_hy: 'Կենտրոնական հրապարակ' });
  const page = await published(ed, 'page', { title_hy: 'Արշավներ', path: 'hiking-routes' });

  const ics = await anonymous(env, '/sisian/events.ics?lang=ru');
  assert.equal(ics.statusCode, 200);
  assert.match(String(ics.headers['content-type']), /text\/calendar/);
  assert.match(ics.body, /BEGIN:VCALENDAR/);
  assert.match(ics.body, /SUMMARY:Дни Сисиана/);
  assert.match(ics.body, /LOCATION:Կենտրոնական հրապարակ/);
  assert.match(ics.body, new RegExp(`DTSTART:${start.slice(0, 10).replace(/-/g, '')}T`));
  const one = await anonymous(env, `/sisian/events/${id}/calendar.ics`);
  assert.equal((one.body.match(/BEGIN:VEVENT/g) ?? []).length, 1);
  const eventPage = await anonymous(env, `/sisian/events/${id}`);
  assert.match(eventPage.body, /"@type":"Event"/);

  const sitemap = await anonymous(env, '/sisian/sitemap.xml');
  assert.equal(sitemap.statusCode, 200);
  const sdoc = xml(sitemap.body);
  const locs = texts(sdoc, 'loc');
  assert.ok(locs.some((l) => l.endsWith(`/sisian/events/${id}`)));
  assert.ok(locs.some((l) => l.endsWith('/sisian/pages/hiking-routes')), `page ${page} is in the sitemap`);
  assert.ok(locs.some((l) => /\/sisian\/about\/settlements\/\d+$/.test(l)), 'each settlement has its page');
  const alternates = DomUtils.getElementsByTagName('xhtml:link', sdoc).map((e) => e.attribs.href ?? '');
  assert.ok(alternates.some((h) => h.endsWith(`/sisian/events/${id}?lang=ru`)));
  assert.ok(!alternates.some((h) => h.endsWith(`/sisian/events/${id}?lang=en`)), 'no English alternate for an item not in English');

  const robots = await anonymous(env, '/robots.txt');
  assert.match(robots.body, /Disallow: \/\*\/staff/);
  assert.match(robots.body, /Sitemap: http:\/\/[^\s]+\/sitemap\.xml/);
  const index = xml((await anonymous(env, '/sitemap.xml')).body);
  assert.ok(texts(index, 'loc').some((l) => l.endsWith('/jermuk/sitemap.xml')));
  const own = await env.app.inject({ method: 'GET', url: '/robots.txt', headers: { host: 'jermuk.localhost' } });
  assert.match(own.body, /Sitemap: [^\s]+\/jermuk\/sitemap\.xml/, "a community's own domain names its own sitemap");
});

bothEngines('uploads: a phone photo is stored resized without its GPS position; an attachment shows its type and size', async (t, engine) => {
  const env = await setup(t, engine);
  const chief = await staffAs(env, 'chief@sisian.example');
  const ed = await editorFor(env, 'sisian');
  const id = await published(ed, 'news', { title_hy: 'Նկարով լուր' });
  const up = await chief.upload(`/sisian/staff/website/posts/${id}/image`, { filename: 'IMG_0001.jpg', type: 'image/jpeg', data: await photoWithGps() });
  assert.equal(up.statusCode, 303);
  const page = await anonymous(env, `/sisian/news/${id}`);
  const src = /<img class="lead-image" src="([^"]+)"/.exec(page.body)?.[1];
  assert.ok(src, 'the lead image is on the page');
  const image = await anonymous(env, src);
  assert.equal(image.statusCode, 200);
  const meta = await sharp(image.rawPayload).metadata();
  assert.equal(meta.width, 1600);
  assert.equal(meta.exif, undefined, 'no EXIF, so no GPS, in what visitors download');
  assert.ok(!image.rawPayload.includes(Buffer.from('PhoneMaker')));

  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  assert.equal((await chief.upload(`/sisian/staff/website/posts/${id}/attachments`, { filename: 'Որոշում N 12.pdf', type: 'application/pdf', data: pdf })).statusCode, 303);
  const refused = await chief.upload(`/sisian/staff/website/posts/${id}/attachments`, { filename: 'x.pdf', type: 'application/pdf', data: Buffer.from('MZ not a pdf') });
  assert.equal(refused.statusCode, 400);
  const withFile = await anonymous(env, `/sisian/news/${id}`);
  assert.match(withFile.body, /Որոշում N 12\.pdf<\/a> <span class="muted">\(PDF, \d+ Բ\)<\/span>/);
  const link = /href="(\/sisian\/files\/\d+)"/.exec(withFile.body)![1]!;
  const file = await anonymous(env, link);
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'application/pdf');
  const audit = await env.services.db.kysely.selectFrom('audit_events').select('action').where('entity_id', '=', String(id)).where('entity_type', '=', 'web_post').execute();
  assert.deepEqual(audit.map((a) => a.action).filter((a) => a.startsWith('website.image') || a.startsWith('website.attachment')), ['website.image.set', 'website.attachment.add']);
});
