// A stand-in card vPOS for tests and the demo (the provider's side of vpos.ts), on loopback:
//   POST /payment/rest/register.do                 → { orderId, formUrl }
//   GET  /payment/merchants/pay?mdOrder=…           the payment page with Pay / Decline
//   POST /payment/merchants/decide                  → the signed callback to the merchant, then
//                                                     the browser to returnUrl / failUrl ?orderId=…
//   POST /payment/rest/getOrderStatusExtended.do    → { orderStatus, orderNumber, amount, currency, … }
// Amounts are minor units (1/100 dram), currency 051. Tests can lose the next callbacks.
import crypto from 'node:crypto';
import { VPOS_CURRENCY_AMD, vposChecksum } from './vpos.ts';
import { fieldsOf, listen, postCallback, redirect, sendJson, sendPayPage, sendText } from './standin-http.ts';

export interface VposMerchant {
  userName: string;
  password: string;
  /** Where the gateway notifies the merchant's server (kept per merchant, as the bank sets it up). */
  callbackUrl: string;
}

interface Order {
  orderId: string;
  userName: string;
  orderNumber: string;
  amount: number;
  description: string;
  returnUrl: string;
  failUrl: string;
  language: string;
  /** 0 registered, 2 deposited (paid), 6 declined. */
  status: 0 | 2 | 6;
  paidAt?: number;
}

export interface VposStandin {
  url: string;
  addMerchant(m: VposMerchant): void;
  loseCallbacks(count: number): void;
  /** The callback fields of an order as the gateway sent (or would send) them. */
  callbackOf(orderId: string): Record<string, string> | null;
  close(): Promise<void>;
}

export async function startVposStandin(opts: { port?: number; host?: string } = {}): Promise<VposStandin> {
  const merchants = new Map<string, VposMerchant>();
  const orders = new Map<string, Order>();
  let lose = 0;

  const authorized = (f: Record<string, string>) => {
    const m = merchants.get(f.userName ?? '');
    return m && m.password === f.password ? m : null;
  };
  const callbackOf = (orderId: string): Record<string, string> | null => {
    const o = orders.get(orderId);
    const m = o ? merchants.get(o.userName) : undefined;
    if (!o || !m || o.status === 0) return null;
    const fields = { mdOrder: o.orderId, orderNumber: o.orderNumber, operation: 'deposited', status: o.status === 2 ? '1' : '0', amount: String(o.amount) };
    return { ...fields, checksum: vposChecksum(fields, m.password) };
  };

  const server = await listen(async (req, body, res) => {
    const url = new URL(req.url ?? '/', 'http://standin');
    const f = req.method === 'POST' ? fieldsOf(req, body) : Object.fromEntries(url.searchParams);
    if (url.pathname === '/payment/rest/register.do' && req.method === 'POST') {
      const m = authorized(f);
      if (!m) return sendJson(res, 200, { errorCode: '5', errorMessage: 'Access denied' });
      const amount = Number(f.amount);
      if (!f.orderNumber || !Number.isSafeInteger(amount) || amount <= 0 || f.currency !== VPOS_CURRENCY_AMD || !f.returnUrl) {
        return sendJson(res, 200, { errorCode: '4', errorMessage: 'orderNumber, amount (minor units), currency 051 and returnUrl are required' });
      }
      if ([...orders.values()].some((o) => o.userName === m.userName && o.orderNumber === f.orderNumber)) {
        return sendJson(res, 200, { errorCode: '1', errorMessage: 'Order with this number was already processed' });
      }
      const orderId = crypto.randomUUID();
      orders.set(orderId, { orderId, userName: m.userName, orderNumber: f.orderNumber, amount, description: f.description ?? '', returnUrl: f.returnUrl, failUrl: f.failUrl || f.returnUrl, language: f.language ?? 'en', status: 0 });
      return sendJson(res, 200, { orderId, formUrl: `${server.url}/payment/merchants/pay?mdOrder=${orderId}` });
    }
    if (url.pathname === '/payment/merchants/pay' && req.method === 'GET') {
      const o = orders.get(f.mdOrder ?? '');
      if (!o || o.status !== 0) return sendText(res, 404, 'Unknown or finished order');
      return sendPayPage(res, { gateway: 'Card vPOS', merchant: o.userName, description: o.description, amountText: `${(o.amount / 100).toFixed(2)} AMD`, action: '/payment/merchants/decide', token: o.orderId });
    }
    if (url.pathname === '/payment/merchants/decide' && req.method === 'POST') {
      const o = orders.get(f.token ?? '');
      const m = o ? merchants.get(o.userName) : undefined;
      if (!o || !m) return sendText(res, 404, 'Unknown order');
      if (o.status === 0) {
        o.status = f.decision === 'pay' ? 2 : 6;
        if (o.status === 2) o.paidAt = Date.now();
        if (lose > 0) lose--;
        else await postCallback(m.callbackUrl, callbackOf(o.orderId)!);
      }
      const base = o.status === 2 ? o.returnUrl : o.failUrl;
      return redirect(res, `${base}${base.includes('?') ? '&' : '?'}orderId=${o.orderId}&lang=${encodeURIComponent(o.language)}`);
    }
    if (url.pathname === '/payment/rest/getOrderStatusExtended.do' && req.method === 'POST') {
      const m = authorized(f);
      if (!m) return sendJson(res, 200, { errorCode: '5', errorMessage: 'Access denied' });
      const o = orders.get(f.orderId ?? '');
      if (!o || o.userName !== m.userName) return sendJson(res, 200, { errorCode: '6', errorMessage: 'Unknown order' });
      return sendJson(res, 200, { errorCode: '0', orderStatus: o.status, orderNumber: o.orderNumber, amount: o.amount, currency: VPOS_CURRENCY_AMD, ...(o.paidAt ? { authDateTime: o.paidAt } : {}) });
    }
    return sendText(res, 404, 'not found');
  }, opts);

  return {
    url: server.url,
    addMerchant: (m) => void merchants.set(m.userName, m),
    loseCallbacks: (count) => void (lose = count),
    callbackOf,
    close: () => server.close(),
  };
}
