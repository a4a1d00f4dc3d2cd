// The authorization matrix: every route of every module × every kind of actor. The
// expected decision comes from decide() over the route's declared access; the app must
// answer accordingly (allow → handler ran, unauthenticated → 401 or sign-in redirect,
// forbidden → 403). POSTs carry the CSRF token so CSRF never masks the decision.
import assert from 'node:assert/strict';
import { z } from 'zod';
import { bothEngines, setup } from './helpers.ts';
import { MODULES } from '../src/modules/index.ts';
import { buildApp } from '../src/app.ts';
import { createServices } from '../src/platform/http/services.ts';
import { decide, type Decision } from '../src/platform/policy/access.ts';
import type { ModuleManifest } from '../src/platform/module/contract.ts';
import type { RouteDef } from '../src/platform/http/route.ts';
import { DEMO_STAFF } from '../src/demo/demo-data.ts';
import pino from 'pino';
import {
  classifyRoutes, unclassified, firstChoices, ANONYMOUS, actorOf, call, communityId, ensureSession, fillUrl, isSigninRedirect, rowIdIn, sessionCaller, table,
  walkRoutes, type CallResult, type Caller, type WalkRoute,
} from './route-walk.ts';

function verdict(route: WalkRoute, expected: Decision, r: CallResult): string | null {
  const { kind, method } = route.def;
  if (expected === 'allow') {
    if (r.status === 401 || r.status === 403) return `expected allow, got ${r.status}`;
    // A public route may send a visitor to /signin as part of its flow (no sign-in pending); it never denies.
    if (isSigninRedirect(r) && route.def.access !== 'public') return `expected allow, got redirect to ${r.location}`;
    if (r.status >= 500) return `expected allow, got ${r.status} (server error)`;
    return null;
  }
  if (expected === 'forbidden') return r.status === 403 ? null : `expected 403, got ${r.status}${r.location ? ` → ${r.location}` : ''}`;
  // unauthenticated
  if (kind === 'api') return r.status === 401 ? null : `expected 401, got ${r.status}`;
  if (method === 'GET') {
    return r.status === 303 && isSigninRedirect(r) ? null : `expected 303 → /signin, got ${r.status}${r.location ? ` → ${r.location}` : ''}`;
  }
  return r.status === 401 || r.status === 403 ? null : `expected 401/403, got ${r.status}`;
}

const SHORT: Record<Decision, string> = { allow: 'ok', unauthenticated: 'anon', forbidden: 'deny' };

bothEngines('authorization matrix: every route × every actor answers as its declared access says', async (t, engine) => {
  const { routes: walked, problems: unclassifiedRoutes } = classifyRoutes(MODULES);
  const routes = walked;
  const { app, services } = await setup(t, engine);
  const db = services.db.kysely;
  const sisian = await communityId(db, 'sisian');

  const callers: Caller[] = [ANONYMOUS, await sessionCaller(services, 'citizen', 'ani@citizen.example')];
  for (const s of DEMO_STAFF) {
    if (s.community === 'sisian') callers.push(await sessionCaller(services, s.role!, s.email));
    if (s.national) callers.push(await sessionCaller(services, s.national, s.email));
  }

  const failures: string[] = [];
  const rows: string[][] = [];
  for (const route of routes) {
    const values: Record<string, string | number> = { slug: 'sisian', ...firstChoices(route) };
    for (const [p, tbl] of Object.entries(route.ids)) values[p] = (await rowIdIn(db, tbl, sisian)) ?? 1;
    const url = fillUrl(route.def.url, values);
    const cells: string[] = [];
    for (const caller of callers) {
      await ensureSession(services, caller);
      const actor = await actorOf(services, caller, route.community ? sisian : null);
      const expected = decide(route.def.access, actor, services.permissions);
      const r = await call(app, route.def.method, url, caller);
      const problem = verdict(route, expected, r);
      cells.push(`${SHORT[expected]}:${r.status}${problem ? '✗' : ''}`);
      if (problem) failures.push(`${route.def.method} ${url} (${route.def.access}, ${route.def.kind}) as ${caller.name}: ${problem}`);
    }
    rows.push([`${route.label} [${route.def.access}]`, ...cells]);
  }
  if (unclassifiedRoutes.length) failures.unshift(unclassified(unclassifiedRoutes));
  if (failures.length) {
    assert.fail(
      `${failures.length} authorization mismatches (cell = expected:status, ✗ = wrong):\n` +
        `${table(['route', ...callers.map((c) => c.name)], rows)}\n\n${failures.join('\n')}`,
    );
  }
  assert.ok(routes.length > 0);
});

function fakeModule(r: Partial<RouteDef>): ModuleManifest {
  return {
    name: 'fake',
    routes: [{ method: 'GET', url: '/fake-route', kind: 'page', handler: async () => 'x', ...r } as RouteDef],
  };
}

bothEngines('buildApp refuses a route without access and one naming an undeclared permission', async (t, engine) => {
  const { config } = await setup(t, engine);
  const cases: [string, ModuleManifest, RegExp][] = [
    ['no access', fakeModule({ access: undefined }), /declares no access level/],
    ['undeclared permission', fakeModule({ access: 'staff:nothing.here' }), /undeclared permission nothing\.here/],
    ['unknown access level', fakeModule({ access: 'everyone' as RouteDef['access'] }), /unknown access level/],
    ['community permission used as national', fakeModule({ access: 'national:communities.edit' }), /not national/],
  ];
  for (const [name, mod, message] of cases) {
    const services = createServices(config, [...MODULES, mod], { log: pino({ level: 'silent' }) });
    try {
      await assert.rejects(buildApp(services, { logger: false }), message, name);
    } finally {
      await services.close();
    }
  }
  // And the walking suites refuse routes they cannot classify.
  assert.throws(() => walkRoutes([fakeModule({ access: 'public', url: '/fake/:id' })]), /neither :slug, nor named in idParams/);
  assert.throws(() => walkRoutes([fakeModule({ access: 'public', url: '/fake/*' })]), /wildcard/);
  assert.doesNotThrow(() => walkRoutes([fakeModule({ access: 'public', url: '/:slug/x/:id', idParams: { id: 'settlements' }, schema: { params: z.object({}) } })]));
});
