// A card vPOS in the style of the Armenian banks' BPC-based gateways (ArCa iPay; DOMAIN-finance.md
// §6): register the order (amount in minor units — luma, 1/100 dram — currency 051, ISO 4217
// AMD) → the gateway's order id and payment page → the payer returns to our address → we ask
// the order status. The gateway also notifies our server: the callback carries the order,
// the operation and a checksum, HMAC-SHA256 with the merchant's key over the other fields
// sorted by name as "name;value;" and uppercase hex. The endpoint names follow BPC
// (register.do, getOrderStatusExtended.do) and are unverified for any one bank.
import crypto from 'node:crypto';
import { dayOf, type CallbackReading, type PaymentGateway, type ProviderSettings } from './provider.ts';

export const VPOS_CURRENCY_AMD = '051';
/** orderStatus values of getOrderStatusExtended: 2 deposited (paid); 3 reversed, 4 refunded, 6 declined. */
const PAID = 2;
const DECLINED = new Set([3, 4, 6]);

/** The callback checksum: HMAC-SHA256 over "name;value;" of every field but checksum, sorted by name. */
export function vposChecksum(fields: Record<string, string>, key: string): string {
  const text = Object.keys(fields).filter((k) => k !== 'checksum').sort().map((k) => `${k};${fields[k]};`).join('');
  return crypto.createHmac('sha256', key).update(text, 'utf8').digest('hex').toUpperCase();
}

/** Minor units (luma) for whole drams, and back; null if the minor amount is not whole drams. */
export const toMinor = (drams: number) => drams * 100;
export function fromMinor(minor: unknown): number | null {
  const n = typeof minor === 'string' ? Number(minor) : minor;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0 || n % 100 !== 0) return null;
  return n / 100;
}

async function call(settings: ProviderSettings, method: string, params: Record<string, string>): Promise<Record<string, unknown>> {
  const body = new URLSearchParams({ userName: settings.username ?? '', password: settings.secret, ...params });
  const res = await fetch(`${settings.gatewayUrl}/payment/rest/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`vpos ${method}: HTTP ${res.status}`);
  const json = (await res.json()) as Record<string, unknown>;
  const code = json.errorCode === undefined ? '0' : String(json.errorCode);
  if (code !== '0') throw new VposError(code, String(json.errorMessage ?? ''));
  return json;
}

export class VposError extends Error {
  constructor(readonly code: string, message: string) {
    super(`vpos error ${code}: ${message}`);
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function readCallback(settings: ProviderSettings, f: Record<string, string>): CallbackReading {
  const { mdOrder, orderNumber, operation, status, checksum } = f;
  if (!mdOrder || !orderNumber || !operation || !status || !checksum) return { kind: 'malformed' };
  if (!sameText(vposChecksum(f, settings.secret), checksum.toUpperCase())) return { kind: 'forged' };
  if (operation !== 'deposited' || status !== '1') return { kind: 'declined', billNo: orderNumber, providerOrderId: mdOrder };
  const amount = fromMinor(f.amount);
  if (amount === null) return { kind: 'malformed' };
  return { kind: 'paid', payment: { billNo: orderNumber, providerOrderId: mdOrder, txnId: mdOrder, amount, paidOn: dayOf(undefined) } };
}

export const vposGateway: PaymentGateway = {
  name: 'vpos',
  // The callback address is kept per merchant by the gateway (set up with the bank), as with Idram.
  async begin(settings, intent, urls) {
    const answer = await call(settings, 'register.do', {
      orderNumber: intent.billNo,
      amount: String(toMinor(intent.amount)),
      currency: VPOS_CURRENCY_AMD,
      returnUrl: urls.returnUrl,
      failUrl: urls.failUrl,
      description: intent.description,
      language: intent.locale,
    });
    const orderId = typeof answer.orderId === 'string' ? answer.orderId : '';
    const formUrl = typeof answer.formUrl === 'string' ? answer.formUrl : '';
    if (!orderId || !formUrl.startsWith(settings.gatewayUrl)) throw new Error('vpos register.do: no order id or a payment page elsewhere');
    return { providerOrderId: orderId, redirect: { method: 'GET', url: formUrl } };
  },
  readCallback,
  async status(settings, intent) {
    if (!intent.providerOrderId) return { state: 'unknown' };
    let answer: Record<string, unknown>;
    try {
      answer = await call(settings, 'getOrderStatusExtended.do', { orderId: intent.providerOrderId });
    } catch (error) {
      // 6: the gateway does not know the order.
      if (error instanceof VposError && error.code === '6') return { state: 'unknown' };
      throw error;
    }
    const status = Number(answer.orderStatus);
    if (status === PAID) {
      const amount = fromMinor(answer.amount);
      if (amount === null || String(answer.currency ?? VPOS_CURRENCY_AMD) !== VPOS_CURRENCY_AMD) throw new Error('vpos status: amount or currency not readable');
      const at = typeof answer.authDateTime === 'number' ? new Date(answer.authDateTime).toISOString() : undefined;
      return { state: 'paid', payment: { billNo: String(answer.orderNumber ?? intent.billNo), providerOrderId: intent.providerOrderId, txnId: intent.providerOrderId, amount, paidOn: dayOf(at) } };
    }
    if (DECLINED.has(status)) return { state: 'declined' };
    return { state: 'pending' };
  },
};
