// How people read the budget's audit events and their subject.
import { defineMessages } from '../../../platform/i18n/define.ts';

export const budgetAuditMessages = defineMessages({
  hy: {
    'audit.action.finance.budget.create': 'Բյուջեի նախագիծ ստեղծվեց',
    'audit.action.finance.budget.plan_import': 'Բյուջեի պլանը բեռնվեց ֆայլից',
    'audit.action.finance.budget.adopt': 'Բյուջեն հաստատվեց ավագանու որոշմամբ',
    'audit.action.finance.budget.amend': 'Բյուջեն փոփոխվեց ավագանու որոշմամբ',
    'audit.action.finance.budget.execution_import': 'Գանձապետարանի կատարման հաշվետվություն ներմուծվեց',
    'audit.subject.fin_budget': 'Համայնքի բյուջե',
  },
  en: {
    'audit.action.finance.budget.create': 'Draft budget created',
    'audit.action.finance.budget.plan_import': 'Budget plan loaded from a file',
    'audit.action.finance.budget.adopt': 'Budget adopted by council decision',
    'audit.action.finance.budget.amend': 'Budget amended by council decision',
    'audit.action.finance.budget.execution_import': 'Treasury execution report imported',
    'audit.subject.fin_budget': 'Community budget',
  },
  ru: {
    'audit.action.finance.budget.create': 'Создан проект бюджета',
    'audit.action.finance.budget.plan_import': 'План бюджета загружен из файла',
    'audit.action.finance.budget.adopt': 'Бюджет утверждён решением совета',
    'audit.action.finance.budget.amend': 'Бюджет изменён решением совета',
    'audit.action.finance.budget.execution_import': 'Импортирован отчёт казначейства об исполнении',
    'audit.subject.fin_budget': 'Бюджет общины',
  },
});
