// A module built from sub-domains (finance: rules, ledger, assessment…) gives each its own
// `*.part.ts`; the module's index.ts merges them, so a sub-domain adds routes, tables, jobs
// or indicators without editing a shared list.
import type { ModuleManifest } from './contract.ts';
import type { MigrationSet } from '../db/migrations.ts';

/** What one sub-domain contributes; the same fields as a manifest, without the module's identity. */
export type ModulePart = Omit<ModuleManifest, 'name' | 'title' | 'provides'>;

type ListKey = { [K in keyof ModulePart]-?: NonNullable<ModulePart[K]> extends readonly unknown[] ? K : never }[keyof ModulePart];
const LIST_KEYS = [
  'messages', 'fileRefs', 'routes', 'permissions', 'nav', 'schedules', 'publications', 'indicators', 'search', 'worklist',
  'auditEvents', 'auditSubjects', 'auditActors',
] as const satisfies readonly ListKey[];

/** One manifest body from the parts: lists concatenated, maps merged (a name defined twice is a mistake). */
export function mergeParts(module: string, parts: readonly ModulePart[]): ModulePart {
  const out: ModulePart = {};
  const lists = out as Record<string, unknown[]>;
  for (const key of LIST_KEYS) lists[key] = parts.flatMap((p) => (p[key] ?? []) as unknown[]);
  out.tables = mergeMaps(module, parts.map((p) => p.tables), 'table');
  out.jobs = mergeMaps(module, parts.map((p) => p.jobs), 'job');
  out.migrations = mergeMaps(module, parts.map((p) => p.migrations), 'migration') as MigrationSet;
  const clis = parts.flatMap((p) => (p.cli ? [p.cli] : []));
  if (clis.length) out.cli = (program, open) => clis.forEach((cli) => cli(program, open));
  return out;
}

function mergeMaps<V>(module: string, maps: (Readonly<Record<string, V>> | undefined)[], what: string): Record<string, V> {
  const merged: Record<string, V> = {};
  for (const map of maps) {
    for (const [name, value] of Object.entries(map ?? {})) {
      if (name in merged) throw new Error(`${module}: two parts define the ${what} ${name}`);
      merged[name] = value;
    }
  }
  return merged;
}
