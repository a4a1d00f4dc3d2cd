// A throwaway PostgreSQL cluster for the test run: initdb into a temporary folder,
// start on a free port, hand out one database per test, remove everything at the end.
// Uses Debian's PostgreSQL binaries; initdb refuses root, so as root it runs as `postgres`.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './ports.ts';

export interface Cluster {
  url: string;
  stop(): void;
}

function findBinDir(): string {
  const candidates = [process.env.PG_BIN_DIR, ...listDebianBinDirs()].filter(Boolean) as string[];
  for (const dir of candidates) if (fs.existsSync(path.join(dir, 'initdb'))) return dir;
  throw new Error(
    'PostgreSQL binaries not found. Install them (`apt-get install postgresql`) or set PG_BIN_DIR. ' +
      'The PostgreSQL half of the test suite cannot run without them.',
  );
}

function listDebianBinDirs(): string[] {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)).map((v) => path.join(root, v, 'bin'));
}


export async function startCluster(): Promise<Cluster> {
  const bin = findBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmis-pg-'));
  const dataDir = path.join(dir, 'data');
  const isRoot = process.getuid?.() === 0;
  const asUser = (cmd: string, args: string[]) =>
    isRoot ? { cmd: 'runuser', args: ['-u', 'postgres', '--', cmd, ...args] } : { cmd, args };
  if (isRoot) execFileSync('chown', ['postgres', dir]);
  const port = await freePort();

  const init = asUser(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'mmis', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const r = spawnSync(init.cmd, init.args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`initdb failed: ${r.stderr || r.stdout}`);

  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
  const start = asUser(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-o', opts, '-l', path.join(dir, 'log'), '-w', 'start']);
  const s = spawnSync(start.cmd, start.args, { encoding: 'utf8' });
  if (s.status !== 0) throw new Error(`pg_ctl start failed: ${s.stderr || s.stdout}\n${fs.readFileSync(path.join(dir, 'log'), 'utf8')}`);

  return {
    url: `postgres://mmis@127.0.0.1:${port}/postgres`,
    stop() {
      const stop = asUser(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop']);
      spawnSync(stop.cmd, stop.args);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
