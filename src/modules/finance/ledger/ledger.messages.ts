// The ledger's errors, as the API and the forms show them.
import { defineMessages } from '../../../platform/i18n/define.ts';

export const financeLedgerMessages = defineMessages({
  hy: {
    'finance.ledger.error.paymentWithoutPayer': 'Վճարումը դեռ կապված չէ վճարողի հետ. նախ նշեք վճարողին',
    'finance.ledger.error.notThePayers': 'Նշված պարտավորություններից մեկը այս վճարողինը չէ կամ չեղարկված է',
  },
  en: {
    'finance.ledger.error.paymentWithoutPayer': 'The payment is not matched to a payer yet: match it to a payer first',
    'finance.ledger.error.notThePayers': 'One of the obligations named is not this payer\'s or is cancelled',
  },
  ru: {
    'finance.ledger.error.paymentWithoutPayer': 'Платёж ещё не сопоставлен с плательщиком: сначала укажите плательщика',
    'finance.ledger.error.notThePayers': 'Одно из указанных обязательств не принадлежит этому плательщику или отменено',
  },
});
