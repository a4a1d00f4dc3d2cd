// `mmis tax assess --community <slug> --year YYYY [--recalculate]`: runs the annual
// assessment (or a recalculation, whose differences wait for approval on the staff page)
// with a progress bar, and prints a summary. Exit 0: done; 2: bad arguments.
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import type { Services } from '../../../platform/module/contract.ts';
import { cliActor, consoleOutput, type CliOutput } from '../../../platform/cli/cli-support.ts';
import { TenantDb, unscoped } from '../../../platform/db/tenant.ts';
import { createRun, executeRun } from './runs.ts';

export interface AssessFlags {
  community?: string;
  year?: string;
  recalculate?: boolean;
}

export async function runAssessCommand(services: Services, flags: AssessFlags, io: CliOutput = consoleOutput, progress = false): Promise<number> {
  const year = Number(flags.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    io.err('--year YYYY is required (2000–2100)');
    return 2;
  }
  const community = await unscoped(services.db.kysely, 'find the community named on the command line')
    .selectFrom('communities').select('id').where('slug', '=', flags.community ?? '').executeTakeFirst();
  if (!community) {
    io.err(`unknown community "${flags.community ?? ''}"`);
    return 2;
  }
  const actor = cliActor();
  const kind = flags.recalculate ? 'recalculation' : 'assessment';
  const runId = await createRun(new TenantDb(services.db.kysely, community.id), actor, { year, kind });
  const bar = progress ? new cliProgress.SingleBar({ stream: process.stderr, format: '{bar} {percentage}% {value}/{total} objects' }, cliProgress.Presets.shades_classic) : null;
  try {
    const run = await executeRun(services.db.kysely, community.id, runId, actor, (done, total) => (done === 0 || !bar?.getTotal() ? bar?.start(total, done) : bar.update(done)));
    bar?.stop();
    if (kind === 'assessment') {
      io.out(`assessment ${year} (run ${run.id}, register as of ${run.as_of}): ${run.objects} objects, ${run.lines_created} new lines, ${run.obligations_created} obligations, ${run.amount} AMD accrued; ${run.exempt} exempt or not chargeable, ${run.unchanged} unchanged, ${run.changed} changed since assessed (run a recalculation)`);
    } else {
      io.out(`recalculation ${year} (run ${run.id}): ${run.differences} differences, net ${run.amount} AMD, ${run.unchanged} unchanged; approve them on the staff page Finance → Assessment`);
    }
    return 0;
  } catch (e) {
    bar?.stop();
    throw e;
  }
}

export function registerAssessCommand(program: Command, open: () => Promise<Services>): void {
  const tax = program.commands.find((c) => c.name() === 'tax') ?? program.command('tax').description('local taxes: assessment and notices');
  tax.command('assess')
    .description('assess the real estate and land tax of a year from the property register')
    .requiredOption('--community <slug>', 'the community')
    .requiredOption('--year <YYYY>', 'the tax year')
    .option('--recalculate', 'compare with the lines already assessed and list the differences for approval')
    .action(async (flags: AssessFlags) => {
      process.exitCode = await runAssessCommand(await open(), flags, consoleOutput, process.stderr.isTTY === true);
    });
}
