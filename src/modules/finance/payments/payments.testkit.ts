// A world for the payments tests: the app listening on loopback (the stand-in gateways call
// it back like a real provider would), both stand-ins started, and Sisian connected to them.
import type { TestContext } from 'node:test';
import type { AddressInfo } from 'node:net';
import { TenantDb } from '../../../platform/db/tenant.ts';
import type { TestEnv } from '../../../../test/helpers.ts';
import { startIdramStandin, type IdramStandin } from './idram-standin.ts';
import { startVposStandin, type VposStandin } from './vpos-standin.ts';
import { saveConnection } from './settings.ts';
import { ledgerWorld, type LedgerWorld } from '../ledger/ledger.testkit.ts';
import { ensureObligation, postEntries } from '../ledger/ledger.core.ts';
import { payerColumns, type PayerRef } from '../ledger/payer.ts';
import { todayInYerevan } from '../../../platform/i18n/index.ts';

export const IDRAM_ACCOUNT = '110000601';
export const IDRAM_SECRET = 'idram-test-secret';
export const VPOS_USER = 'sisian_api';
export const VPOS_PASSWORD = 'vpos-test-password';

export interface PayWorld extends LedgerWorld {
  base: string;
  idram: IdramStandin;
  vpos: VposStandin;
  communityId: number;
  callbackUrl(provider: 'idram' | 'vpos'): string;
  /** A debt charged today and due in a month (no penalty yet); returns the obligation's id. */
  oweNow(amount: number, opts?: { payer?: PayerRef; label?: string; sourceKey?: string; kind?: 'real_estate_tax' | 'service_fee' }): Promise<number>;
}

let serial = 0;

const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function payWorld(t: TestContext, env: TestEnv, slug = 'sisian'): Promise<PayWorld> {
  await env.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(env.app.server.address() as AddressInfo).port}`;
  const [idram, vpos] = await Promise.all([startIdramStandin(), startVposStandin()]);
  t.after(async () => {
    await idram.close();
    await vpos.close();
  });
  const world = await ledgerWorld(env.services, slug);
  const callbackUrl = (provider: 'idram' | 'vpos') => `${base}/api/v1/communities/${slug}/payments/${provider}/callback`;
  const back = `${base}/${slug}/payments/return`;
  idram.addMerchant({ recAccount: IDRAM_ACCOUNT, secret: IDRAM_SECRET, resultUrl: callbackUrl('idram'), successUrl: `${back}/idram`, failUrl: `${back}/idram?failed=1` });
  vpos.addMerchant({ userName: VPOS_USER, password: VPOS_PASSWORD, callbackUrl: callbackUrl('vpos') });
  const tdb = new TenantDb(env.services.db.kysely, world.tdb.communityId);
  await saveConnection(tdb, { provider: 'idram', merchantId: IDRAM_ACCOUNT, username: null, secret: IDRAM_SECRET, gatewayUrl: idram.url, enabled: true });
  await saveConnection(tdb, { provider: 'vpos', merchantId: 'client-1', username: VPOS_USER, secret: VPOS_PASSWORD, gatewayUrl: vpos.url, enabled: true });
  const oweNow: PayWorld['oweNow'] = async (amount, opts = {}) => {
    const today = todayInYerevan();
    const { id } = await ensureObligation(tdb, {
      ...payerColumns(opts.payer ?? world.payer), kind: opts.kind ?? 'real_estate_tax', subject_type: 'structure', subject_id: null,
      subject_label: opts.label ?? `Test house ${++serial}`, period: today.slice(0, 4), due_on: plusDays(today, 30), revenue_line: '1131',
      source_key: opts.sourceKey ?? `paytest:${++serial}`,
    });
    await postEntries(tdb, [{ obligation_id: id, kind: 'accrual', component: 'principal', amount, entry_on: today, payment_id: null, reverses_entry_id: null, legal_ground: null, note: null, batch: 'test', actor_user_id: null }]);
    return id;
  };
  return { ...world, base, idram, vpos, communityId: tdb.communityId, callbackUrl, oweNow };
}

/** Posts a form and gives back the status, the body and where it redirects (not followed). */
export async function postForm(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields), redirect: 'manual' });
  return { status: res.status, text: await res.text(), location: res.headers.get('location') };
}

/** The one-time token on a stand-in's payment page. */
export function tokenOf(html: string): string {
  const m = /name="token" value="([^"]+)"/.exec(html);
  if (!m) throw new Error(`no payment page: ${html.slice(0, 200)}`);
  return m[1]!;
}
