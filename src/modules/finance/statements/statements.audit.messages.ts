// How people read the statements' audit events and subjects.
import { defineMessages } from '../../../platform/i18n/define.ts';

export const statementAuditMessages = defineMessages({
  hy: {
    'audit.action.finance.statement.import': 'Բանկային քաղվածք ներմուծվեց',
    'audit.action.finance.statement.match': 'Քաղվածքի տողը ձեռքով համապատասխանեցվեց վճարողին',
    'audit.action.finance.statement.ignore': 'Քաղվածքի տողը մի կողմ դրվեց',
    'audit.subject.statement_import': 'Քաղվածքի ներմուծում',
    'audit.subject.statement_line': 'Քաղվածքի տող',
  },
  en: {
    'audit.action.finance.statement.import': 'Bank statement imported',
    'audit.action.finance.statement.match': 'Statement line matched to a payer by hand',
    'audit.action.finance.statement.ignore': 'Statement line set aside',
    'audit.subject.statement_import': 'Statement import',
    'audit.subject.statement_line': 'Statement line',
  },
  ru: {
    'audit.action.finance.statement.import': 'Импортирована банковская выписка',
    'audit.action.finance.statement.match': 'Строка выписки вручную сопоставлена плательщику',
    'audit.action.finance.statement.ignore': 'Строка выписки отложена',
    'audit.subject.statement_import': 'Импорт выписки',
    'audit.subject.statement_line': 'Строка выписки',
  },
});
