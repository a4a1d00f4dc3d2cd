// `mmis services install --community <slug> [--template <code>]…`: creates a community's
// service catalogue from the shipped templates (all, or the ones named). Running it again
// installs only what is missing. Exit 0: done; 2: unknown community or template.
import type { Command } from 'commander';
import type { Services } from '../../../platform/module/contract.ts';
import { unscoped } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { cliActor, consoleOutput, type CliOutput } from '../../../platform/cli/cli-support.ts';
import { installTemplates, SERVICE_TEMPLATES } from './catalogue.ts';

export interface InstallFlags {
  community?: string;
  template?: string[];
}

export async function runServicesInstall(services: Services, flags: InstallFlags, io: CliOutput = consoleOutput): Promise<number> {
  if (!flags.community) {
    io.err('--community <slug> is required');
    return 2;
  }
  const db = services.db.kysely;
  const community = await unscoped(db, 'find the community named on the command line')
    .selectFrom('communities').select(['id', 'slug']).where('slug', '=', flags.community).executeTakeFirst();
  if (!community) {
    io.err(`unknown community "${flags.community}"`);
    return 2;
  }
  const unknown = (flags.template ?? []).filter((c) => !SERVICE_TEMPLATES.some((t) => t.code === c));
  if (unknown.length) {
    io.err(`unknown template(s): ${unknown.join(', ')}; known: ${SERVICE_TEMPLATES.map((t) => t.code).join(', ')}`);
    return 2;
  }
  try {
    const codes = flags.template?.length ? flags.template : undefined;
    const installed = await db.transaction().execute((tx) => installTemplates(tx, cliActor(), community.id, codes));
    const asked = codes?.length ?? SERVICE_TEMPLATES.length;
    io.out(`installed ${installed.length} service(s) in ${community.slug}; ${asked - installed.length} already there`);
    for (const code of installed) io.out(`  ${code}`);
    return 0;
  } catch (err) {
    if (err instanceof AppError && err.status === 400) {
      io.err(Object.values(err.fields).join(', ') || err.code);
      return 2;
    }
    throw err;
  }
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerServicesCommands(program: Command, open: () => Promise<Services>): void {
  const services = program.command('services').description('the service catalogue of a community');
  services
    .command('install')
    .description('create services from the shipped templates (only those not installed yet)')
    .option('--community <slug>', 'the community')
    .option('--template <code>', 'install only this template (repeatable)', collect)
    .action(async (flags: InstallFlags) => {
      process.exitCode = await runServicesInstall(await open(), flags);
    });
}
