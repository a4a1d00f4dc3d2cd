// A GET answers only the query it understands (platform/http/strict-query.ts): every GET route
// refuses a parameter it does not know, and every closed-set or numeric parameter a value
// outside its range, with 400 and a message naming the parameter; and no link or GET form the
// pages themselves show leads to such a refusal (a crawl of the pages as staff and citizen).
// SQLite only: this is about the HTTP layer, the same on both engines.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MODULES } from '../src/modules/index.ts';
import { setup } from './helpers.ts';
import {
  ANONYMOUS, call, communityId, enumValues, fillUrl, firstChoices, makeSuperStaff, rowIdIn, sessionCaller, walkRoutes,
  type Caller, type WalkRoute,
} from './route-walk.ts';

/**
 * The base type of a query field through optional / preprocess / pipe wrappers, and through
 * `.catch()`: a field that falls back silently is still probed, and its 200 fails the test.
 */
function baseType(schema: unknown): string | undefined {
  const def = (schema as { def?: { type?: string; innerType?: unknown; out?: unknown; in?: unknown } } | undefined)?.def;
  if (!def) return undefined;
  if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'catch') return baseType(def.innerType);
  if (def.type === 'pipe') return baseType(def.out) === 'transform' ? baseType(def.in) : baseType(def.out);
  return def.type;
}

function queryShape(route: WalkRoute): Record<string, unknown> {
  return (route.def.schema?.querystring as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
}

async function urlOf(route: WalkRoute, db: Parameters<typeof rowIdIn>[0], sisian: number): Promise<string> {
  const ids: Record<string, number> = {};
  for (const [p, tbl] of Object.entries(route.ids)) ids[p] = (await rowIdIn(db, tbl, sisian)) ?? 1;
  return fillUrl(route.def.url, { slug: 'sisian', ...firstChoices(route), ...ids });
}

test('every GET refuses a parameter it does not know and a value out of its range, naming it', async (t) => {
  const { app, services } = await setup(t, 'sqlite');
  const db = services.db.kysely;
  const sisian = await communityId(db, 'sisian');
  const staff = await sessionCaller(services, 'all-roles', await makeSuperStaff(services, 'sisian', { national: true }));
  const gets = walkRoutes(MODULES).filter((r) => r.def.method === 'GET');
  const failures: string[] = [];
  let probes = 0;
  for (const route of gets) {
    const url = await urlOf(route, db, sisian);
    const caller: Caller = route.def.access === 'public' ? ANONYMOUS : staff;
    const tries: [string, string, string][] = [['zz_unknown', '1', 'an unknown parameter']];
    for (const [key, schema] of Object.entries(queryShape(route))) {
      const type = baseType(schema);
      if (type === 'number' || type === 'int') tries.push([key, 'zz-not-a-number', 'a number that is not one']);
      else if (type === 'enum' || enumValues(schema).length) tries.push([key, 'zz-not-a-choice', 'a value outside its set']);
    }
    for (const [key, value, what] of tries) {
      probes++;
      const r = await call(app, 'GET', url, caller, { query: { [key]: value }, lang: 'en' });
      const where = `GET ${url}?${key}=${value} (${what})`;
      if (r.status !== 400) {
        failures.push(`${where}: expected 400, got ${r.status}${r.location ? ` → ${r.location}` : ''}`);
        continue;
      }
      if (route.def.kind === 'api') {
        const fields = (JSON.parse(r.body) as { error?: { fields?: Record<string, string> } }).error?.fields ?? {};
        if (!fields[key]) failures.push(`${where}: the API error does not name ${key}: ${r.body.slice(0, 200)}`);
      } else if (!r.body.includes(`<code>${key}</code>`)) failures.push(`${where}: the page does not name ${key}`);
    }
  }
  const unknown = await call(app, 'GET', '/sisian/staff/registry/residents', staff, { query: { zz_unknown: '1' }, lang: 'en' });
  assert.match(unknown.body, /This page takes no such parameter/, 'the refusal is in words, in the reader\'s language');
  assert.match(unknown.body, /<a href="\/sisian\/staff\/registry\/residents">Open the page without these parameters<\/a>/, 'and leads back to the page');
  t.diagnostic(`${probes} probes over ${gets.length} GET routes`);
  if (failures.length) assert.fail(`${failures.length} GETs took what they do not understand:\n  ${failures.join('\n  ')}`);
});

/** Same-origin GET targets in a page: links, and GET forms submitted with their fields' current values. */
function targetsIn(html: string, from: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<a\b[^>]*\bhref="([^"#]+)"/g)) out.push(m[1]!.replace(/&amp;/g, '&'));
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = m[1]!;
    if (/method="post"/i.test(attrs)) continue;
    const action = /action="([^"]*)"/.exec(attrs)?.[1] ?? from;
    const params = new URLSearchParams();
    for (const f of m[2]!.matchAll(/<(?:input|select|textarea)\b([^>]*)>/g)) {
      const name = /\bname="([^"]+)"/.exec(f[1]!)?.[1];
      if (!name || /type="(submit|checkbox|radio)"/.test(f[1]!)) continue;
      params.append(name, (/\bvalue="([^"]*)"/.exec(f[1]!)?.[1] ?? '').replace(/&amp;/g, '&'));
    }
    out.push(`${action.replace(/&amp;/g, '&')}${params.size ? `?${params}` : ''}`);
  }
  return out
    .map((u) => new URL(u, `http://localhost${from}`))
    .filter((u) => u.host === 'localhost' && !/^\/(static|signout|lang)\b/.test(u.pathname) && !/\.(csv|xlsx|pdf|png|jpe?g|svg)$/.test(u.pathname))
    .map((u) => u.pathname + u.search);
}

test('no link or GET form the pages show is refused for its query (a crawl as staff and citizen)', async (t) => {
  const { app, services } = await setup(t, 'sqlite');
  const staff = await sessionCaller(services, 'all-roles', await makeSuperStaff(services, 'sisian', { national: true }));
  const citizen = await sessionCaller(services, 'citizen', 'hayk@citizen.example');
  const failures: string[] = [];
  let fetched = 0;
  for (const [caller, starts] of [[staff, ['/sisian/staff', '/national']], [citizen, ['/sisian', '/account']], [ANONYMOUS, ['/sisian', '/']]] as const) {
    const seen = new Set<string>();
    // Pages of one shape (ids replaced) are visited a few times, not a thousand.
    const shapes = new Map<string, number>();
    const queue: [string, string][] = starts.map((s) => [s, 'start']);
    while (queue.length && fetched < 1500) {
      const [url, from] = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const shape = url.replace(/\d+/g, '#').replace(/=[^&]*/g, '=');
      const n = shapes.get(shape) ?? 0;
      if (n >= 3) continue;
      shapes.set(shape, n + 1);
      const r = await call(app, 'GET', url, caller, { lang: 'en' });
      fetched++;
      if (r.status === 400) failures.push(`${caller.name}: ${url} (linked from ${from}): 400 ${/<code>[^<]+<\/code>: [^<]+/.exec(r.body)?.[0] ?? ''}`);
      if (r.status >= 500) failures.push(`${caller.name}: ${url} (linked from ${from}): ${r.status}`);
      if (r.status === 200 && r.contentType.includes('text/html')) for (const next of targetsIn(r.body, url.split('?')[0]!)) queue.push([next, url]);
    }
  }
  t.diagnostic(`${fetched} pages fetched`);
  assert.ok(fetched > 150, `the crawl reached the pages (${fetched})`);
  if (failures.length) assert.fail(`${failures.length} links lead to a refusal:\n  ${failures.join('\n  ')}`);
});
