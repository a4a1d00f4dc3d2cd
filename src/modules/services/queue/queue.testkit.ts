// Helpers of the queue tests: callers with sessions, posting the kiosk and window forms
// through app.inject, and finding the demo's windows and tickets.
import { TenantDb } from '../../../platform/db/tenant.ts';
import type { TestEnv } from '../../../../test/helpers.ts';
import { ANONYMOUS, call, communityId, sessionCaller, type CallResult, type Caller } from '../../../../test/route-walk.ts';
import type { TicketRow } from './queue.queries.ts';

export const OPERATOR = 'operator@sisian.example';
export const CHIEF = 'chief@sisian.example';
export const SETTLEMENT_HEAD = 'angeghakot@sisian.example';

export async function caller(env: TestEnv, email: string | null): Promise<Caller> {
  return email === null ? ANONYMOUS : sessionCaller(env.services, email, email);
}

export async function tenantOf(env: TestEnv, slug: string): Promise<TenantDb> {
  return new TenantDb(env.services.db.kysely, await communityId(env.services.db.kysely, slug));
}

export async function settlementId(env: TestEnv, slug: string, nameEn: string): Promise<number> {
  const tenant = await tenantOf(env, slug);
  return (await tenant.selectFrom('settlements').select('id').where('name_en', '=', nameEn).executeTakeFirstOrThrow()).id;
}

export function post(env: TestEnv, who: Caller, url: string, form: Record<string, string | string[]> = {}): Promise<CallResult> {
  return call(env.app, 'POST', url, who, { form, lang: 'en' });
}

export function get(env: TestEnv, who: Caller, url: string): Promise<CallResult> {
  return call(env.app, 'GET', url, who, { lang: 'en' });
}

/** Takes a ticket at the kiosk; answers the new ticket (or the refused answer). */
export async function take(env: TestEnv, office: string, group: string, slug = 'sisian'): Promise<{ res: CallResult; ticket?: TicketRow }> {
  const res = await post(env, ANONYMOUS, `/${slug}/queue/tickets`, { office, group });
  const id = /\/queue\/tickets\/(\d+)$/.exec(res.location ?? '')?.[1];
  if (!id) return { res };
  const ticket = await (await tenantOf(env, slug)).selectFrom('queue_tickets').selectAll().where('id', '=', Number(id)).executeTakeFirstOrThrow();
  return { res, ticket };
}

export async function ticket(env: TestEnv, id: number): Promise<TicketRow> {
  return env.services.db.kysely.selectFrom('queue_tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** The id of a window by office (null: central) and label. */
export async function windowId(env: TestEnv, slug: string, settlement: number | null, label: string): Promise<number> {
  const tenant = await tenantOf(env, slug);
  const rows = await tenant.selectFrom('queue_windows').select(['id', 'settlement_id', 'label']).where('label', '=', label).execute();
  const found = rows.find((r) => r.settlement_id === settlement);
  if (!found) throw new Error(`no window ${label} at office ${settlement ?? 'central'} of ${slug}`);
  return found.id;
}

/** The ticket a call-next put at the window (the latest called there). */
export async function calledAt(env: TestEnv, window: number): Promise<TicketRow | undefined> {
  return env.services.db.kysely.selectFrom('queue_tickets').selectAll().where('window_id', '=', window).where('status', '=', 'called').orderBy('called_at', 'desc').executeTakeFirst();
}

/** Calls and marks missed every waiting ticket this window would call, so a test starts from an empty queue. */
export async function drain(env: TestEnv, who: Caller, slug: string, window: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const res = await post(env, who, `/${slug}/staff/queue/windows/${window}/call-next`);
    if (res.location?.endsWith('done=empty')) return;
    const current = await calledAt(env, window);
    if (!current) throw new Error(`call-next answered ${res.status} ${res.location ?? ''} but nothing was called`);
    await post(env, who, `/${slug}/staff/queue/tickets/${current.id}/no-show`);
  }
  throw new Error('the queue did not drain');
}

export async function countRows(env: TestEnv, table: 'queue_tickets' | 'queue_windows' | 'sequence_counters' | 'audit_events'): Promise<number> {
  const row = await env.services.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
