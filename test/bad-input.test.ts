// Bad input never breaks or half-writes anything (ARCHITECTURE rule 5): every route that
// takes input gets empty bodies, 100 KB strings, malformed JSON, wrong types, unknown ids
// and oversized bodies. Answers are 4xx, never 5xx; API answers carry the error shape; the
// row count of every table is unchanged.
import assert from 'node:assert/strict';
import type { Executor } from '../src/platform/db/tenant.ts';
import { bothEngines, setup } from './helpers.ts';
import { MODULES } from '../src/modules/index.ts';
import {
  classifyRoutes, unclassified, ANONYMOUS, call, communityId, diffCounts, ensureSession, errorShapeProblem, fillUrl, isSigninRedirect, firstChoices, formFieldNames,
  makeSuperStaff, rowIdIn, schemaKeys, sessionCaller, tableCounts, tableNames,
  type CallOptions, type Caller, type WalkRoute,
} from './route-walk.ts';

const HUGE = 'ա'.repeat(50 * 1024); // 100 KB of UTF-8
const FALLBACK_FIELDS = ['email', 'password', 'full_name', 'phone', 'role', 'user_id', 'locale', 'next', 'q', 'name'];
const WRONG_JSON: unknown[] = [{}, [], 12345, true, null, { $gt: '' }];
const UNKNOWN_IDS = ['999999999', '0', '-1', 'abc', '1.5', '9'.repeat(30)];

interface Probe {
  what: string;
  method: string;
  url: string;
  opts: CallOptions;
  /** The route might accept this (a no-input action); then only "no 5xx" holds. */
  mayPass?: boolean;
}

function probesFor(route: WalkRoute, url: string, urlWithIds: (p: string, v: string) => string, fields: string[]): Probe[] {
  const { method, kind, schema } = route.def;
  const out: Probe[] = [];
  const api = kind === 'api';
  if (route.changes) {
    out.push({ what: 'empty body', method, url, opts: {}, mayPass: true });
    for (const f of fields) {
      out.push({ what: `100 KB in ${f}`, method, url, opts: { form: { [f]: HUGE } } });
      out.push({ what: `${f} repeated (array)`, method, url, opts: { form: { [f]: ['1', 'x'] } } });
    }
    if (api) {
      out.push({ what: 'malformed JSON', method, url, opts: { raw: { contentType: 'application/json', payload: '{"a":' } } });
      out.push({ what: 'JSON array body', method, url, opts: { raw: { contentType: 'application/json', payload: '[1,2]' } } });
      for (const f of fields) {
        out.push({ what: `100 KB in ${f} (JSON)`, method, url, opts: { raw: { contentType: 'application/json', payload: JSON.stringify({ [f]: HUGE }) } } });
        for (const v of WRONG_JSON) {
          out.push({ what: `${f} = ${JSON.stringify(v)} (JSON)`, method, url, opts: { raw: { contentType: 'application/json', payload: JSON.stringify({ [f]: v }) } } });
        }
      }
    }
  }
  if (api && schema?.querystring) {
    for (const f of schemaKeys(schema.querystring)) {
      out.push({ what: `query ${f} 100 KB`, method, url, opts: { query: { [f]: HUGE } }, mayPass: !route.changes });
      out.push({ what: `query ${f} repeated`, method, url, opts: { query: { [f]: ['1', 'x'] } }, mayPass: !route.changes });
      out.push({ what: `query ${f} = garbage`, method, url, opts: { query: { [f]: '%%\u0000<script>' } }, mayPass: !route.changes });
    }
  }
  for (const p of Object.keys(route.ids)) {
    for (const v of UNKNOWN_IDS) out.push({ what: `:${p} = ${v}`, method, url: urlWithIds(p, v), opts: {} });
  }
  for (const p of Object.keys(route.choices)) {
    out.push({ what: `:${p} outside its set`, method, url: urlWithIds(p, 'zz-not-a-choice'), opts: {} });
  }
  return out;
}

async function lastAuditId(db: Executor): Promise<number> {
  const r = await db.selectFrom('audit_events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(r?.id ?? 0);
}

/** Every audit event after `id` records a read of personal data (views, searches), none a change. */
async function onlyReadsSince(db: Executor, id: number): Promise<boolean> {
  const actions = await db.selectFrom('audit_events').select('action').where('id', '>', id).execute();
  return actions.every((a) => /\.(view|search)$/.test(a.action));
}

bothEngines('bad input: every route that takes input answers 4xx and writes nothing', async (t, engine) => {
  const { routes: walked, problems: unclassifiedRoutes } = classifyRoutes(MODULES);
  const routes = walked.filter((r) => r.changes || (r.def.kind === 'api' && (r.def.schema?.body || r.def.schema?.querystring)) || Object.keys(r.ids).length || Object.keys(r.choices).length);
  const { app, services } = await setup(t, engine);
  const db = services.db.kysely;
  const sisian = await communityId(db, 'sisian');
  const tables = await tableNames(db);
  const callers: Caller[] = [
    ANONYMOUS,
    await sessionCaller(services, 'all-roles', await makeSuperStaff(services, 'sisian', { national: true })),
  ];
  const failures: string[] = [];
  const accepted: string[] = [];

  for (const route of routes) {
    const ids: Record<string, number> = {};
    for (const [p, tbl] of Object.entries(route.ids)) ids[p] = (await rowIdIn(db, tbl, sisian)) ?? 1;
    const base = { slug: 'sisian', ...firstChoices(route), ...ids };
    const url = fillUrl(route.def.url, base);
    const urlWithIds = (p: string, v: string) => fillUrl(route.def.url, { ...base, [p]: v });

    // Field names: the schemas', plus whatever the form on the page at the same address asks for.
    const fields = new Set([...schemaKeys(route.def.schema?.body)]);
    if (route.changes && route.def.method === 'POST') {
      await ensureSession(services, callers[1]!);
      const page = await call(app, 'GET', url, callers[1]!);
      if (page.status === 200) for (const f of formFieldNames(page.body)) fields.add(f);
    }
    if (route.changes && fields.size === 0) for (const f of FALLBACK_FIELDS) fields.add(f);

    for (const caller of callers) {
      let noInputAction = false;
      for (const probe of probesFor(route, url, urlWithIds, [...fields])) {
        await ensureSession(services, caller);
        const before = await tableCounts(db, tables);
        const lastAudit = await lastAuditId(db);
        const r = await call(app, probe.method, probe.url, caller, probe.opts);
        const where = `${probe.method} ${probe.url.slice(0, 80)} as ${caller.name}, ${probe.what}`;
        if (r.status >= 500) {
          failures.push(`${where}: ${r.status} server error`);
          continue;
        }
        // An anonymous GET of a staff page is answered by the sign-in redirect: a refusal too.
        const passed = r.status < 400 && !(probe.method === 'GET' && isSigninRedirect(r));
        if (passed && probe.mayPass && probe.what === 'empty body') noInputAction = true;
        if (passed && (probe.mayPass || noInputAction)) {
          accepted.push(`${where}: ${r.status}`);
          continue;
        }
        if (passed) failures.push(`${where}: expected 4xx, got ${r.status}${r.location ? ` → ${r.location}` : ''}`);
        if (route.def.kind === 'api' && !passed) {
          const problem = errorShapeProblem(r);
          if (problem) failures.push(`${where}: API error shape: ${problem}`);
        }
        if (!passed) {
          // A refused form shown again with the person on it is a read of their record, and
          // audited as one (resident.view): that is the only row a refusal may add.
          const reads = await onlyReadsSince(db, lastAudit);
          const changed = diffCounts(before, await tableCounts(db, tables)).filter((c) => !(reads && c.startsWith('audit_events:')));
          if (changed.length) failures.push(`${where}: refused (${r.status}) but rows changed: ${changed.join(', ')}`);
        }
      }
    }
  }

  // Bodies over the 1 MB limit are refused before anything reads them.
  const big = 'x'.repeat(1024 * 1024 + 10);
  for (const route of routes.filter((r) => r.changes)) {
    const url = fillUrl(route.def.url, { slug: 'sisian', ...firstChoices(route), ...Object.fromEntries(Object.keys(route.ids).map((p) => [p, 1])) });
    for (const contentType of ['application/json', 'application/x-www-form-urlencoded']) {
      const payload = contentType === 'application/json' ? JSON.stringify({ a: big }) : `a=${big}`;
      const r = await call(app, route.def.method, url, callers[1]!, { raw: { contentType, payload } });
      if (r.status !== 413) failures.push(`${route.label} with a ${contentType} body over 1 MB: expected 413, got ${r.status}`);
    }
  }

  if (accepted.length) t.diagnostic(`accepted as no-input actions:\n  ${accepted.join('\n  ')}`);
  if (unclassifiedRoutes.length) failures.unshift(unclassified(unclassifiedRoutes));
  if (failures.length) assert.fail(`${failures.length} bad-input failures:\n  ${failures.join('\n  ')}`);
});

bothEngines('API: 404 has the error shape; the OpenAPI document and its docs page are served', async (t, engine) => {
  const { app } = await setup(t, engine);
  for (const url of ['/api/v1/no-such-thing', '/api/v1/communities/no/such/path']) {
    const r = await call(app, 'GET', url, ANONYMOUS);
    assert.equal(r.status, 404, url);
    assert.equal(errorShapeProblem(r), null, `${url}: ${r.body}`);
    assert.equal((JSON.parse(r.body) as { error: { code: string } }).error.code, 'not_found');
  }
  const post = await call(app, 'POST', '/api/v1/no-such-thing', ANONYMOUS, { raw: { contentType: 'application/json', payload: '{}' } });
  assert.equal(post.status, 404);
  assert.equal(errorShapeProblem(post), null);

  const doc = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  assert.equal(doc.statusCode, 200);
  const spec = doc.json() as { openapi?: string; info?: { title?: string }; paths?: Record<string, unknown> };
  assert.match(spec.openapi ?? '', /^3\.\d+\.\d+$/, 'an OpenAPI 3.x document');
  assert.ok(spec.info?.title, 'info.title');
  const paths = Object.keys(spec.paths ?? {});
  for (const p of ['/api/v1/communities', '/api/v1/me']) assert.ok(paths.includes(p), `${p} is documented (paths: ${paths.join(', ')})`);
  for (const p of paths) assert.ok(p.startsWith('/api/') || p === '/healthz' || p === '/metrics', `only the API is documented, not ${p}`);

  let docs = await app.inject({ method: 'GET', url: '/api/v1/docs' });
  if (docs.statusCode >= 300 && docs.statusCode < 400) docs = await app.inject({ method: 'GET', url: String(docs.headers.location) });
  assert.equal(docs.statusCode, 200, 'the API docs page answers');
  assert.match(String(docs.headers['content-type']), /text\/html/);
});
