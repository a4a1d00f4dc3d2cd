// Control characters never break a request or reach the database (NUL is refused by
// PostgreSQL with a 500, stored by SQLite). Every POST form the app shows — found by
// opening every page as a user with every role, and as the demo citizen on each of his
// cases — is submitted as a browser would, its fields as the page filled them in (empty
// ones given a plausible value so the form can pass), with NUL, other C0 controls, DEL and
// C1 controls in the middle of every text field; every query string parameter of every
// GET route gets them too. No answer is a 5xx or echoes a control character, and after
// it all no text in any table holds one.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { bothEngines, setup } from './helpers.ts';
import { MODULES } from '../src/modules/index.ts';
import type { Executor } from '../src/platform/db/tenant.ts';
import {
  ANONYMOUS, call, communityId, ensureSession, fillUrl, firstChoices, makeSuperStaff, rowIdIn, schemaKeys, sessionCaller, tableNames, walkRoutes,
  type Caller, type WalkRoute,
} from './route-walk.ts';
import { postForms, type HtmlField, type HtmlForm } from './html-forms.ts';

/** NUL, BEL, ESC (C0), DEL, NEL and CSI (C1). */
const CONTROLS = '\u0000\u0007\u001b\u007f\u0085\u009b';
const ANY_CONTROL = /[^\P{Cc}\t\n\r]/u;
const HAYK = 'hayk@citizen.example';
/** The forms of the fault report: they answered 303 and stored NUL (500 on PostgreSQL). */
const MUST_ACCEPT = ['POST /:slug/staff/settings', 'POST /:slug/staff/registry/addresses/:id/units'];

let serial = 0;
/** A value an empty field of this kind accepts, so the form can get as far as storing it. */
function filler(f: HtmlField): string {
  const n = ++serial;
  const name = f.name.toLowerCase();
  if (name.includes('birth')) return '1990-05-17';
  if (name.startsWith('end')) return '2031-12-31';
  if (f.type === 'date' || /_on$|date/.test(name)) return new Date().toISOString().slice(0, 10);
  if (name === 'lat') return '39.52';
  if (name === 'lon') return '46.03';
  if (f.type === 'email' || name.includes('email')) return `nul-${n}@example.am`;
  if (f.type === 'tel' || name.includes('phone')) return `+374910${String(n).padStart(5, '0')}`;
  if (f.type === 'number' || /year|area|amount|rent|value|floors|count|share/.test(name)) return String(1 + (n % 9));
  if (/psn|service_number/.test(name)) return `9${String(n).padStart(9, '0')}`;
  if (name.includes('tax')) return `7${String(n).padStart(7, '0')}`;
  if (name.includes('cadastral')) return `09-001-0${String(n % 1000).padStart(3, '0')}-0001`;
  if (name.includes('slug') || name === 'code') return `nul-test-${n}`;
  if (name.includes('color')) return '#1f4e79';
  return `Փորձ ${n}`;
}

/** The value with the controls in its middle; an empty required field is filled in first, an optional one gets the controls alone. */
function withControls(f: HtmlField): string {
  const v = f.value || (f.required ? filler(f) : '');
  const mid = Math.ceil(v.length / 2);
  return v.slice(0, mid) + CONTROLS + v.slice(mid);
}

/** The form as the browser would send it, controls in every text field (`call` adds the CSRF token). */
function bodyOf(form: HtmlForm): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of form.fields) {
    if (f.name === '_csrf') continue;
    const text = !['checkbox', 'radio', 'password'].includes(f.type);
    (out[f.name] ??= []).push(text ? withControls(f) : f.value);
  }
  return out;
}

/** The route a form posts to: the most literal pattern matching its path. */
function routeOf(routes: WalkRoute[], action: string): WalkRoute | undefined {
  const path = action.split('?')[0]!;
  const matching = routes.filter((r) => r.changes && new RegExp(`^${r.def.url.replace(/:[A-Za-z0-9_]+/g, '[^/]+')}$`).test(path));
  return matching.sort((a, b) => a.params.length - b.params.length)[0];
}

/** Every control character stored in any text of any table, as "table.column: value". */
async function storedControls(db: Executor): Promise<string[]> {
  const out: string[] = [];
  for (const table of await tableNames(db)) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows;
    for (const row of rows) {
      for (const [col, v] of Object.entries(row)) if (typeof v === 'string' && ANY_CONTROL.test(v)) out.push(`${table}.${col}: ${JSON.stringify(v).slice(0, 80)}`);
    }
  }
  return out;
}

bothEngines('control characters: every form and query string, no 5xx, nothing stored', async (t, engine) => {
  const routes = walkRoutes(MODULES);
  const { app, services } = await setup(t, engine);
  const db = services.db.kysely;
  const sisian = await communityId(db, 'sisian');
  const staff = await sessionCaller(services, 'all-roles', await makeSuperStaff(services, 'sisian', { national: true }));
  const hayk = await sessionCaller(services, 'citizen', HAYK);
  const haykId = (await db.selectFrom('users').select('id').where('email', '=', HAYK).executeTakeFirstOrThrow()).id;
  const before = await storedControls(db);
  const failures: string[] = [];

  // The pages to open: every GET page with real ids, each of Hayk's cases, the staff page of a case in each state.
  const pages: { caller: Caller; url: string }[] = [];
  for (const r of routes.filter((x) => x.def.method === 'GET' && x.def.kind === 'page')) {
    const ids: Record<string, number> = {};
    for (const [p, tbl] of Object.entries(r.ids)) ids[p] = (await rowIdIn(db, tbl, sisian)) ?? 1;
    pages.push({ caller: staff, url: fillUrl(r.def.url, { slug: 'sisian', ...firstChoices(r), ...ids }) });
  }
  const cases = await db.selectFrom('cases').select(['id', 'state', 'applicant_user_id']).where('community_id', '=', sisian).orderBy('id').execute();
  for (const c of cases.filter((x) => x.applicant_user_id === haykId)) for (const suffix of ['', '/edit']) pages.push({ caller: hayk, url: `/sisian/cases/${c.id}${suffix}` });
  const services_ = await db.selectFrom('service_definitions').select('id').where('community_id', '=', sisian).where('status', '=', 'published').orderBy('id').limit(3).execute();
  for (const s of services_) pages.push({ caller: hayk, url: `/sisian/services/${s.id}/apply` });
  for (const state of new Set(cases.map((c) => c.state))) pages.push({ caller: staff, url: `/sisian/staff/cases/${cases.find((c) => c.state === state)!.id}` });

  // The forms they show, a few different ones per route.
  const forms: { caller: Caller; route: WalkRoute; form: HtmlForm }[] = [];
  const seen = new Set<string>();
  for (const p of pages) {
    await ensureSession(services, p.caller);
    const page = await call(app, 'GET', p.url, p.caller);
    if (page.status !== 200 || !page.contentType.includes('text/html')) continue;
    for (const form of postForms(page.body, p.url)) {
      const route = routeOf(routes, form.action);
      const key = `${p.caller.name} ${route?.label} ${form.fields.map((f) => f.name).sort().join(',')}`;
      if (!route || form.multipart || seen.has(key)) continue;
      seen.add(key);
      forms.push({ caller: p.caller, route, form });
    }
  }

  const accepted = new Set<string>();
  for (const { caller, route, form } of forms) {
    await ensureSession(services, caller);
    const r = await call(app, route.def.method, form.action, caller, { form: bodyOf(form) });
    const where = `${route.label} as ${caller.name} (${form.action})`;
    if (r.status >= 500) failures.push(`${where}: ${r.status}`);
    if (ANY_CONTROL.test(r.body)) failures.push(`${where}: the answer (${r.status}) shows a control character`);
    if (r.status < 400) accepted.add(route.label);
  }
  for (const label of MUST_ACCEPT) if (!accepted.has(label)) failures.push(`${label}: the form with control characters was not accepted (they are stripped, not an error)`);

  // Query strings of every GET route, and a path parameter.
  for (const r of routes.filter((x) => x.def.method === 'GET' && x.def.schema?.querystring)) {
    const ids: Record<string, number> = {};
    for (const [p, tbl] of Object.entries(r.ids)) ids[p] = (await rowIdIn(db, tbl, sisian)) ?? 1;
    const url = fillUrl(r.def.url, { slug: 'sisian', ...firstChoices(r), ...ids });
    for (const key of schemaKeys(r.def.schema!.querystring)) {
      for (const caller of [staff, ANONYMOUS]) {
        const res = await call(app, 'GET', url, caller, { query: { [key]: `a${CONTROLS}b` } });
        if (res.status >= 500) failures.push(`GET ${url}?${key}=<controls> as ${caller.name}: ${res.status}`);
        if (ANY_CONTROL.test(res.body) && !res.contentType.includes('spreadsheet')) failures.push(`GET ${url}?${key}=<controls> as ${caller.name}: the answer shows a control character`);
      }
    }
  }
  const path = await call(app, 'GET', `/sisian/staff/registry/residents/${encodeURIComponent(`1${CONTROLS}`)}`, staff);
  if (path.status >= 500) failures.push(`a resident id with control characters: ${path.status}`);

  const after = (await storedControls(db)).filter((x) => !before.includes(x));
  for (const x of after) failures.push(`stored: ${x}`);
  t.diagnostic(`${forms.length} forms posted on ${new Set(forms.map((f) => f.route.label)).size} routes; ${accepted.size} routes accepted them`);
  assert.ok(forms.length >= 60, `${forms.length} forms found`);
  assert.deepEqual(failures, []);
});
