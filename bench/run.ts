// `npm run bench`: the community home page served by the app against a bare node:http
// server answering the same bytes from memory (same machine, same run), plus the idle
// memory of `mmis start` with the demo against a bare node process. Writes
// bench/results.json and prints the numbers beside the targets (which are not asserted).
// BENCH_DURATION (seconds, default 10) shortens a smoke run.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import { MODULES } from '../src/modules/index.ts';
import { createServices } from '../src/platform/http/services.ts';
import { migrate } from '../src/cli/core.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { buildApp } from '../src/app.ts';
import { freePort } from '../test/ports.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 50;
const PAGE = '/sisian';

interface Result {
  name: string;
  value: number;
  baseline: number;
  ratio: number;
  unit: string;
}


interface Load {
  rps: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** autocannon in a child process, so the load generator never shares the server's event loop. */
async function load(url: string): Promise<Load> {
  const bin = path.join(path.dirname(require.resolve('autocannon/package.json')), 'autocannon.js');
  const child = spawn(process.execPath, [bin, '-c', String(CONNECTIONS), '-d', String(DURATION), '-j', url], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  child.stderr.on('data', (d: Buffer) => (err += d));
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`autocannon failed (${code}): ${err}`);
  const r = JSON.parse(out) as { requests: { average: number }; latency: { p99: number }; errors: number; non2xx: number };
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before answering ${url}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]);
  if (!kb) throw new Error(`no VmRSS for ${pid}`);
  return kb / 1024;
}

/** Starts a process that serves /healthz on a free port, waits until idle and reads its RSS. */
async function idleRss(args: string[], env: NodeJS.ProcessEnv, port: number): Promise<number> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d));
  try {
    await waitForHealth(`http://127.0.0.1:${port}/healthz`, child).catch((e: Error) => {
      throw new Error(`${e.message}\n${err}`);
    });
    await new Promise((r) => setTimeout(r, 3000));
    return rssMb(child.pid!);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  }
}

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mmis-bench-'));
  const results: Result[] = [];
  try {
    // 1. Throughput and latency: the app (demo on SQLite, no logging) vs. the same bytes from memory.
    const config = loadConfig({
      DATABASE_URL: `file:${path.join(tmp, 'bench.sqlite')}`,
      MMIS_FILES_DIR: path.join(tmp, 'files'),
      MMIS_LOG_LEVEL: 'silent',
    });
    const services = createServices(config, MODULES, { log: pino({ level: 'silent' }) });
    await migrate(services);
    await seedDemo(services);
    const app = await buildApp(services, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const appPort = (app.server.address() as net.AddressInfo).port;
    const sample = await fetch(`http://127.0.0.1:${appPort}${PAGE}`);
    if (sample.status !== 200) throw new Error(`${PAGE} answered ${sample.status}`);
    const bytes = Buffer.from(await sample.arrayBuffer());
    const contentType = sample.headers.get('content-type') ?? 'text/html; charset=utf-8';

    console.log(`loading ${PAGE} (${bytes.length} bytes) with ${CONNECTIONS} connections for ${DURATION} s each…`);
    const appLoad = await load(`http://127.0.0.1:${appPort}${PAGE}`);
    await app.close();
    await services.close();

    const bare = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': contentType, 'content-length': bytes.length });
      res.end(bytes);
    });
    await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
    const barePort = (bare.address() as net.AddressInfo).port;
    const bareLoad = await load(`http://127.0.0.1:${barePort}${PAGE}`);
    await new Promise((r) => bare.close(r));
    if (appLoad.errors || appLoad.non2xx) console.warn(`warning: the app had ${appLoad.errors} errors and ${appLoad.non2xx} non-2xx answers`);

    results.push({ name: `requests/s GET ${PAGE}`, value: appLoad.rps, baseline: bareLoad.rps, ratio: appLoad.rps / bareLoad.rps, unit: 'req/s' });
    results.push({ name: `p99 latency GET ${PAGE}`, value: appLoad.p99, baseline: bareLoad.p99, ratio: appLoad.p99 / Math.max(bareLoad.p99, 1), unit: 'ms' });

    // 2. Idle memory: `mmis start` with the demo on a fresh SQLite file vs. a bare node http server.
    const port = await freePort();
    const appRss = await idleRss(['bin/mmis.js', 'start'], {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: `file:${path.join(tmp, 'idle.sqlite')}`,
      MMIS_FILES_DIR: path.join(tmp, 'idle-files'),
      MMIS_DEMO: '1',
      MMIS_LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
    }, port);
    const barePortIdle = await freePort();
    const bareRss = await idleRss(
      ['-e', `require('http').createServer((q, s) => s.end('ok')).listen(${barePortIdle}, '127.0.0.1')`],
      { PATH: process.env.PATH },
      barePortIdle,
    );
    results.push({ name: 'idle RSS, demo loaded', value: appRss, baseline: bareRss, ratio: appRss / bareRss, unit: 'MB' });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  fs.writeFileSync(path.join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const targets = ['ratio ≥ 0.4', 'p99 ≤ 30 ms', 'idle ≤ 150 MB'];
  const meets = [results[0]!.ratio >= 0.4, results[1]!.value <= 30, results[2]!.value <= 150];
  const rows = results.map((r, i) => [
    r.name,
    `${r.value.toFixed(1)} ${r.unit}`,
    `${r.baseline.toFixed(1)} ${r.unit}`,
    r.ratio.toFixed(2),
    `${targets[i]} ${meets[i] ? '✓' : '✗'}`,
  ]);
  const header = ['measure', 'app', 'bare node', 'ratio', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
  console.log(`written to bench/results.json (${os.cpus().length} CPUs, Node ${process.version})`);
}

await main();
