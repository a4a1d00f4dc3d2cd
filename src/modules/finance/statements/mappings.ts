// How each source's statement file is read: which column holds what, and how its dates
// and numbers are written. No national format for bank or Treasury statements was found
// (DOMAIN-finance.md §6, [U]), so these layouts are ours: docs/finance-statements.md
// describes each one so that an export can be prepared for it, and they are data here,
// not code, so another bank is one more entry. Header names are compared trimmed,
// case-folded and with runs of spaces as one; each field lists the spellings it takes.
import type { MessageKey } from '../../../platform/i18n/index.ts';
import type { PaymentChannel } from '../ledger/ledger.table.ts';

export const SOURCES = ['treasury', 'bank_hy', 'bank_ru'] as const;
export type StatementSource = (typeof SOURCES)[number];

/** The fields a statement line gives; the first three are required in every file. */
export const FIELDS = ['date', 'amount', 'txnId', 'payerName', 'payerId', 'purpose'] as const;
export type StatementField = (typeof FIELDS)[number];
export const REQUIRED_FIELDS: readonly StatementField[] = ['date', 'amount', 'txnId'];

export type DateFormat = 'DD.MM.YYYY' | 'YYYY-MM-DD' | 'DD/MM/YYYY';
export type Encoding = 'utf-8' | 'windows-1251';

export interface StatementMapping {
  source: StatementSource;
  label: MessageKey;
  /** The payment's channel in the ledger; the provider is the source's name. */
  channel: Extract<PaymentChannel, 'bank' | 'treasury'>;
  /** Header spellings per field (the first is the one the documentation shows). */
  columns: Record<StatementField, readonly string[]>;
  /** How a date cell is written; ISO (YYYY-MM-DD, an XLSX date cell) is always taken too. A time after the day is ignored. */
  dateFormat: DateFormat;
  /** The decimal separator of amounts; spaces, no-break spaces and apostrophes group thousands. */
  decimal: ',' | '.';
  /** CSV encodings tried in order (a UTF-8 byte-order mark is dropped); XLSX carries its own. */
  encodings: readonly Encoding[];
  /** Shipped without a bank's or the Treasury's published format to check against. */
  verification: 'to_check';
}

export const MAPPINGS: Record<StatementSource, StatementMapping> = {
  // A community's Treasury account statement as exported to a spreadsheet: credits to the
  // community's 900… accounts per revenue line, with the payment order's number as its id.
  treasury: {
    source: 'treasury',
    label: 'finance.statements.source.treasury',
    channel: 'treasury',
    columns: {
      date: ['Ամսաթիվ', 'Date'],
      amount: ['Գումար', 'Amount'],
      txnId: ['Վճարման հանձնարարագրի համար', 'Փաստաթղթի համար', 'Document number'],
      payerName: ['Վճարող', 'Payer'],
      payerId: ['Վճարողի ՀԾՀ/ՀՎՀՀ', 'ՀԾՀ/ՀՎՀՀ', 'Payer ID'],
      purpose: ['Վճարման նպատակ', 'Նպատակ', 'Purpose'],
    },
    dateFormat: 'DD.MM.YYYY',
    decimal: '.',
    encodings: ['utf-8'],
    verification: 'to_check',
  },
  // A bank's statement of the community's account with Armenian headers (client-bank export).
  bank_hy: {
    source: 'bank_hy',
    label: 'finance.statements.source.bank_hy',
    channel: 'bank',
    columns: {
      date: ['Արժեթարթ', 'Ամսաթիվ'],
      amount: ['Մուտք', 'Կրեդիտ'],
      txnId: ['Գործարքի համար', 'Գործարքի ID'],
      payerName: ['Վճարողի անուն', 'Վճարող'],
      payerId: ['Վճարողի ՀԾՀ/ՀՎՀՀ', 'ՀԾՀ/ՀՎՀՀ'],
      purpose: ['Վճարման նպատակ', 'Մանրամասներ'],
    },
    dateFormat: 'DD/MM/YYYY',
    decimal: ',',
    encodings: ['utf-8'],
    verification: 'to_check',
  },
  // A bank's statement with Russian headers, as older client-bank systems export it:
  // Windows-1251 when the file is not UTF-8 (Armenian letters cannot be in that encoding,
  // so such a file has payer names in Russian or Latin letters).
  bank_ru: {
    source: 'bank_ru',
    label: 'finance.statements.source.bank_ru',
    channel: 'bank',
    columns: {
      date: ['Дата', 'Дата валютирования'],
      amount: ['Кредит', 'Сумма'],
      txnId: ['Номер документа', 'ID транзакции'],
      payerName: ['Плательщик'],
      payerId: ['ИНН плательщика', 'Номер социальной карты плательщика'],
      purpose: ['Назначение платежа'],
    },
    dateFormat: 'DD.MM.YYYY',
    decimal: ',',
    encodings: ['utf-8', 'windows-1251'],
    verification: 'to_check',
  },
};

/** How file headers and mapping names are compared. */
export const normalizeHeader = (h: string) => h.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
