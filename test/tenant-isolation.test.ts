// Tenant isolation (ARCHITECTURE rule 1): walks every community route as Sisian staff
// holding every Sisian role and proves nothing of Jermuk crosses over: Jermuk's staff
// routes refuse, Jermuk's rows under /sisian are 404, Sisian's pages never name Jermuk.
// Plus the TenantDb handle itself on both engines.
import assert from 'node:assert/strict';
import { bothEngines, setup } from './helpers.ts';
import { MODULES } from '../src/modules/index.ts';
import { TenantDb, TenantScopeError } from '../src/platform/db/tenant.ts';
import { appendAudit } from '../src/platform/audit/audit.ts';
import { addNotice } from '../src/platform/notify/notices.ts';
import type { Services } from '../src/platform/module/contract.ts';
import {
  classifyRoutes, unclassified, firstChoices, call, communityId, ensureSession, fillUrl, makeSuperStaff, markersOf, rowIdIn, rowsOf, sessionCaller,
  type CallResult,
} from './route-walk.ts';

/** Jermuk rows the demo lacks are made here, one function per table. */
const MAKE_ROW: Record<string, (services: Services, community: number) => Promise<void>> = {
  audit_events: async (services, community) => {
    await services.db.kysely.transaction().execute((tx) =>
      appendAudit(tx, { userId: null, label: 'isolation test', ip: null, requestId: null }, { communityId: community, action: 'test.row', entityType: 'test' }),
    );
  },
  notices: async (services, community) => {
    const holder = await services.db.kysely.selectFrom('role_assignments').select('user_id').where('community_id', '=', community).orderBy('id').executeTakeFirstOrThrow();
    await addNotice(new TenantDb(services.db.kysely, community), { userId: holder.user_id, key: 'notify.notices.title', link: null });
  },
};

async function idIn(services: Services, table: string, community: number): Promise<number> {
  let id = await rowIdIn(services.db.kysely, table, community);
  if (id === null && MAKE_ROW[table]) {
    await MAKE_ROW[table](services, community);
    id = await rowIdIn(services.db.kysely, table, community);
  }
  if (id === null) {
    throw new Error(`No row of ${table} in community ${community}: add one to the demo seed or to MAKE_ROW in test/tenant-isolation.test.ts`);
  }
  return id;
}

function leaks(body: string, markers: string[]): string[] {
  return markers.filter((m) => body.includes(m));
}

const show = (r: CallResult) => `${r.status}${r.location ? ` → ${r.location}` : ''}`;

bothEngines('tenant isolation: no route lets Sisian staff reach Jermuk', async (t, engine) => {
  const { routes: walked, problems: unclassifiedRoutes } = classifyRoutes(MODULES);
  const routes = walked.filter((r) => r.community);
  const { app, services } = await setup(t, engine);
  const db = services.db.kysely;
  const sisian = await communityId(db, 'sisian');
  const jermuk = await communityId(db, 'jermuk');
  const staff = await sessionCaller(services, 'sisian-all-roles', await makeSuperStaff(services, 'sisian'));
  const jermukMarkers = markersOf('jermuk');
  const sisianOnly = markersOf('sisian').filter((m) => !m.includes('@'));
  const failures: string[] = [];

  for (const route of routes) {
    const { method, access, url } = route.def;
    const isStaffRoute = access.startsWith('staff:');

    // 1. The same route in Jermuk, with Jermuk's own ids.
    const jermukValues: Record<string, string | number> = { slug: 'jermuk', ...firstChoices(route) };
    for (const [p, tbl] of Object.entries(route.ids)) jermukValues[p] = await idIn(services, tbl, jermuk);
    await ensureSession(services, staff);
    const inJermuk = await call(app, method, fillUrl(url, jermukValues), staff);
    if (isStaffRoute) {
      if (inJermuk.status !== 403 && inJermuk.status !== 404) {
        failures.push(`${route.label} as Sisian staff in Jermuk: expected 403/404, got ${show(inJermuk)}`);
      }
    } else if (method === 'GET') {
      if (inJermuk.status >= 500 || inJermuk.status === 403) {
        failures.push(`${route.label} (${access}) in Jermuk: expected Jermuk's own page, got ${show(inJermuk)}`);
      } else if (inJermuk.status === 200 && inJermuk.contentType.includes('text/html')) {
        if (!jermukMarkers.some((m) => inJermuk.body.includes(m))) failures.push(`${route.label} in Jermuk: the page does not show Jermuk`);
        const leaked = leaks(inJermuk.body, sisianOnly);
        if (leaked.length) failures.push(`${route.label} in Jermuk shows Sisian's data: ${leaked.join(', ')}`);
      }
    }

    // 2. Under /sisian, each id parameter in turn pointing at a Jermuk row → 404, and that row untouched.
    for (const [param, tbl] of Object.entries(route.ids)) {
      const values: Record<string, string | number> = { slug: 'sisian', ...firstChoices(route) };
      for (const [p, pt] of Object.entries(route.ids)) values[p] = await idIn(services, pt, sisian);
      values[param] = await idIn(services, tbl, jermuk);
      const before = await rowsOf(db, tbl, jermuk);
      await ensureSession(services, staff);
      const r = await call(app, method, fillUrl(url, values), staff);
      const ok = r.status === 404 || (route.changes && (r.status === 400 || r.status === 403));
      if (!ok) failures.push(`${route.label} with :${param} = a Jermuk ${tbl} row under /sisian: expected 404, got ${show(r)}`);
      if ((await rowsOf(db, tbl, jermuk)) !== before) failures.push(`${route.label} with a Jermuk ${tbl} id CHANGED Jermuk's rows`);
    }

    // 3. Sisian's pages and API answers never name Jermuk.
    if (method === 'GET') {
      const values: Record<string, string | number> = { slug: 'sisian', ...firstChoices(route) };
      for (const [p, tbl] of Object.entries(route.ids)) values[p] = await idIn(services, tbl, sisian);
      for (const lang of ['hy', 'en', 'ru']) {
        await ensureSession(services, staff);
        const r = await call(app, method, fillUrl(url, values), staff, { lang });
        if (r.status >= 500) failures.push(`${route.label} under /sisian (${lang}): ${r.status}`);
        const leaked = leaks(r.body, jermukMarkers);
        if (leaked.length) failures.push(`${route.label} under /sisian (${lang}) shows Jermuk's data: ${leaked.join(', ')}`);
      }
    }
  }
  assert.ok(routes.length > 0, 'there are community routes to walk');
  if (unclassifiedRoutes.length) failures.unshift(unclassified(unclassifiedRoutes));
  if (failures.length) assert.fail(`${failures.length} isolation failures:\n  ${failures.join('\n  ')}`);
});

bothEngines('TenantDb: scoped reads and writes never reach another community', async (t, engine) => {
  const { services } = await setup(t, engine);
  const db = services.db.kysely;
  const sisianId = await communityId(db, 'sisian');
  const jermukId = await communityId(db, 'jermuk');

  for (const bad of [0, -1, Number.NaN, 1.5, undefined as unknown as number, null as unknown as number]) {
    assert.throws(() => new TenantDb(db, bad), TenantScopeError, `community id ${String(bad)} is refused`);
  }
  const sisian = new TenantDb(db, sisianId);
  const settlement = { name_hy: 'Փորձ', name_en: 'Test', name_ru: 'Тест', kind: 'village' as const, postcode: null, is_centre: 0, created_at: new Date().toISOString() };
  assert.throws(
    () => sisian.insertInto('settlements', { ...settlement, community_id: jermukId } as unknown as typeof settlement),
    TenantScopeError,
    'insert refuses a caller-supplied community_id',
  );

  const all = () => db.selectFrom('settlements').selectAll().orderBy('id').execute();
  const jermukRows = async () => JSON.stringify((await all()).filter((s) => s.community_id === jermukId));
  const jermukBefore = await jermukRows();

  // Reads: only Sisian's.
  const seen = await sisian.selectFrom('settlements').selectAll().execute();
  assert.ok(seen.length > 0);
  assert.ok(seen.every((s) => s.community_id === sisianId), 'select returns only Sisian settlements');
  const jermukSettlement = (await all()).find((s) => s.community_id === jermukId)!;
  assert.equal(await sisian.selectFrom('settlements').select('id').where('id', '=', jermukSettlement.id).executeTakeFirst(), undefined);

  // Inserts are stamped with Sisian.
  await sisian.insertInto('settlements', settlement).execute();
  await db.insertInto('settlements').values({ ...settlement, community_id: jermukId }).execute();
  const jermukWithTest = await jermukRows();
  const stamped = await db.selectFrom('settlements').select('community_id').where('name_en', '=', 'Test').execute();
  assert.deepEqual(stamped.map((s) => s.community_id).sort(), [sisianId, jermukId].sort());

  // Updates: a blanket update and one aimed at a Jermuk id change only Sisian rows.
  const blanket = await sisian.updateTable('settlements').set({ postcode: '0000' }).executeTakeFirst();
  assert.equal(Number(blanket.numUpdatedRows), seen.length + 1);
  const aimed = await sisian.updateTable('settlements').set({ name_en: 'Hacked' }).where('id', '=', jermukSettlement.id).executeTakeFirst();
  assert.equal(Number(aimed.numUpdatedRows), 0);
  assert.equal(await jermukRows(), jermukWithTest, 'Jermuk rows unchanged by Sisian updates');

  // Deletes: the same name exists in both; only Sisian's goes.
  const del = await sisian.deleteFrom('settlements').where('name_en', '=', 'Test').executeTakeFirst();
  assert.equal(Number(del.numDeletedRows), 1);
  const aimedDel = await sisian.deleteFrom('settlements').where('id', '=', jermukSettlement.id).executeTakeFirst();
  assert.equal(Number(aimedDel.numDeletedRows), 0);
  assert.equal(await jermukRows(), jermukWithTest, 'Jermuk rows unchanged by Sisian deletes');
  assert.notEqual(jermukBefore, jermukWithTest);

  // A transaction keeps the scope.
  await sisian.transaction(async (tx) => {
    const rows = await tx.selectFrom('settlements').select('community_id').execute();
    assert.ok(rows.every((r) => r.community_id === sisianId));
  });
});
