// Reconciliation (as DIGIT's payment gateway does, DOMAIN-finance.md §7): intents left
// pending — the payer closed the tab, the callback was lost — are asked about at the
// provider's status API. Every 15 minutes for intents 15–30 minutes old (a payment in
// progress is left alone before that), daily for all pending ones; what the provider says
// was paid is recorded like a callback, a decline closes the intent, and an intent the
// provider still does not call paid after a day expires.
import type { JobHandler, Services } from '../../../platform/module/contract.ts';
import { TenantDb, unscoped } from '../../../platform/db/tenant.ts';
import { connectionSettings } from './settings.ts';
import { closeIntent, forProvider, GATEWAYS, settleIntent } from './intents.service.ts';

export const RECONCILE_RECENT_JOB = 'finance.payments_reconcile_recent';
export const RECONCILE_ALL_JOB = 'finance.payments_reconcile_all';
const MINUTE = 60_000;
const EXPIRE_AFTER_MS = 24 * 60 * MINUTE;

export interface ReconcileReport {
  checked: number;
  paid: number;
  failed: number;
  expired: number;
  errors: number;
}

export async function reconcilePending(services: Services, mode: 'recent' | 'all', now: Date = new Date()): Promise<ReconcileReport> {
  const db = unscoped(services.db.kysely, 'reconciliation walks the pending intents of every community; each is then handled through its own tenant handle');
  let q = db.selectFrom('fin_payment_intents').selectAll().where('status', '=', 'pending');
  if (mode === 'recent') {
    q = q.where('created_at', '<=', new Date(now.getTime() - 15 * MINUTE).toISOString()).where('created_at', '>=', new Date(now.getTime() - 30 * MINUTE).toISOString());
  }
  const intents = await q.orderBy('id').limit(5000).execute();
  const report: ReconcileReport = { checked: 0, paid: 0, failed: 0, expired: 0, errors: 0 };
  for (const intent of intents) {
    const community = await services.communities.byId(intent.community_id);
    if (!community) continue;
    const tdb = new TenantDb(services.db.kysely, community.id);
    try {
      const settings = await connectionSettings(services, tdb, intent.provider, community.slug);
      if (!settings) continue;
      const status = await GATEWAYS[intent.provider].status(settings, forProvider(intent));
      report.checked++;
      await tdb.updateTable('fin_payment_intents').set({ checked_at: now.toISOString() }).where('id', '=', intent.id).execute();
      if (status.state === 'paid') {
        const outcome = await settleIntent(services, tdb, community, intent, status.payment, 'reconcile');
        if (outcome.ok) report.paid++;
      } else if (status.state === 'declined') {
        await closeIntent(tdb, intent, 'failed', 'declined at the provider (status check)');
        report.failed++;
      } else if (now.getTime() - Date.parse(intent.created_at) > EXPIRE_AFTER_MS) {
        await closeIntent(tdb, intent, 'expired', `not paid after a day (provider: ${status.state})`);
        report.expired++;
      }
    } catch (error) {
      // One provider being down must not stop the others; the next run asks again.
      report.errors++;
      services.log.warn({ err: error, intentId: intent.id, provider: intent.provider }, 'reconciliation: the provider could not be asked');
    }
  }
  if (report.checked) services.log.info({ mode, ...report }, 'payment reconciliation');
  return report;
}

export const reconcileRecentJob: JobHandler = async (services) => void (await reconcilePending(services, 'recent'));
export const reconcileAllJob: JobHandler = async (services) => void (await reconcilePending(services, 'all'));
