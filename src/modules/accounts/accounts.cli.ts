// `mmis token create` and `mmis user create`: what an operator needs before anyone can
// sign in (the first administrator) and for integrations (API tokens).
import type { Command } from 'commander';
import type { Services } from '../../platform/module/contract.ts';
import { createTokenForEmail, createUser } from './accounts.service.ts';

export function accountsCli(program: Command, open: () => Promise<Services>): void {
  const token = program.command('token').description('API tokens');
  token
    .command('create')
    .description('create an API token for a staff account and print it (only its sha256 is stored)')
    .requiredOption('--user <email>', 'e-mail address of the staff account')
    .option('--name <name>', 'what the token is for', 'cli')
    .action(async (opts: { user: string; name: string }) => {
      console.log(await createTokenForEmail(await open(), opts.user, opts.name));
    });

  const user = program.command('user').description('accounts');
  user
    .command('create')
    .description('create a staff account, e.g. the first national system administrator')
    .requiredOption('--email <email>', 'e-mail address (the sign-in name)')
    .requiredOption('--name <name>', 'full name')
    .option('--password <password>', 'password (at least 10 characters); generated and printed when left out')
    .option('--national-role <role>', 'national role to grant: system_admin or ministry_analyst')
    .action(async (opts: { email: string; name: string; password?: string; nationalRole?: string }) => {
      const made = await createUser(await open(), opts);
      console.log(`created account ${made.userId} for ${opts.email.trim().toLowerCase()}`);
      if (made.generated) console.log(`password: ${made.password}`);
    });
}
