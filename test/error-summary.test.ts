// Every form that comes back with errors names each field in its error summary and links
// to it (GOV.UK's error summary): an empty form is posted to every form route, and each
// entry of the summary must point at a control on the page (href="#id") and say which one
// by its label ("E-mail: Required field"), not repeat a bare "Required field".
import assert from 'node:assert/strict';
import { bothEngines, setup } from './helpers.ts';
import { MODULES } from '../src/modules/index.ts';
import {
  ANONYMOUS, call, communityId, ensureSession, fillUrl, firstChoices, makeSuperStaff, rowIdIn, sessionCaller, walkRoutes, type Caller,
} from './route-walk.ts';

const text = (html: string) => html.replace(/<span class="(?:muted|visually-hidden)">[\s\S]*?<\/span>/g, '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
/** The text a screen reader reads, visually hidden parts included ("Choose a file: Passport"). */
const spoken = (html: string) => html.replace(/<span class="muted">[\s\S]*?<\/span>/g, '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

interface Name { shown: string; spoken: string }

/**
 * What the page calls the control with this id: its <label>; for a box of a group of
 * checkboxes or radios, the group's <legend>; else its aria-label. Null when no such control.
 */
function nameOf(html: string, id: string): Name | null {
  const at = html.indexOf(`id="${id}"`);
  if (at < 0) return null;
  const tag = html.slice(html.lastIndexOf('<', at), html.indexOf('>', at));
  const before = html.slice(0, at);
  const group = before.lastIndexOf('<fieldset');
  if (/type="(checkbox|radio)"/.test(tag) && group > before.lastIndexOf('</fieldset>')) {
    const legend = /<legend[^>]*>([\s\S]*?)<\/legend>/.exec(html.slice(group));
    if (legend) return { shown: text(legend[1]!), spoken: spoken(legend[1]!) };
  }
  const label = new RegExp(`<label[^>]*for="${id}"[^>]*>([\\s\\S]*?)</label>`).exec(html);
  if (label) return { shown: text(label[1]!), spoken: spoken(label[1]!) };
  const aria = /aria-label="([^"]+)"/.exec(tag);
  return aria ? { shown: aria[1]!, spoken: aria[1]! } : { shown: '?', spoken: '?' };
}

/** The summary names the field by what it shows, or by the part a screen reader hears ("Passport" of "Choose a file: Passport"). */
const names = (said: string, name: Name) => said.includes(name.shown) || name.spoken.includes(said.split(': ')[0]!);

/**
 * The problems with one page's error summary: every field that shows an inline error
 * (id="field-x-error") must be linked from the summary (href="#field-x") by its name, and
 * every link must lead to a control on the page. Messages about the whole form stand unlinked.
 */
function summaryProblems(html: string): string[] {
  const summary = /<div class="error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0];
  if (!summary) return [];
  const problems: string[] = [];
  const linked = new Map<string, string>();
  for (const [, item] of summary.matchAll(/<li>([\s\S]*?)<\/li>/g)) {
    const link = /^<a href="#([^"]+)">([\s\S]*)<\/a>$/.exec(item!.trim());
    if (link) linked.set(link[1]!, text(link[2]!));
  }
  for (const [id, said] of linked) {
    const name = nameOf(html, id);
    if (name === null) problems.push(`"${said}" links to #${id}, which is not on the page`);
    else if (!names(said, name)) problems.push(`"${said}" does not name its field "${name.shown}" (#${id})`);
  }
  for (const [, id] of html.matchAll(/<p class="error-message" id="([^"]+)-error">/g)) {
    if (!linked.has(id!)) problems.push(`the error of "${nameOf(html, id!)?.shown ?? id}" (#${id}) is not linked from the summary`);
  }
  return problems;
}

bothEngines('every form names and links each field in its error summary', async (t, engine) => {
  const { app, services } = await setup(t, engine);
  const db = services.db.kysely;
  const sisian = await communityId(db, 'sisian');
  const staff = await sessionCaller(services, 'all-roles', await makeSuperStaff(services, 'sisian', { national: true }));
  const failures: string[] = [];
  let summaries = 0;
  for (const route of walkRoutes(MODULES).filter((r) => r.def.kind === 'form')) {
    const ids: Record<string, number> = {};
    for (const [p, tbl] of Object.entries(route.ids)) ids[p] = (await rowIdIn(db, tbl, sisian)) ?? 1;
    const url = fillUrl(route.def.url, { slug: 'sisian', ...firstChoices(route), ...ids });
    const callers: Caller[] = route.def.access === 'public' ? [ANONYMOUS, staff] : [staff];
    for (const caller of callers) {
      await ensureSession(services, caller);
      const r = await call(app, route.def.method, url, caller, { lang: 'en' });
      if (r.status < 400 || !r.contentType.includes('text/html')) continue;
      if (r.body.includes('class="error-summary"')) summaries++;
      for (const p of summaryProblems(r.body)) failures.push(`${route.label} as ${caller.name}: ${p}`);
    }
  }
  t.diagnostic(`${summaries} error summaries checked`);
  assert.ok(summaries >= 20, `empty forms came back with error summaries (${summaries})`);
  if (failures.length) assert.fail(`${failures.length} error summary entries without their field:\n  ${failures.join('\n  ')}`);
});
