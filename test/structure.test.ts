// The shape of the code (issue "Module seams"): the platform names no module, no import
// circles anywhere in src/, and no source file grows past 400 lines. Imports are read with
// the TypeScript compiler's own pre-processor, so type-only imports count too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(import.meta.dirname, '..');
const SRC = path.join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const isTestOnly = (file: string) => /\.(test|testkit)\.tsx?$/.test(file) || /test-(client|helpers)\.tsx?$/.test(file);
const rel = (file: string) => path.relative(ROOT, file);

/** Each non-test source file and the project files it imports (static, dynamic and type-only). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC).filter((f) => !isTestOnly(f))) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const targets = info.importedFiles
      .map((i) => i.fileName)
      .filter((s) => s.startsWith('.'))
      .map((s) => path.resolve(path.dirname(file), s));
    graph.set(file, targets);
  }
  return graph;
}

/** Strongly connected components of more than one file (or a file importing itself): Tarjan. */
function circles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(comp.map(rel).sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

test('the platform imports nothing under src/modules', () => {
  const graph = importGraph();
  const offending = [...graph]
    .filter(([file]) => file.startsWith(path.join(SRC, 'platform') + path.sep))
    .flatMap(([file, targets]) => targets.filter((t) => t.startsWith(path.join(SRC, 'modules') + path.sep)).map((t) => `${rel(file)} → ${rel(t)}`));
  assert.deepEqual(offending, []);
});

test('there are no import circles in src/', () => {
  assert.deepEqual(circles(importGraph()), []);
});

test('no source file is over 400 lines', () => {
  const long = sourceFiles(SRC)
    .map((f) => ({ f: rel(f), n: fs.readFileSync(f, 'utf8').split('\n').length }))
    .filter((x) => x.n > 400)
    .map((x) => `${x.f}: ${x.n}`);
  assert.deepEqual(long, []);
});

test('the circle finder finds a circle', () => {
  const g = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
  assert.deepEqual(circles(g), [['a', 'b', 'c'].map((x) => path.relative(ROOT, x))]);
});
