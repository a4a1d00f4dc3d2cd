// `mmis audit verify`: exit code 0 when every chain is intact, 1 otherwise (for cron and monitoring).
import type { Command } from 'commander';
import type { Services } from '../module/contract.ts';
import { formatVerifyResult, verifyAuditChains } from './verify.ts';

export function registerAuditCommands(program: Command, open: () => Promise<Services>): void {
  const audit = program.command('audit').description('the hash-chained audit log');
  audit
    .command('verify')
    .description('check every audit chain for edited, removed or reordered events')
    .option('--heads', 'also print the last seq and hash of every chain (keep them outside the database to detect a rewritten chain)')
    .action(async (opts: { heads?: boolean }) => {
      const services = await open();
      const result = await verifyAuditChains(services.db.kysely);
      const text = formatVerifyResult(result);
      if (result.ok) console.log(text);
      else console.error(text);
      if (opts.heads) for (const h of result.heads) console.log(`${h.chain}\t${h.seq}\t${h.hash}`);
      process.exitCode = result.ok ? 0 : 1;
    });
}
