#!/usr/bin/env node
// The `mmis` command. It bundles src/ into dist/main.js with esbuild (a few tens of
// milliseconds, so the bundle is never stale) and runs it. Running the bundle rather than
// transpiling on load keeps the server's idle memory low (see docs/adr/0005-no-build-step.md).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'dist', 'main.js');
const result = await build({
  entryPoints: [path.join(root, 'src', 'main.ts')],
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  write: false,
  outfile,
  logLevel: 'error',
});
// Several commands may start at once (tests, a worker beside the server): write atomically.
fs.mkdirSync(path.dirname(outfile), { recursive: true });
const tmp = `${outfile}.${process.pid}.tmp`;
fs.writeFileSync(tmp, result.outputFiles[0].contents);
fs.renameSync(tmp, outfile);
await import(pathToFileURL(outfile).href);
