// The payment-provider interface (DOMAIN-finance.md §6): we create an intent, send the payer
// to the provider, and trust only what the provider confirms in a server-to-server message
// whose signature we verify with the merchant's secret, or what its status API answers.
// A browser coming back proves nothing. Each protocol is one implementation of this.
import { todayInYerevan } from '../../../platform/i18n/index.ts';
import type { ProviderName } from './payments.table.ts';

/** A community's connection to one provider (fin_payment_providers). */
export interface ProviderSettings {
  provider: ProviderName;
  merchantId: string;
  username: string | null;
  secret: string;
  /** Base address, without a trailing slash. */
  gatewayUrl: string;
}

/** What the provider is told about one payment. Amounts are whole drams. */
export interface IntentForProvider {
  billNo: string;
  amount: number;
  description: string;
  locale: 'hy' | 'en' | 'ru';
  providerOrderId: string | null;
}

/** Where the payer's browser goes: a link, or a form posted to the provider (Idram's). */
export type Redirect = { method: 'GET'; url: string } | { method: 'POST'; url: string; fields: Record<string, string> };

/** Our addresses the provider uses: the browser's way back and the server callback. */
export interface OurUrls {
  returnUrl: string;
  failUrl: string;
  callbackUrl: string;
}

/** A payment the provider vouched for (signature or status API checked). */
export interface ProviderPayment {
  billNo: string | null;
  providerOrderId: string | null;
  /** The provider's transaction id: the payment is recorded once per (provider, this). */
  txnId: string;
  /** Whole drams, as the provider states it (converted from minor units where the protocol uses them). */
  amount: number;
  /** YYYY-MM-DD. */
  paidOn: string;
}

/** A server callback, read and checked. `forged`: the signature does not match; nothing is believed. */
export type CallbackReading =
  | { kind: 'precheck'; billNo: string; amount: number }
  | { kind: 'paid'; payment: ProviderPayment }
  | { kind: 'declined'; billNo: string | null; providerOrderId: string | null }
  | { kind: 'forged' }
  | { kind: 'malformed' };

export type ProviderStatus =
  | { state: 'paid'; payment: ProviderPayment }
  | { state: 'declined' }
  | { state: 'pending' }
  /** The provider does not know the order (the payer never reached its page). */
  | { state: 'unknown' };

export interface PaymentGateway {
  name: ProviderName;
  /** Registers the order where the protocol needs it (vPOS) and says where to send the payer. */
  begin(settings: ProviderSettings, intent: IntentForProvider, urls: OurUrls): Promise<{ redirect: Redirect; providerOrderId: string | null }>;
  /** Reads a server callback's form or JSON fields; checks the signature with the merchant's secret. */
  readCallback(settings: ProviderSettings, fields: Record<string, string>): CallbackReading;
  /** Asks the provider's status API about an intent (reconciliation, and the vPOS return). */
  status(settings: ProviderSettings, intent: IntentForProvider): Promise<ProviderStatus>;
}

/** Whole drams from a provider's decimal amount ("1500", "1500.00"); null if it is not a whole number of drams. */
export function dramsOf(text: string | undefined): number | null {
  if (text === undefined || !/^\d{1,12}(\.\d{1,2})?$/.test(text.trim())) return null;
  const [whole, frac = ''] = text.trim().split('.');
  if (/[1-9]/.test(frac)) return null;
  return Number(whole);
}

/** The day in Yerevan of a provider's timestamp, or today when it cannot be read. */
export function dayOf(instant: string | undefined): string {
  const d = instant ? new Date(instant) : new Date();
  return todayInYerevan(Number.isNaN(d.getTime()) ? new Date() : d);
}

/** POSTs JSON and reads JSON back, with a timeout: a provider that hangs must not hold a request or a job. */
export async function postJson(url: string, body: unknown, timeoutMs = 10_000): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const json = (await res.json()) as unknown;
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error(`${url}: not a JSON object`);
  return json as Record<string, unknown>;
}
