// `mmis audit verify`: walks every hash chain and says where it was tampered with.
// Pure over the database: reads audit_events (per chain, in seq order, in pages) and
// audit_heads, writes nothing. The append-only triggers stop changes made through the
// application's connection; this catches the ones made by someone who dropped them.
import type { Selectable } from 'kysely';
import type { Executor } from '../db/tenant.ts';
import { unscoped } from '../db/tenant.ts';
import type { AuditEventsTable } from './audit.table.ts';
import { GENESIS_HASH, hashEvent } from './chain.ts';

export type ProblemKind =
  /** The event's fields no longer give its hash, or it was rewritten with a new hash. */
  | 'edited'
  /** Events are missing: a gap in seq, or a cut tail (the head names a later event). */
  | 'removed'
  /** The event was moved: its hash matches its fields at another seq, or it links to another event than the one before it. */
  | 'reordered'
  /** The head row disagrees with the chain in a way none of the above explains (missing head, events after the head). */
  | 'head_mismatch';

export interface ChainProblem {
  chain: string;
  seq: number;
  /** For a run of removed events: the last missing seq. */
  toSeq?: number;
  kind: ProblemKind;
  detail: string;
}

export interface ChainHead {
  chain: string;
  seq: number;
  hash: string;
}

export interface VerifyResult {
  ok: boolean;
  events: number;
  chains: number;
  problems: ChainProblem[];
  /** The head of every chain as found, to be recorded outside the database if wanted. */
  heads: ChainHead[];
}

type EventRow = Selectable<AuditEventsTable>;

interface Item {
  e: EventRow;
  flagged: boolean;
}

/** How far (in seq) a moved event is looked for, and how many events around the current one are kept. */
const WINDOW = 64;
const PAGE = 1000;

async function* eventsOf(db: Executor, chain: string): AsyncGenerator<EventRow> {
  let after: number | null = null;
  for (;;) {
    let q = db.selectFrom('audit_events').selectAll().where('chain', '=', chain);
    if (after !== null) q = q.where('seq', '>', after);
    const page = await q.orderBy('seq').limit(PAGE).execute();
    for (const row of page) yield row;
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.seq;
  }
}

function ownHashMatches(e: EventRow, seq: number): boolean {
  const { id: _id, hash, ...fields } = e;
  return hashEvent({ ...fields, seq }) === hash;
}

/** Checks one chain; `head` is its audit_heads row, if any. */
async function verifyChain(db: Executor, chain: string, head: ChainHead | undefined): Promise<{ events: number; problems: ChainProblem[]; last: EventRow | null }> {
  const problems: ChainProblem[] = [];
  const report = (seq: number, kind: ProblemKind, detail: string, toSeq?: number) =>
    problems.push({ chain, seq, kind, detail, ...(toSeq !== undefined && toSeq !== seq ? { toSeq } : {}) });

  // A sliding window of events around the one being checked: WINDOW behind, WINDOW ahead.
  const buffer: Item[] = [];
  let index = 0;
  let prev: Item | null = null;
  let count = 0;

  const check = (item: Item) => {
    const e = item.e;
    count++;
    const expectedSeq = prev ? prev.e.seq + 1 : 1;
    const gap = e.seq > expectedSeq;
    if (gap) report(expectedSeq, 'removed', `events ${expectedSeq}–${e.seq - 1} are missing`, e.seq - 1);

    if (!ownHashMatches(e, e.seq)) {
      item.flagged = true;
      let movedFrom: number | null = null;
      for (let d = 1; d <= WINDOW && movedFrom === null; d++) {
        if (e.seq - d > 0 && ownHashMatches(e, e.seq - d)) movedFrom = e.seq - d;
        else if (ownHashMatches(e, e.seq + d)) movedFrom = e.seq + d;
      }
      if (movedFrom !== null) report(e.seq, 'reordered', `the event recorded at seq ${movedFrom} is now at seq ${e.seq}`);
      else report(e.seq, 'edited', 'the fields do not match the hash');
    }

    // A gap already explains a broken link; an event already flagged needs no second report.
    if (!gap && !item.flagged && !(prev?.flagged ?? false)) {
      const expectedPrev = prev ? prev.e.hash : GENESIS_HASH;
      if (e.prev_hash !== expectedPrev) {
        const elsewhere = buffer.find((b) => b !== prev && b !== item && b.e.hash === e.prev_hash);
        if (elsewhere) {
          item.flagged = true;
          report(e.seq, 'reordered', `follows the event at seq ${elsewhere.e.seq}, not the one before it`);
        } else if (prev) {
          prev.flagged = true;
          report(prev.e.seq, 'edited', 'rewritten with a new hash: the next event does not link to it');
        } else {
          item.flagged = true;
          report(e.seq, 'edited', 'the first event does not start from the genesis hash');
        }
      }
    }
    prev = item;
  };

  for await (const e of eventsOf(db, chain)) {
    buffer.push({ e, flagged: false });
    while (buffer.length - index > WINDOW) {
      check(buffer[index]!);
      index++;
      if (index > WINDOW) {
        buffer.shift();
        index--;
      }
    }
  }
  while (index < buffer.length) check(buffer[index++]!);

  // `prev` is set inside check(); TypeScript cannot see that through the closure.
  const last = prev as Item | null;
  if (!head) {
    if (last) report(last.e.seq, 'head_mismatch', 'the chain has no head row');
  } else if (!last) {
    if (head.seq > 0) report(1, 'removed', `the head names seq ${head.seq} but the chain has no events`, head.seq);
  } else if (head.seq > last.e.seq) {
    report(last.e.seq + 1, 'removed', `the tail was cut: the head names seq ${head.seq}, the last event is ${last.e.seq}`, head.seq);
  } else if (head.seq < last.e.seq) {
    report(head.seq + 1, 'head_mismatch', `events after the head (seq ${head.seq}) were added outside the audit writer`, last.e.seq);
  } else if (head.hash !== last.e.hash && !last.flagged) {
    report(last.e.seq, 'edited', 'the last event does not have the hash the head recorded');
  }
  return { events: count, problems, last: last ? last.e : null };
}

/** Verifies every chain in the database. */
export async function verifyAuditChains(executor: Executor): Promise<VerifyResult> {
  const db = unscoped(executor, 'the audit verifier reads every community chain');
  const heads = await db.selectFrom('audit_heads').select(['chain', 'seq', 'hash']).execute();
  const headOf = new Map(heads.map((h) => [h.chain, h]));
  const fromEvents = await db.selectFrom('audit_events').select('chain').distinct().execute();
  const chains = [...new Set([...fromEvents.map((r) => r.chain), ...heads.map((h) => h.chain)])].sort();

  let events = 0;
  const problems: ChainProblem[] = [];
  const found: ChainHead[] = [];
  for (const chain of chains) {
    const r = await verifyChain(db, chain, headOf.get(chain));
    events += r.events;
    problems.push(...r.problems);
    if (r.last) found.push({ chain, seq: r.last.seq, hash: r.last.hash });
  }
  return { ok: problems.length === 0, events, chains: chains.length, problems, heads: found };
}

/** The lines `mmis audit verify` prints. */
export function formatVerifyResult(r: VerifyResult): string {
  if (r.ok) return `audit chain OK: ${r.events} events in ${r.chains} chains`;
  const lines = [`audit chain BROKEN: ${r.problems.length} problem(s) in ${r.events} events in ${r.chains} chains`];
  for (const p of r.problems) {
    const where = p.toSeq !== undefined ? `seq ${p.seq}–${p.toSeq}` : `seq ${p.seq}`;
    lines.push(`  ${p.chain} ${where}: ${p.kind} — ${p.detail}`);
  }
  return lines.join('\n');
}
