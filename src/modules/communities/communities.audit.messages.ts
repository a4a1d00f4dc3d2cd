// How people read the communities module's audit events.
import { defineMessages } from '../../platform/i18n/define.ts';

export const communitiesAuditMessages = defineMessages({
  hy: {
    'audit.action.community.create': 'Համայնք ստեղծվեց',
    'audit.action.community.update': 'Համայնքի տվյալները փոխվեցին',
    'audit.action.settlement.create': 'Բնակավայր ավելացվեց',
    'audit.subject.community': 'Համայնք',
    'audit.subject.settlement': 'Բնակավայր',
  },
  en: {
    'audit.action.community.create': 'Community created',
    'audit.action.community.update': 'Community details changed',
    'audit.action.settlement.create': 'Settlement added',
    'audit.subject.community': 'Community',
    'audit.subject.settlement': 'Settlement',
  },
  ru: {
    'audit.action.community.create': 'Создана община',
    'audit.action.community.update': 'Изменены данные общины',
    'audit.action.settlement.create': 'Добавлен населённый пункт',
    'audit.subject.community': 'Община',
    'audit.subject.settlement': 'Населённый пункт',
  },
});
