// Accounts: sign-in (password, TOTP), registration, password reset, "my account",
// language switch, /api/v1/me and the operator's account commands. Accounts are
// national; the mechanisms live in platform/auth, the screens and use-cases here.
import type { ModuleManifest } from '../../platform/http/module.ts';
import { accountsRoutes } from './accounts.routes.ts';
import { accountsCli } from './accounts.cli.ts';

export { createTokenForEmail, createUser, loadMe, CliError } from './accounts.service.ts';

export const accountsModule: ModuleManifest = {
  name: 'accounts',
  routes: [...accountsRoutes],
  cli: accountsCli,
};
