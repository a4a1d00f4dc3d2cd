// Accounts: sign-in (password, TOTP), registration, password reset, "my account",
// language switch, /api/v1/me and the operator's account commands. Accounts are
// national; the mechanisms live in platform/auth, the screens and use-cases here.
import type { ModuleManifest } from '../../platform/module/contract.ts';
import { signinRoutes } from './signin.routes.ts';
import { registerRoutes } from './register.routes.ts';
import { passwordRoutes } from './password.routes.ts';
import { accountRoutes } from './account.routes.ts';
import { langRoutes } from './lang.routes.ts';
import { meRoutes } from './me.routes.ts';
import { accountsCli } from './accounts.cli.ts';
import { accountsMessages } from './accounts.messages.ts';
import { accountsAuditMessages } from './accounts.audit.messages.ts';
import { auditEventTypes, auditSubjects } from '../../platform/audit/audit-names.ts';

export { createTokenForEmail, createUser, loadMe, CliError } from './accounts.service.ts';

export const accountsModule: ModuleManifest = {
  name: 'accounts',
  messages: [accountsMessages, accountsAuditMessages],
  auditEvents: auditEventTypes(accountsAuditMessages),
  auditSubjects: auditSubjects(accountsAuditMessages),
  routes: [...signinRoutes, ...registerRoutes, ...passwordRoutes, ...accountRoutes, ...langRoutes, ...meRoutes],
  cli: accountsCli,
};
