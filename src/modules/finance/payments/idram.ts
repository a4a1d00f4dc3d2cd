// The Idram merchant protocol (DOMAIN-finance.md §6, read from the merchant documentation):
// the payer's browser posts a form to GetPayment; Idram's server then posts to our result
// address twice — a precheck (is this bill yours, for this amount? answer OK) and the
// confirmation with EDP_CHECKSUM = uppercase MD5 of
// REC_ACCOUNT:AMOUNT:SECRET_KEY:BILL_NO:PAYER_ACCOUNT:TRANS_ID:TRANS_DATE, answered OK.
// Idram's documentation shows no status API; the reconciliation query used here
// (POST /Payment/BillStatus, signed the same way) is the stand-in's and is marked
// unverified in docs/finance-payments.md, to be replaced by what Idram offers the merchant.
import crypto from 'node:crypto';
import { dayOf, dramsOf, postJson, type CallbackReading, type PaymentGateway, type ProviderSettings } from './provider.ts';

const LANG = { hy: 'AM', en: 'EN', ru: 'RU' } as const;

export function idramChecksum(f: { recAccount: string; amount: string; secret: string; billNo: string; payerAccount: string; transId: string; transDate: string }): string {
  const text = [f.recAccount, f.amount, f.secret, f.billNo, f.payerAccount, f.transId, f.transDate].join(':');
  return crypto.createHash('md5').update(text, 'utf8').digest('hex').toUpperCase();
}

/** The status query's signature: MD5(REC_ACCOUNT:BILL_NO:SECRET_KEY), uppercase. */
export function idramStatusChecksum(recAccount: string, billNo: string, secret: string): string {
  return crypto.createHash('md5').update(`${recAccount}:${billNo}:${secret}`, 'utf8').digest('hex').toUpperCase();
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function readCallback(settings: ProviderSettings, f: Record<string, string>): CallbackReading {
  const billNo = f.EDP_BILL_NO?.trim();
  const amount = dramsOf(f.EDP_AMOUNT);
  if (!billNo || amount === null || !f.EDP_REC_ACCOUNT) return { kind: 'malformed' };
  // Another merchant's message is not ours to believe, whatever it says.
  if (f.EDP_REC_ACCOUNT !== settings.merchantId) return { kind: 'forged' };
  if (f.EDP_PRECHECK === 'YES') return { kind: 'precheck', billNo, amount };
  const { EDP_PAYER_ACCOUNT: payerAccount, EDP_TRANS_ID: transId, EDP_TRANS_DATE: transDate, EDP_CHECKSUM: checksum } = f;
  if (!payerAccount || !transId || !transDate || !checksum) return { kind: 'malformed' };
  const expected = idramChecksum({ recAccount: f.EDP_REC_ACCOUNT, amount: f.EDP_AMOUNT!, secret: settings.secret, billNo, payerAccount, transId, transDate });
  if (!sameText(expected, checksum.toUpperCase())) return { kind: 'forged' };
  return { kind: 'paid', payment: { billNo, providerOrderId: null, txnId: transId, amount, paidOn: dayOf(idramInstant(transDate)) } };
}

/** Idram writes dates as "dd/mm/yyyy hh:mm:ss" (Yerevan time); anything else is taken as ISO. */
function idramInstant(date: string): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(date.trim());
  if (!m) return date;
  return `${m[3]}-${m[2]}-${m[1]}T${m[4] ?? '12'}:${m[5] ?? '00'}:${m[6] ?? '00'}+04:00`;
}

export const idramGateway: PaymentGateway = {
  name: 'idram',
  async begin(settings, intent, urls) {
    // Idram has the success, fail and result addresses on file per merchant; the form names the bill.
    void urls;
    return {
      providerOrderId: null,
      redirect: {
        method: 'POST',
        url: `${settings.gatewayUrl}/Payment/GetPayment`,
        fields: {
          EDP_LANGUAGE: LANG[intent.locale],
          EDP_REC_ACCOUNT: settings.merchantId,
          EDP_DESCRIPTION: intent.description,
          EDP_AMOUNT: String(intent.amount),
          EDP_BILL_NO: intent.billNo,
        },
      },
    };
  },
  readCallback,
  async status(settings, intent) {
    const answer = await postJson(`${settings.gatewayUrl}/Payment/BillStatus`, {
      EDP_REC_ACCOUNT: settings.merchantId,
      EDP_BILL_NO: intent.billNo,
      EDP_CHECKSUM: idramStatusChecksum(settings.merchantId, intent.billNo, settings.secret),
    });
    const state = answer.status;
    if (state === 'paid') {
      const amount = dramsOf(String(answer.EDP_AMOUNT ?? ''));
      const txnId = String(answer.EDP_TRANS_ID ?? '');
      if (amount === null || !txnId) throw new Error('idram status: a paid bill without amount or transaction id');
      return { state: 'paid', payment: { billNo: intent.billNo, providerOrderId: null, txnId, amount, paidOn: dayOf(idramInstant(String(answer.EDP_TRANS_DATE ?? ''))) } };
    }
    if (state === 'declined') return { state: 'declined' };
    if (state === 'pending') return { state: 'pending' };
    return { state: 'unknown' };
  },
};
