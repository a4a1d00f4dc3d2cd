// `mmis import <register> --community <slug> <file> [--report <path>]`: loads a register
// from a CSV or XLSX file. Prints "imported N, unchanged M, rejected K" and the report's
// path. Exit 0: nothing rejected; 3: some rows rejected; 2: the file cannot be used.
import fs from 'node:fs';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import type { Services } from '../../../platform/module/contract.ts';
import { cliActor, consoleOutput, type CliOutput } from '../../../platform/cli/cli-support.ts';
import { unscoped } from '../../../platform/db/tenant.ts';
import { translator } from '../../../platform/i18n/index.ts';
import { FileUnusable } from './read.ts';
import { runImport } from './pipeline.ts';
import { REGISTERS, type Register } from './types.ts';

export interface ImportFlags {
  community?: string;
  report?: string;
}

export async function runImportCommand(services: Services, register: string, file: string, flags: ImportFlags, io: CliOutput = consoleOutput, progress = false): Promise<number> {
  const t = translator('en');
  if (!(REGISTERS as readonly string[]).includes(register)) {
    io.err(`unknown register "${register}"; one of: ${REGISTERS.join(', ')}`);
    return 2;
  }
  if (!flags.community) {
    io.err('--community <slug> is required');
    return 2;
  }
  const community = await unscoped(services.db.kysely, 'find the community named on the command line')
    .selectFrom('communities').select('id').where('slug', '=', flags.community).executeTakeFirst();
  if (!community) {
    io.err(`unknown community "${flags.community}"`);
    return 2;
  }
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    io.err(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const bar = progress ? new cliProgress.SingleBar({ stream: process.stderr, format: '{bar} {percentage}% {value}/{total} rows' }, cliProgress.Presets.shades_classic) : null;
  try {
    const result = await runImport({
      db: services.db.kysely, communityId: community.id, actor: cliActor(), register: register as Register, file: buf, fileName: file,
      locale: 'en', filesDir: services.config.filesDir, reportPath: flags.report,
      onProgress: bar ? (done, total) => (done === 0 || !bar.getTotal() ? bar.start(total, done) : bar.update(done)) : undefined,
    });
    bar?.stop();
    io.out(`imported ${result.imported}, unchanged ${result.unchanged}, rejected ${result.rejected}`);
    if (result.reportPath) io.out(`report: ${result.reportPath}`);
    return result.rejected > 0 ? 3 : 0;
  } catch (e) {
    bar?.stop();
    if (e instanceof FileUnusable) {
      io.err(`${file}: ${t(e.messageKey, e.params)}`);
      return 2;
    }
    throw e;
  }
}

export function registerImportCommand(program: Command, open: () => Promise<Services>): void {
  program
    .command('import')
    .description(`load a register from a CSV or XLSX file (${REGISTERS.join(', ')}); templates in docs/import.md`)
    .argument('<register>', REGISTERS.join(' | '))
    .argument('<file>', 'CSV (UTF-8, comma or semicolon) or XLSX')
    .requiredOption('--community <slug>', 'the community to import into')
    .option('--report <path>', 'where to write the CSV of rejected rows')
    .action(async (register: string, file: string, flags: ImportFlags) => {
      process.exitCode = await runImportCommand(await open(), register, file, flags, consoleOutput, process.stderr.isTTY === true);
    });
}
