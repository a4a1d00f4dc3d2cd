// `npm test` after the type check and lint: starts a throwaway PostgreSQL cluster,
// runs every *.test.ts (unit, database on both engines, cross-cutting suites, browser
// journeys) with node's test runner, then removes the cluster.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCluster } from './pg-cluster.ts';

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : testFiles(p);
    return /\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

// Arguments narrow the run to files or folders: `node --import tsx test/run.ts e2e`.
const targets = process.argv.slice(2);
const files = (targets.length ? targets : ['src', 'test', 'e2e'])
  .flatMap((t) => (fs.statSync(t).isDirectory() ? testFiles(t) : [t]))
  .sort();
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: 'inherit', env });
    child.on('exit', (c) => resolve(c ?? 1));
  });
}

const cluster = await startCluster();
const templates = fs.mkdtempSync(path.join(os.tmpdir(), 'mmis-templates-'));
const env = { ...process.env, MMIS_TEST_PG_URL: cluster.url, MMIS_LOG_LEVEL: 'silent', MMIS_TEST_TEMPLATES: templates };
let code = 1;
try {
  // Migrated and demo databases, built once for the run and copied by each test.
  code = await run(['test/build-templates.ts'], env);
  if (code === 0) code = await run(['--test', '--test-concurrency=2', '--test-reporter=spec', ...files], env);
} finally {
  cluster.stop();
  fs.rmSync(templates, { recursive: true, force: true });
}
process.exit(code);
