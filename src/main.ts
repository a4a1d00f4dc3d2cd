// The `mmis` command. Each sub-command lives in src/cli/ or in a module's manifest.
import { Command } from 'commander';
import { loadConfig, ConfigError } from './config.ts';
import { MODULES } from './modules/index.ts';
import { createServices } from './platform/http/services.ts';
import { type Services } from './platform/module/contract.ts';
import { registerCoreCommands } from './cli/core.ts';

const program = new Command('mmis')
  .description('Smart Municipality — municipal management information system')
  .showHelpAfterError();

/** Opens the configured database once per command; configuration errors end the process with a message. */
const opened: { services: Services | null } = { services: null };
async function open(opts: { demoDefault?: boolean } = {}): Promise<Services> {
  if (opened.services) return opened.services;
  try {
    opened.services = createServices(loadConfig(process.env, opts), MODULES);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  return opened.services;
}

registerCoreCommands(program, open);
for (const mod of MODULES) mod.cli?.(program, () => open());

try {
  await program.parseAsync(process.argv);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  // `start` keeps running; everything else closes the database when it returns.
  if (opened.services && program.args[0] !== 'start') await opened.services.close();
}
