// `npm run bench`: runs each benchmark in turn, writes every figure to bench/results.json
// ({name, value, baseline, ratio, unit}) and prints them beside the targets (not asserted).
// 1. The community home page served by the app against a bare node:http server answering
//    the same bytes from memory, and the idle memory of `mmis start` with the demo against
//    a bare node process (this file). BENCH_DURATION (seconds, default 10) shortens it.
// 2. Import of 100,000 residents against a bare INSERT (bench/registry-import.ts).
// 3. Name search on a 3,000,000-resident register against a lookup by PSN (bench/registry-search.ts).
// 4. Durable case submissions per second through the case engine against a bare INSERT (bench/services-submit.ts).
// 5. The staff inbox with 100,000 cases, p95 per view against GET /healthz (bench/services-inbox.ts).
// 6. The annual tax assessment of 1,000,000 properties on SQLite and PostgreSQL against one SQL statement (bench/finance-assess.ts).
// 7. Balances of 100,000 payers with penalties to date, p95 of one payer's balance and page against a bare indexed select (bench/finance-balances.ts).
// 8. Registering documents with resolutions against a bare INSERT, and journal search p95 on 1,000,000 documents (bench/documents.ts).
// BENCH_ONLY=home,import,search,submit,inbox,assess,balances,documents picks some of them (printed only; results.json is left alone).
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
import type { Figure } from './registry-common.ts';
import { benchRegistryImport } from './registry-import.ts';
import { benchRegistrySearch } from './registry-search.ts';
import { benchServicesSubmit } from './services-submit.ts';
import { benchServicesInbox } from './services-inbox.ts';
import { benchFinanceAssess } from './finance-assess.ts';
import { benchFinanceBalances } from './finance-balances.ts';
import { benchDocuments } from './documents.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 50;
const PAGE = '/sisian';


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

/**
 * The resident memory of an idle server: the lowest of one sample a second for 25 s.
 * Right after start-up V8 still holds the pages of the start-up heap (migrations, building
 * the routes and their schemas) and hands them back about 15 s later, when its memory
 * reducer sees the process idle (measured: 163 MB for 14 s, then 129 MB).
 */
async function settledRss(pid: number): Promise<number> {
  let low = rssMb(pid);
  for (let i = 0; i < 25; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    low = Math.min(low, rssMb(pid));
  }
  return low;
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
    return await settledRss(child.pid!);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  }
}

async function benchHomePage(): Promise<Figure[]> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mmis-bench-'));
  const results: Figure[] = [];
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

    const ratio = appLoad.rps / bareLoad.rps;
    results.push({ name: `requests/s GET ${PAGE}`, value: appLoad.rps, baseline: bareLoad.rps, ratio, unit: 'req/s', target: 'ratio ≥ 0.4', meets: ratio >= 0.4 });
    results.push({ name: `p99 latency GET ${PAGE}`, value: appLoad.p99, baseline: bareLoad.p99, ratio: appLoad.p99 / Math.max(bareLoad.p99, 1), unit: 'ms', target: 'p99 ≤ 30 ms', meets: appLoad.p99 <= 30 });

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
    results.push({ name: 'idle RSS, demo loaded', value: appRss, baseline: bareRss, ratio: appRss / bareRss, unit: 'MB', target: 'idle ≤ 150 MB', meets: appRss <= 150 });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return results;
}

const BENCHMARKS: [string, () => Promise<Figure[]>][] = [
  ['home', benchHomePage],
  ['import', benchRegistryImport],
  ['search', benchRegistrySearch],
  ['submit', benchServicesSubmit],
  ['inbox', benchServicesInbox],
  ['assess', benchFinanceAssess],
  ['balances', benchFinanceBalances],
  ['documents', benchDocuments],
];

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
  const results: Figure[] = [];
  for (const [name, run] of BENCHMARKS) {
    if (only && !only.includes(name)) continue;
    console.log(`\n== ${name} ==`);
    results.push(...(await run()));
  }

  // A partial run (BENCH_ONLY) prints its figures but leaves results.json to full runs.
  const written = results.map(({ name, value, baseline, ratio, unit }) => ({ name, value, baseline, ratio, unit }));
  if (!only) fs.writeFileSync(path.join(ROOT, 'bench', 'results.json'), `${JSON.stringify(written, null, 2)}\n`);
  const rows = results.map((r) => [
    r.name,
    `${r.value.toFixed(1)} ${r.unit}`,
    `${r.baseline.toFixed(1)} ${r.unit}`,
    r.ratio.toFixed(2),
    r.target ? `${r.target} ${r.meets ? '✓' : '✗'}` : '',
  ]);
  const header = ['measure', 'measured', 'baseline', 'ratio', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
  console.log(`${only ? 'partial run, not written' : 'written to bench/results.json'} (${os.cpus().length} CPUs, Node ${process.version})`);
}

await main();
