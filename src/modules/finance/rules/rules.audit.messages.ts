// How people read the rules' audit events: a period added (and the one it closed), a row corrected.
import { defineMessages } from '../../../platform/i18n/define.ts';

export const financeRulesAuditMessages = defineMessages({
  hy: {
    'audit.action.finance.rule.period_added': 'Հարկային կանոնի նոր ժամանակահատված ավելացվեց',
    'audit.action.finance.rule.period_closed': 'Հարկային կանոնի ժամանակահատվածը փակվեց նորով',
    'audit.action.finance.rule.corrected': 'Հարկային կանոնն ուղղվեց',
    'audit.subject.fin_rule': 'Հարկային կանոն',
  },
  en: {
    'audit.action.finance.rule.period_added': 'Tax rule: a new validity period added',
    'audit.action.finance.rule.period_closed': 'Tax rule: a period closed by a new one',
    'audit.action.finance.rule.corrected': 'Tax rule corrected',
    'audit.subject.fin_rule': 'Tax rule',
  },
  ru: {
    'audit.action.finance.rule.period_added': 'Налоговое правило: добавлен новый период действия',
    'audit.action.finance.rule.period_closed': 'Налоговое правило: период закрыт новым',
    'audit.action.finance.rule.corrected': 'Налоговое правило исправлено',
    'audit.subject.fin_rule': 'Налоговое правило',
  },
});
