// How people read the payments part's audit events and subjects.
import { defineMessages } from '../../../platform/i18n/define.ts';

export const financePaymentsAuditMessages = defineMessages({
  hy: {
    'audit.action.finance.payment.record': 'Գրանցվեց վճարում',
    'audit.action.finance.payment.refuse': 'Մերժվեց վճարային համակարգի հաղորդագրությունը',
    'audit.action.finance.payment_intent.create': 'Սկսվեց առցանց վճարում',
    'audit.action.finance.payment_intent.paid': 'Առցանց վճարումը հաստատվեց',
    'audit.action.finance.payment_intent.failed': 'Առցանց վճարումը չկատարվեց',
    'audit.action.finance.payment_intent.expired': 'Առցանց վճարման ժամկետն անցավ',
    'audit.action.finance.payment_settings.save': 'Փոխվեցին առցանց վճարման կարգավորումները',
    'audit.action.finance.representative.add': 'Կազմակերպության ներկայացուցիչ ավելացվեց',
    'audit.subject.fin_payment_intent': 'Առցանց վճարում',
    'audit.subject.fin_org_representative': 'Կազմակերպության ներկայացուցիչ',
    'audit.subject.fin_payment_provider': 'Վճարային համակարգի միացում',
  },
  en: {
    'audit.action.finance.payment.record': 'Payment recorded',
    'audit.action.finance.payment.refuse': 'Payment system message refused',
    'audit.action.finance.payment_intent.create': 'Online payment started',
    'audit.action.finance.payment_intent.paid': 'Online payment confirmed',
    'audit.action.finance.payment_intent.failed': 'Online payment failed',
    'audit.action.finance.payment_intent.expired': 'Online payment expired',
    'audit.action.finance.payment_settings.save': 'Online payment settings changed',
    'audit.action.finance.representative.add': 'Organization representative added',
    'audit.subject.fin_payment_intent': 'Online payment',
    'audit.subject.fin_org_representative': 'Organization representative',
    'audit.subject.fin_payment_provider': 'Payment system connection',
  },
  ru: {
    'audit.action.finance.payment.record': 'Записан платёж',
    'audit.action.finance.payment.refuse': 'Отклонено сообщение платёжной системы',
    'audit.action.finance.payment_intent.create': 'Начата онлайн-оплата',
    'audit.action.finance.payment_intent.paid': 'Онлайн-оплата подтверждена',
    'audit.action.finance.payment_intent.failed': 'Онлайн-оплата не прошла',
    'audit.action.finance.payment_intent.expired': 'Срок онлайн-оплаты истёк',
    'audit.action.finance.payment_settings.save': 'Изменены настройки онлайн-оплаты',
    'audit.action.finance.representative.add': 'Добавлен представитель организации',
    'audit.subject.fin_payment_intent': 'Онлайн-оплата',
    'audit.subject.fin_org_representative': 'Представитель организации',
    'audit.subject.fin_payment_provider': 'Подключение платёжной системы',
  },
});
