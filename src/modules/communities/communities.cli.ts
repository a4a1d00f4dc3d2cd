// `mmis community create|list`: adding a community from the command line, for the
// national administrator's scripts. Validation errors are printed per field (exit 2).
import fs from 'node:fs';
import type { Command } from 'commander';
import type { Services } from '../../platform/module/contract.ts';
import { cliActor, consoleOutput, type CliOutput } from '../../platform/cli/cli-support.ts';
import { AppError, type FieldErrors } from '../../platform/http/errors.ts';
import { translator } from '../../platform/i18n/index.ts';
import { communityInput } from './communities.schemas.ts';
import { createCommunity } from './communities.service.ts';
import { communityFieldErrors, parseSettlementLine } from './communities.forms.ts';
import { listCommunitySlugs } from './communities.queries.ts';

export interface CreateFlags {
  slug?: string;
  marz?: string;
  nameHy?: string;
  nameEn?: string;
  nameRu?: string;
  settlement?: string[];
  domain?: string[];
  file?: string;
}

export type { CliOutput } from '../../platform/cli/cli-support.ts';

/** The raw input from --file or from the flags, before validation. */
function rawInput(flags: CreateFlags): { raw: unknown; errors: FieldErrors } {
  if (flags.file) {
    try {
      return { raw: JSON.parse(fs.readFileSync(flags.file, 'utf8')), errors: {} };
    } catch {
      return { raw: null, errors: { file: 'field.invalid' } };
    }
  }
  const lines = flags.settlement ?? [];
  const settlements = lines.map(parseSettlementLine);
  return {
    raw: {
      slug: flags.slug,
      marz_id: flags.marz,
      name_hy: flags.nameHy,
      name_en: flags.nameEn,
      name_ru: flags.nameRu,
      domains: flags.domain ?? [],
      settlements: settlements.filter((s) => s !== null),
    },
    errors: settlements.some((s) => s === null) ? { settlements: 'communities.error.settlementLine' } : {},
  };
}

/** Creates a community; returns the process exit code (0 done, 2 invalid input). */
export async function runCommunityCreate(services: Services, flags: CreateFlags, io: CliOutput = consoleOutput): Promise<number> {
  const t = translator('en');
  const { raw, errors } = rawInput(flags);
  const parsed = communityInput.safeParse(raw ?? {});
  const fields: FieldErrors = { ...(parsed.success ? {} : communityFieldErrors(parsed.error.issues)), ...errors };
  const report = (f: FieldErrors) => {
    for (const [name, key] of Object.entries(f)) io.err(`${name}: ${t(key)}`);
    return 2;
  };
  if (!parsed.success || Object.keys(fields).length > 0) return report(fields);
  try {
    const community = await createCommunity(services.db.kysely, cliActor(), parsed.data);
    await services.domains.refresh();
    io.out(`${services.config.publicUrl.replace(/\/$/, '')}/${community.slug}`);
    return 0;
  } catch (err) {
    if (err instanceof AppError && Object.keys(err.fields).length > 0) return report(err.fields);
    throw err;
  }
}

export async function runCommunityList(services: Services, io: CliOutput = consoleOutput): Promise<number> {
  const rows = await listCommunitySlugs(services.db.kysely);
  const base = services.config.publicUrl.replace(/\/$/, '');
  for (const r of rows) io.out(`${r.slug.padEnd(24)} ${r.marz_id.padEnd(14)} ${r.name_en.padEnd(24)} ${base}/${r.slug}`);
  if (rows.length === 0) io.out('no communities yet');
  return 0;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerCommunityCommands(program: Command, open: () => Promise<Services>): void {
  const community = program.command('community').description('communities (tenants): create and list');
  community
    .command('create')
    .description('add a community; settlements as "name_hy;name_en;name_ru;town|village;postcode" (the first is the centre)')
    .option('--slug <slug>', 'the address: lower-case Latin letters, digits and hyphens')
    .option('--marz <id>', 'the marz id, e.g. syunik, vayots-dzor')
    .option('--name-hy <name>', 'name in Armenian')
    .option('--name-en <name>', 'name in English')
    .option('--name-ru <name>', 'name in Russian')
    .option('--settlement <line>', 'a settlement (repeat for each)', collect)
    .option('--domain <host>', 'the community\'s own domain (repeatable)', collect)
    .option('--file <json>', 'a JSON file with the whole community instead of the flags')
    .action(async (flags: CreateFlags) => {
      process.exitCode = await runCommunityCreate(await open(), flags);
    });
  community
    .command('list')
    .description('every community with its address')
    .action(async () => {
      process.exitCode = await runCommunityList(await open());
    });
}
