// A stand-in Idram for tests and the demo (the provider's side of idram.ts), on loopback:
//   POST /Payment/GetPayment  the payer's form → precheck to the merchant's result address
//                             (it must answer OK) → the payment page with Pay / Decline
//   POST /Payment/Decide      Pay: the signed confirmation to the result address, then the
//                             browser to the success address; Decline: to the fail address
//   POST /Payment/BillStatus  { EDP_REC_ACCOUNT, EDP_BILL_NO, EDP_CHECKSUM } → { status, … }
// Tests can lose the next confirmations (to exercise reconciliation) and replay one.
import crypto from 'node:crypto';
import { idramChecksum, idramStatusChecksum } from './idram.ts';
import { fieldsOf, listen, postCallback, redirect, sendJson, sendPayPage, sendText } from './standin-http.ts';

export interface IdramMerchant {
  recAccount: string;
  secret: string;
  resultUrl: string;
  successUrl: string;
  failUrl: string;
}

interface Bill {
  recAccount: string;
  billNo: string;
  amount: string;
  description: string;
  state: 'open' | 'paid' | 'declined';
  transId?: string;
  transDate?: string;
  payerAccount?: string;
}

export interface IdramStandin {
  url: string;
  addMerchant(m: IdramMerchant): void;
  /** The next `count` confirmations are not sent (the payment still happens at "Idram"). */
  loseCallbacks(count: number): void;
  /** The confirmation fields of a paid bill, as Idram would send them again. */
  confirmationOf(recAccount: string, billNo: string): Record<string, string> | null;
  /** Sends a paid bill's confirmation again (Idram retries when it gets no OK). */
  resend(recAccount: string, billNo: string): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

const pad = (n: number) => String(n).padStart(2, '0');
function idramDate(d: Date): string {
  const y = new Date(d.getTime() + 4 * 3600_000); // Yerevan, UTC+4
  return `${pad(y.getUTCDate())}/${pad(y.getUTCMonth() + 1)}/${y.getUTCFullYear()} ${pad(y.getUTCHours())}:${pad(y.getUTCMinutes())}:${pad(y.getUTCSeconds())}`;
}

export async function startIdramStandin(opts: { port?: number; host?: string } = {}): Promise<IdramStandin> {
  const merchants = new Map<string, IdramMerchant>();
  const bills = new Map<string, Bill>();
  const tokens = new Map<string, string>();
  let lose = 0;
  const key = (recAccount: string, billNo: string) => `${recAccount}\u0000${billNo}`;

  const confirmationOf = (recAccount: string, billNo: string): Record<string, string> | null => {
    const bill = bills.get(key(recAccount, billNo));
    const m = merchants.get(recAccount);
    if (!bill || bill.state !== 'paid' || !m) return null;
    const f = { EDP_BILL_NO: bill.billNo, EDP_REC_ACCOUNT: recAccount, EDP_PAYER_ACCOUNT: bill.payerAccount!, EDP_AMOUNT: bill.amount, EDP_TRANS_ID: bill.transId!, EDP_TRANS_DATE: bill.transDate! };
    return { ...f, EDP_CHECKSUM: idramChecksum({ recAccount, amount: bill.amount, secret: m.secret, billNo: bill.billNo, payerAccount: f.EDP_PAYER_ACCOUNT, transId: f.EDP_TRANS_ID, transDate: f.EDP_TRANS_DATE }) };
  };

  const server = await listen(async (req, body, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'POST') return sendText(res, 404, 'not found');
    const f = fieldsOf(req, body);
    if (path === '/Payment/GetPayment') {
      const m = merchants.get(f.EDP_REC_ACCOUNT ?? '');
      if (!m || !f.EDP_BILL_NO || !/^\d+(\.\d{1,2})?$/.test(f.EDP_AMOUNT ?? '')) return sendText(res, 400, 'Unknown merchant or a bad bill');
      const bill: Bill = { recAccount: m.recAccount, billNo: f.EDP_BILL_NO, amount: f.EDP_AMOUNT!, description: f.EDP_DESCRIPTION ?? '', state: 'open' };
      const pre = await postCallback(m.resultUrl, { EDP_PRECHECK: 'YES', EDP_BILL_NO: bill.billNo, EDP_REC_ACCOUNT: m.recAccount, EDP_AMOUNT: bill.amount });
      if (pre.text !== 'OK') return sendText(res, 409, `The merchant refused the bill (${pre.status} ${pre.text})`);
      const previous = bills.get(key(m.recAccount, bill.billNo));
      if (!previous || previous.state === 'open') bills.set(key(m.recAccount, bill.billNo), bill);
      const token = crypto.randomBytes(12).toString('hex');
      tokens.set(token, key(m.recAccount, bill.billNo));
      return sendPayPage(res, { gateway: 'Idram', merchant: m.recAccount, description: bill.description, amountText: `${bill.amount} AMD`, action: '/Payment/Decide', token });
    }
    if (path === '/Payment/Decide') {
      const k = tokens.get(f.token ?? '');
      const bill = k ? bills.get(k) : undefined;
      const m = bill ? merchants.get(bill.recAccount) : undefined;
      if (!bill || !m) return sendText(res, 404, 'Unknown payment');
      tokens.delete(f.token!);
      const back = (base: string) => `${base}${base.includes('?') ? '&' : '?'}EDP_BILL_NO=${encodeURIComponent(bill.billNo)}`;
      if (f.decision !== 'pay') {
        if (bill.state === 'open') bill.state = 'declined';
        return redirect(res, back(m.failUrl));
      }
      if (bill.state === 'open') {
        Object.assign(bill, { state: 'paid', transId: String(Date.now()) + crypto.randomInt(1000, 9999), transDate: idramDate(new Date()), payerAccount: `1${crypto.randomInt(10_000_000, 99_999_999)}` });
        if (lose > 0) lose--;
        else await postCallback(m.resultUrl, confirmationOf(m.recAccount, bill.billNo)!);
      }
      return redirect(res, back(bill.state === 'paid' ? m.successUrl : m.failUrl));
    }
    if (path === '/Payment/BillStatus') {
      const m = merchants.get(f.EDP_REC_ACCOUNT ?? '');
      if (!m || f.EDP_CHECKSUM !== idramStatusChecksum(m.recAccount, f.EDP_BILL_NO ?? '', m.secret)) return sendJson(res, 403, { error: 'bad checksum' });
      const bill = bills.get(key(m.recAccount, f.EDP_BILL_NO!));
      if (!bill) return sendJson(res, 200, { status: 'unknown' });
      if (bill.state !== 'paid') return sendJson(res, 200, { status: bill.state === 'open' ? 'pending' : 'declined' });
      return sendJson(res, 200, { status: 'paid', EDP_AMOUNT: bill.amount, EDP_TRANS_ID: bill.transId, EDP_TRANS_DATE: bill.transDate });
    }
    return sendText(res, 404, 'not found');
  }, opts);

  return {
    url: server.url,
    addMerchant: (m) => void merchants.set(m.recAccount, m),
    loseCallbacks: (count) => void (lose = count),
    confirmationOf,
    async resend(recAccount, billNo) {
      const f = confirmationOf(recAccount, billNo);
      const m = merchants.get(recAccount);
      if (!f || !m) return { status: 0, text: 'no such paid bill' };
      return postCallback(m.resultUrl, f);
    },
    close: () => server.close(),
  };
}
