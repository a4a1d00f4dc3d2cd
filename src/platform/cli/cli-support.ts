// What the CLI commands share: where they print and who the audit log says acted.
import os from 'node:os';
import type { AuditActor } from '../audit/audit.ts';

export interface CliOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const consoleOutput: CliOutput = { out: (l) => console.log(l), err: (l) => console.error(l) };

/** The audit actor of a command: the operating-system user who ran it. */
export function cliActor(): AuditActor {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // Containers without a passwd entry: the label still says it came from the CLI.
  }
  return { userId: null, label: `cli:${user}`, ip: null, requestId: null };
}
