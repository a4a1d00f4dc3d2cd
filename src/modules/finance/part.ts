// The finance module is built from sub-domains (rules, ledger, assessment, payments,
// budget). Each brings a part of the manifest in its own `*.part.ts`; index.ts merges them,
// so a sub-domain adds routes, tables, jobs or indicators without editing a shared list.
import type { ModuleManifest } from '../../platform/module/contract.ts';
import type { MigrationSet } from '../../platform/db/migrations.ts';

/** What one sub-domain contributes; the same fields as a manifest, without the module's identity. */
export type FinancePart = Omit<ModuleManifest, 'name' | 'title' | 'provides'>;

type ListKey = { [K in keyof FinancePart]-?: NonNullable<FinancePart[K]> extends readonly unknown[] ? K : never }[keyof FinancePart];
const LIST_KEYS = [
  'messages', 'fileRefs', 'routes', 'permissions', 'nav', 'schedules', 'publications', 'indicators', 'search', 'worklist',
  'auditEvents', 'auditSubjects', 'auditActors',
] as const satisfies readonly ListKey[];

/** One manifest body from the parts: lists concatenated, maps merged (a name defined twice is a mistake). */
export function mergeParts(parts: readonly FinancePart[]): FinancePart {
  const out: FinancePart = {};
  const lists = out as Record<string, unknown[]>;
  for (const key of LIST_KEYS) lists[key] = parts.flatMap((p) => (p[key] ?? []) as unknown[]);
  out.tables = mergeMaps(parts.map((p) => p.tables), 'table');
  out.jobs = mergeMaps(parts.map((p) => p.jobs), 'job');
  out.migrations = mergeMaps(parts.map((p) => p.migrations), 'migration') as MigrationSet;
  const clis = parts.flatMap((p) => (p.cli ? [p.cli] : []));
  if (clis.length) out.cli = (program, open) => clis.forEach((cli) => cli(program, open));
  return out;
}

function mergeMaps<V>(maps: (Readonly<Record<string, V>> | undefined)[], what: string): Record<string, V> {
  const merged: Record<string, V> = {};
  for (const map of maps) {
    for (const [name, value] of Object.entries(map ?? {})) {
      if (name in merged) throw new Error(`finance: two parts define the ${what} ${name}`);
      merged[name] = value;
    }
  }
  return merged;
}
