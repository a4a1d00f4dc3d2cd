// Shared by the registers benchmarks: the figure shape written to bench/results.json,
// a percentile helper, fresh SQLite services, and deterministic made-up residents.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import { MODULES } from '../src/modules/index.ts';
import { createServices } from '../src/platform/http/services.ts';
import { type Services } from '../src/platform/module/contract.ts';
import { migrate } from '../src/cli/core.ts';
import { FEMALE_NAMES, MALE_NAMES, STREETS, SURNAMES, prng } from '../src/demo/registry-demo-data.ts';

export interface Figure {
  name: string;
  value: number;
  baseline: number;
  ratio: number;
  unit: string;
  /** Printed beside the figure, not written to results.json. */
  target?: string;
  meets?: boolean;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Services over a fresh, migrated SQLite file in `dir`. */
export async function sqliteServices(dir: string, file = 'bench.sqlite'): Promise<Services> {
  const config = loadConfig({ DATABASE_URL: `file:${path.join(dir, file)}`, MMIS_FILES_DIR: path.join(dir, 'files'), MMIS_LOG_LEVEL: 'silent' });
  const services = createServices(config, MODULES, { log: pino({ level: 'silent' }) });
  await migrate(services);
  return services;
}

export interface FakeResident {
  last_name: string;
  first_name: string;
  patronymic: string;
  birth_date: string;
  sex: 'M' | 'F';
  public_service_number: string;
  street: string;
  building: string;
  apartment: string;
  phone: string;
  email: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The i-th made-up resident of a deterministic stream; PSNs are unique per index. */
export function fakeResidents(seed: number) {
  const rng = prng(seed);
  return (i: number): FakeResident => {
    const sex = rng.chance(0.5) ? 'M' : 'F';
    return {
      last_name: rng.pick(SURNAMES),
      first_name: sex === 'M' ? rng.pick(MALE_NAMES)[0] : rng.pick(FEMALE_NAMES),
      patronymic: rng.pick(MALE_NAMES)[1],
      birth_date: `${rng.int(1930, 2024)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`,
      sex,
      public_service_number: String(1_000_000_000 + i),
      street: rng.pick(STREETS)[0],
      building: String(rng.int(1, 150)),
      apartment: rng.chance(0.3) ? String(rng.int(1, 40)) : '',
      phone: rng.chance(0.5) ? `+374 9${rng.int(1, 9)} ${rng.int(100, 999)} ${rng.int(100, 999)}` : '',
      email: '',
    };
  };
}
