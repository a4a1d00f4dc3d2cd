// A community's payment connections (fin_payment_providers): which providers it takes,
// with its merchant account and secret. The secret is written, never read back to a page.
// In the demo a connection may name the in-process stand-in (`standin:`) instead of an
// address: the stand-in is then started on first use (standins.ts).
import type { TenantDb } from '../../../platform/db/tenant.ts';
import type { Services } from '../../../platform/module/contract.ts';
import type { ProviderSettings } from './provider.ts';
import type { ProviderName } from './payments.table.ts';
import { resolveStandin, STANDIN } from './standins.ts';

export interface ConnectionView {
  provider: ProviderName;
  merchantId: string;
  username: string | null;
  gatewayUrl: string;
  enabled: boolean;
  hasSecret: boolean;
  updatedAt: string;
}

/** The connections as the settings page shows them: everything but the secret. */
export async function listConnections(tdb: TenantDb): Promise<ConnectionView[]> {
  const rows = await tdb.selectFrom('fin_payment_providers').select(['provider', 'merchant_id', 'username', 'gateway_url', 'enabled', 'secret', 'updated_at']).orderBy('provider').execute();
  return rows.map((r) => ({
    provider: r.provider, merchantId: r.merchant_id, username: r.username, gatewayUrl: r.gateway_url,
    enabled: r.enabled === 1, hasSecret: r.secret.length > 0, updatedAt: r.updated_at,
  }));
}

/** The providers a payer may choose here now. */
export async function enabledProviders(tdb: TenantDb): Promise<ProviderName[]> {
  const rows = await tdb.selectFrom('fin_payment_providers').select('provider').where('enabled', '=', 1).orderBy('provider').execute();
  return rows.map((r) => r.provider);
}

/**
 * The working settings of one enabled connection (with the secret), the stand-in's address
 * filled in when the connection names it; null when the community does not take this provider.
 */
export async function connectionSettings(services: Services, tdb: TenantDb, provider: ProviderName, slug: string): Promise<ProviderSettings | null> {
  const row = await tdb.selectFrom('fin_payment_providers').selectAll().where('provider', '=', provider).where('enabled', '=', 1).executeTakeFirst();
  if (!row) return null;
  const settings: ProviderSettings = { provider, merchantId: row.merchant_id, username: row.username, secret: row.secret, gatewayUrl: row.gateway_url.replace(/\/$/, '') };
  if (row.gateway_url.startsWith(STANDIN)) return resolveStandin(services, settings, slug);
  return settings;
}

export interface ConnectionInput {
  provider: ProviderName;
  merchantId: string;
  username: string | null;
  /** Empty: keep the stored secret. */
  secret: string;
  gatewayUrl: string;
  enabled: boolean;
}

/** Creates or changes a connection; returns what changed, for the audit (never the secret itself). */
export async function saveConnection(tdb: TenantDb, input: ConnectionInput): Promise<{ before: Record<string, unknown> | null; after: Record<string, unknown> }> {
  const existing = await tdb.selectFrom('fin_payment_providers').selectAll().where('provider', '=', input.provider).executeTakeFirst();
  const now = new Date().toISOString();
  const values = {
    merchant_id: input.merchantId, username: input.username, gateway_url: input.gatewayUrl, enabled: input.enabled ? 1 : 0, updated_at: now,
    ...(input.secret ? { secret: input.secret } : {}),
  };
  const shown = (r: { merchant_id: string; username: string | null; gateway_url: string; enabled: number }, secretChanged: boolean) =>
    ({ merchantId: r.merchant_id, username: r.username, gatewayUrl: r.gateway_url, enabled: r.enabled === 1, ...(secretChanged ? { secret: 'changed' } : {}) });
  if (existing) {
    await tdb.updateTable('fin_payment_providers').set(values).where('id', '=', existing.id).execute();
    return { before: shown(existing, false), after: shown({ ...existing, ...values }, Boolean(input.secret)) };
  }
  await tdb.insertInto('fin_payment_providers', { provider: input.provider, secret: input.secret, ...values }).execute();
  return { before: null, after: shown(values, true) };
}
