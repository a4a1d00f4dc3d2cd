// Shared machinery of the route-walking suites (authorization matrix, tenant isolation,
// bad input): every route of every module, classified; URLs filled in with real row ids;
// callers with sessions made once; table counts to prove nothing was written.
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { App } from '../src/app.ts';
import type { ModuleManifest } from '../src/platform/module/contract.ts';
import type { RouteDef } from '../src/platform/http/route.ts';
import type { Services } from '../src/platform/module/contract.ts';
import type { Executor } from '../src/platform/db/tenant.ts';
import type { Actor } from '../src/platform/policy/access.ts';
import { authenticate, loadCommunityRoles } from '../src/platform/auth/authenticate.ts';
import { SESSION_COOKIE, findSession } from '../src/platform/auth/sessions.ts';
import { COMMUNITY_ROLES } from '../src/platform/policy/roles.ts';
import { DEMO_COMMUNITIES, DEMO_STAFF } from '../src/demo/demo-data.ts';
import { signInAs } from './session.ts';

export const KINDS = ['page', 'form', 'api'] as const;
export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const ACCESS = /^(public|citizen|system|staff:[a-z_]+\.[a-z_.]+|national:[a-z_]+\.[a-z_.]+)$/;

export interface WalkRoute {
  module: string;
  def: RouteDef;
  /** "GET /:slug/staff" */
  label: string;
  /** Path parameter names in order. */
  params: string[];
  /** Under /:slug (a community route). */
  community: boolean;
  /** id parameter → the table it points into. */
  ids: Record<string, string>;
  /** Parameters with a closed set of values (a z.enum or literal in schema.params) → those values. */
  choices: Record<string, string[]>;
  changes: boolean;
}

const PARAM = /:([A-Za-z0-9_]+)(\([^)]*\))?/g;

/**
 * Path parameters that are neither a community row id nor a closed set, with the value the
 * walk uses and why. Add here deliberately (and say why); anything else fails the suites.
 */
export const OPAQUE_PARAMS: Record<string, Record<string, { value: string; why: string }>> = {
  '/password/reset/:token': { token: { value: 'not-a-live-reset-token', why: 'a secret from an email, not a row id' } },
  '/account/tokens/:id/revoke': { id: { value: '1', why: "an API token of the signed-in account (owner-scoped, not a community row)" } },
  '/verify/:code': { code: { value: 'ZZZZZ-ZZZZZ', why: 'the verification code printed on a document (any community), not a row id' } },
  '/api/v1/verify/:code': { code: { value: 'ZZZZZ-ZZZZZ', why: 'the verification code printed on a document (any community), not a row id' } },
};

export interface Walk {
  routes: WalkRoute[];
  /** Routes that cannot be classified: the suites walk the rest, then fail listing these. */
  problems: string[];
}

/**
 * Every route of every module, classified. A route that cannot be classified (an unknown
 * method, kind or access level, a wildcard, a path parameter that is neither :slug, nor in
 * idParams, nor a z.enum, nor in OPAQUE_PARAMS) is left out and listed in `problems`, which
 * the suites turn into a failure, so a new route is never silently skipped.
 */
export function classifyRoutes(modules: readonly ModuleManifest[]): Walk {
  const out: WalkRoute[] = [];
  const problems: string[] = [];
  for (const mod of modules) {
    for (const def of mod.routes ?? []) {
      const label = `${def.method} ${def.url}`;
      const before = problems.length;
      const where = `${mod.name}: ${label}`;
      if (!(METHODS as readonly string[]).includes(def.method)) problems.push(`${where}: method ${def.method} is not walked`);
      if (!(KINDS as readonly string[]).includes(def.kind)) problems.push(`${where}: unknown kind ${String(def.kind)}`);
      if (!def.access || !ACCESS.test(def.access)) problems.push(`${where}: unknown access ${String(def.access)}`);
      if (def.url.includes('*')) problems.push(`${where}: wildcard routes cannot be walked; name the parameters`);
      if (def.kind === 'page' && def.method !== 'GET') problems.push(`${where}: kind page must be GET (use form)`);
      if (def.kind === 'api' && !def.url.startsWith('/api/') && def.url !== '/healthz' && def.url !== '/metrics') {
        problems.push(`${where}: api route outside /api/ (errors would not be JSON for every client)`);
      }
      const params = [...def.url.matchAll(PARAM)].map((m) => m[1]!);
      const ids: Record<string, string> = {};
      const choices: Record<string, string[]> = {};
      for (const p of params) {
        if (p === 'slug') continue;
        const table = def.idParams?.[p];
        const values = enumValues(paramSchema(def, p));
        const opaque = OPAQUE_PARAMS[def.url]?.[p];
        if (table) ids[p] = table;
        else if (values.length) choices[p] = values;
        else if (opaque) choices[p] = [opaque.value];
        else problems.push(`${where}: parameter :${p} is neither :slug, nor named in idParams (which table does it point into?), nor a z.enum in schema.params`);
      }
      // A community's API lives under /api/v1/communities/:slug (the hook resolves :slug wherever it is).
      if (params.includes('slug') && !def.url.startsWith('/:slug') && !def.url.startsWith('/api/v1/communities/:slug/')) problems.push(`${where}: :slug must be the first segment`);
      if (problems.length > before) continue;
      out.push({ module: mod.name, def, label, params, community: params.includes('slug'), ids, choices, changes: def.method !== 'GET' });
    }
  }
  return { routes: out, problems };
}

/** The classifiable routes; throws when any route cannot be classified. */
export function walkRoutes(modules: readonly ModuleManifest[]): WalkRoute[] {
  const { routes, problems } = classifyRoutes(modules);
  if (problems.length) throw new Error(unclassified(problems));
  return routes;
}

export function unclassified(problems: string[]): string {
  return `Routes the walking suites cannot classify (they were not walked):\n  ${problems.join('\n  ')}`;
}

function paramSchema(def: RouteDef, name: string): unknown {
  const shape = (def.schema?.params as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape?.[name];
}

/** The values of a z.enum / z.literal (through optional/default wrappers); [] for anything open. */
export function enumValues(schema: unknown): string[] {
  const s = schema as { options?: unknown[]; def?: { type?: string; values?: unknown[]; innerType?: unknown } } | undefined;
  if (!s) return [];
  if (s.def?.type === 'enum' && Array.isArray(s.options)) return s.options.map(String);
  if (s.def?.type === 'literal' && Array.isArray(s.def.values)) return s.def.values.map(String);
  if (s.def?.innerType) return enumValues(s.def.innerType);
  return [];
}

/** The first value of each closed-set parameter (e.g. a language). */
export function firstChoices(route: WalkRoute): Record<string, string> {
  return Object.fromEntries(Object.entries(route.choices).map(([p, vs]) => [p, vs[0]!]));
}

export function fillUrl(url: string, values: Record<string, string | number>): string {
  return url.replace(PARAM, (_m, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no value for :${name} in ${url}`);
    return encodeURIComponent(String(v));
  });
}

export async function communityId(db: Executor, slug: string): Promise<number> {
  const row = await db.selectFrom('communities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  return row.id;
}

/** Some row of `table` belonging to the community (for `users`: someone with a role only there). */
export async function rowIdIn(db: Executor, table: string, community: number): Promise<number | null> {
  if (table === 'users') {
    const r = await sql<{ id: number }>`
      select u.id from users u
      where exists (select 1 from role_assignments r where r.user_id = u.id and r.community_id = ${community})
        and not exists (select 1 from role_assignments r where r.user_id = u.id and r.community_id <> ${community})
      order by u.id limit 1`.execute(db);
    return r.rows[0] ? Number(r.rows[0].id) : null;
  }
  const r = await sql<{ id: number }>`select id from ${sql.table(table)} where community_id = ${community} order by id limit 1`.execute(db);
  return r.rows[0] ? Number(r.rows[0].id) : null;
}

/** All rows of a table in one community, as a string (to prove a refused write changed nothing). */
export async function rowsOf(db: Executor, table: string, community: number): Promise<string> {
  if (table === 'users') {
    const r = await sql`select u.* from users u join role_assignments r on r.user_id = u.id where r.community_id = ${community} order by u.id`.execute(db);
    return JSON.stringify(r.rows);
  }
  const r = await sql`select * from ${sql.table(table)} where community_id = ${community} order by id`.execute(db);
  return JSON.stringify(r.rows);
}

/** Every table of the database (as the database itself lists them). */
export async function tableNames(db: Executor): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: false });
  return tables.filter((t) => !t.isView).map((t) => t.name).sort();
}

/** Row counts of every table, in one query. */
export async function tableCounts(db: Executor, tables: string[]): Promise<Record<string, number>> {
  const parts = tables.map((t) => sql`(select count(*) from ${sql.table(t)}) as ${sql.ref(t)}`);
  const r = await sql<Record<string, number | string>>`select ${sql.join(parts)}`.execute(db);
  const row = r.rows[0] ?? {};
  return Object.fromEntries(tables.map((t) => [t, Number(row[t])]));
}

export function diffCounts(a: Record<string, number>, b: Record<string, number>): string[] {
  return Object.keys(a).filter((k) => a[k] !== b[k]).map((k) => `${k}: ${a[k]} → ${b[k]}`);
}

/** Words that betray a community's data on a page of another one. */
export function markersOf(slug: string): string[] {
  const c = DEMO_COMMUNITIES.find((x) => x.slug === slug);
  if (!c) throw new Error(`no demo community ${slug}`);
  const words = [c.name_hy, c.name_en, c.name_ru, c.email ?? '', c.phone ?? ''];
  for (const s of c.settlements) words.push(s.name_hy, s.name_en, s.name_ru);
  for (const s of DEMO_STAFF) if (s.community === slug) words.push(s.email, s.fullName);
  // A settlement named after the community is the community's name already.
  return [...new Set(words.filter(Boolean))];
}

/** Who is calling: a session (cookie + CSRF) or nobody (only the visitor CSRF cookie). */
export interface Caller {
  name: string;
  email: string | null;
  cookie: string;
  csrf: string;
}

export const ANON_CSRF = 'anonymous-visitor-csrf-token-0123456789';
export const ANONYMOUS: Caller = { name: 'anonymous', email: null, cookie: `mmis_csrf=${ANON_CSRF}`, csrf: ANON_CSRF };

export async function sessionCaller(services: Services, name: string, email: string): Promise<Caller> {
  const s = await signInAs(services, email);
  return { name, email, cookie: `${s.cookie}; mmis_csrf=${ANON_CSRF}`, csrf: s.csrf };
}

/** Re-creates the session if a route (sign out, password change) ended it. */
export async function ensureSession(services: Services, caller: Caller): Promise<void> {
  if (!caller.email) return;
  const token = /mmis_sid=([^;]+)/.exec(caller.cookie)?.[1];
  if (token && (await findSession(services.db.kysely, token))) return;
  const fresh = await sessionCaller(services, caller.name, caller.email);
  caller.cookie = fresh.cookie;
  caller.csrf = fresh.csrf;
}

/** The actor the app will see for this caller, with roles as loaded in the community (or none). */
export async function actorOf(services: Services, caller: Caller, community: number | null): Promise<Actor | null> {
  if (!caller.email) return null;
  const token = /mmis_sid=([^;]+)/.exec(caller.cookie)?.[1];
  const fakeReq = { headers: {}, cookies: { [SESSION_COOKIE]: token } } as unknown as FastifyRequest;
  const auth = await authenticate(services.db.kysely, fakeReq);
  if (!auth) throw new Error(`session of ${caller.email} does not authenticate`);
  if (community !== null) await loadCommunityRoles(services.db.kysely, auth.actor, community);
  return auth.actor;
}

/** A staff account holding every community role in `slug` (and, if asked, the national roles). */
export async function makeSuperStaff(services: Services, slug: string, opts: { national?: boolean } = {}): Promise<string> {
  const db = services.db.kysely;
  const cid = await communityId(db, slug);
  const email = `all-roles${opts.national ? '-national' : ''}@${slug}.example`;
  const now = new Date().toISOString();
  const user = await db
    .insertInto('users')
    .values({ email, phone: null, password_hash: null, full_name: `Test all roles ${slug}`, locale: 'hy', is_staff: 1, totp_enabled: 0, failed_logins: 0, disabled: 0, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const role of COMMUNITY_ROLES) {
    await db.insertInto('role_assignments').values({ community_id: cid, user_id: user.id, role, settlement_id: null, created_at: now }).execute();
  }
  if (opts.national) {
    for (const role of ['ministry_analyst', 'system_admin']) {
      await db.insertInto('national_roles').values({ user_id: user.id, role, created_at: now }).execute();
    }
  }
  return email;
}

let addressCounter = 1;
/** A fresh client address per request, so per-address rate limits never mask a decision. */
export function nextAddress(): string {
  const n = addressCounter++;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export interface CallOptions {
  /** Form fields (sent form-urlencoded); `_csrf` is added. */
  form?: Record<string, string | string[]>;
  /** A raw payload with its content type (JSON, malformed JSON, huge bodies). */
  raw?: { contentType: string; payload: string | Buffer };
  query?: Record<string, string | string[]>;
  lang?: string;
}

export interface CallResult {
  status: number;
  location: string | undefined;
  contentType: string;
  body: string;
}

export async function call(app: App, method: string, url: string, caller: Caller, opts: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { cookie: caller.cookie + (opts.lang ? `; mmis_lang=${opts.lang}` : '') };
  let payload: string | Buffer | undefined;
  if (method !== 'GET') {
    headers['x-csrf-token'] = caller.csrf;
    if (opts.raw) {
      headers['content-type'] = opts.raw.contentType;
      payload = opts.raw.payload;
    } else {
      const params = new URLSearchParams();
      params.append('_csrf', caller.csrf);
      for (const [k, v] of Object.entries(opts.form ?? {})) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = params.toString();
    }
  }
  let target = url;
  if (opts.query) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(opts.query)) for (const one of Array.isArray(v) ? v : [v]) q.append(k, one);
    target += (url.includes('?') ? '&' : '?') + q.toString();
  }
  const res = await app.inject({
    method: method as 'GET',
    url: target,
    headers,
    remoteAddress: nextAddress(),
    ...(payload !== undefined ? { payload } : {}),
  });
  const location = res.headers.location;
  return {
    status: res.statusCode,
    location: typeof location === 'string' ? location : undefined,
    contentType: String(res.headers['content-type'] ?? ''),
    body: res.body,
  };
}

export function isSigninRedirect(r: CallResult): boolean {
  return r.status >= 300 && r.status < 400 && Boolean(r.location?.startsWith('/signin'));
}

/** The API error shape: { error: { code, message, fields } }. Returns a problem or null. */
export function errorShapeProblem(r: CallResult): string | null {
  if (!r.contentType.includes('application/json')) return `not JSON (${r.contentType || 'no content type'})`;
  let body: unknown;
  try {
    body = JSON.parse(r.body);
  } catch {
    return 'invalid JSON';
  }
  const e = (body as { error?: { code?: unknown; message?: unknown; fields?: unknown } }).error;
  if (!e || typeof e !== 'object') return 'no "error" object';
  if (typeof e.code !== 'string' || !e.code) return 'error.code is not a string';
  if (typeof e.message !== 'string' || !e.message) return 'error.message is not a string';
  if (!e.fields || typeof e.fields !== 'object' || Array.isArray(e.fields)) return 'error.fields is not an object';
  return null;
}

/** Lays out rows × columns of short cells as a fixed-width table. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' │ ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(line)].join('\n');
}

/** Field names a form route accepts: its body schema's keys, plus the names in the page at the same URL. */
export function schemaKeys(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  if (shape && typeof shape === 'object') return Object.keys(shape);
  const def = (schema as { def?: { innerType?: unknown; in?: unknown; schema?: unknown } } | undefined)?.def;
  if (def?.innerType) return schemaKeys(def.innerType);
  if (def?.in) return schemaKeys(def.in);
  if (def?.schema) return schemaKeys(def.schema);
  return [];
}

export function formFieldNames(html: string): string[] {
  const names = new Set<string>();
  for (const m of html.matchAll(/<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"/g)) if (m[1] !== '_csrf') names.add(m[1]!);
  return [...names];
}
