// How people read the staff and roles section's audit events.
import { defineMessages } from '../../platform/i18n/define.ts';

export const backofficeAuditMessages = defineMessages({
  hy: {
    'audit.action.staff.add': 'Աշխատակից ավելացվեց',
    'audit.action.role.grant': 'Դեր տրվեց',
    'audit.action.role.revoke': 'Դերը հանվեց',
  },
  en: {
    'audit.action.staff.add': 'Staff member added',
    'audit.action.role.grant': 'Role granted',
    'audit.action.role.revoke': 'Role revoked',
  },
  ru: {
    'audit.action.staff.add': 'Добавлен сотрудник',
    'audit.action.role.grant': 'Назначена роль',
    'audit.action.role.revoke': 'Роль снята',
  },
});
