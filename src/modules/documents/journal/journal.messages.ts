// The journal part's words: resolution errors and the notices of execution control.
import { defineMessages } from '../../../platform/i18n/define.ts';

export const journalMessages = defineMessages({
  hy: {
    'documents.resolution.error.state': 'Ցուցումն այս վիճակում այդ քայլը չի թույլատրում. թարմացրեք էջը',
    'documents.resolution.error.not_executor': 'Դուք այս ցուցման կատարողը չեք',
    'documents.resolution.error.not_resolver': 'Միայն ցուցումը տվողը կարող է դա անել',
    'documents.resolution.error.executors': 'Նշեք կատարողներին (առանց կրկնության) և մեկ պատասխանատու',
    'documents.resolution.error.deadline': 'Ժամկետը պետք է լինի աշխատանքային օր՝ ներկայից ուշ',
    'documents.resolution.error.not_found': 'Փաստաթուղթը կամ ցուցումը չի գտնվել',
    'documents.notice.reminder': '{number} փաստաթղթի ցուցման ժամկետը լրանում է {due}',
    'documents.notice.escalated': '{number} փաստաթղթի ցուցման ժամկետը ({due}) անցել է',
  },
  en: {
    'documents.resolution.error.state': 'The resolution’s state does not allow this step; reload the page',
    'documents.resolution.error.not_executor': 'You are not an executor of this resolution',
    'documents.resolution.error.not_resolver': 'Only the person who issued the resolution can do this',
    'documents.resolution.error.executors': 'Name the executors (each once) and exactly one responsible',
    'documents.resolution.error.deadline': 'The deadline must be a working day later than the current one',
    'documents.resolution.error.not_found': 'Document or resolution not found',
    'documents.notice.reminder': 'The resolution on document {number} is due on {due}',
    'documents.notice.escalated': 'The resolution on document {number} is overdue (due {due})',
  },
  ru: {
    'documents.resolution.error.state': 'Состояние резолюции не допускает этот шаг; обновите страницу',
    'documents.resolution.error.not_executor': 'Вы не исполнитель этой резолюции',
    'documents.resolution.error.not_resolver': 'Это может сделать только автор резолюции',
    'documents.resolution.error.executors': 'Укажите исполнителей (каждого один раз) и одного ответственного',
    'documents.resolution.error.deadline': 'Срок должен быть рабочим днём позже текущего',
    'documents.resolution.error.not_found': 'Документ или резолюция не найдены',
    'documents.notice.reminder': 'Срок резолюции по документу {number} истекает {due}',
    'documents.notice.escalated': 'Резолюция по документу {number} просрочена (срок {due})',
  },
});
