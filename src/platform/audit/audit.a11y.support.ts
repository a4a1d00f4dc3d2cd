// Browser helpers for the audit pages' accessibility test (the same checks as e2e/browser.ts,
// which starts its own server without handing out the services this test needs).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export function chromiumPathForTests(): string {
  let found = '';
  try {
    found = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
  } catch {
    found = '';
  }
  if (!found || !fs.existsSync(found)) {
    throw new Error("Chromium was not found: install Debian's chromium (`apt-get install chromium`). This test cannot run without it.");
  }
  return found;
}

export async function assertAccessible(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const list = result.violations.map(
    (v) => `${v.id} (${v.impact ?? '?'}): ${v.help}\n      ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n      ')}`,
  );
  assert.equal(result.violations.length, 0, `axe violations on ${what} (${page.url()}):\n    ${list.join('\n    ')}`);
}
