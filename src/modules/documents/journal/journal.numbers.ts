// How a registration number reads: the journal's letter, the year and the gap-free sequence
// ("Մ-2026/000012"). The letters are the ones Armenian offices print: Մ մուտքային (incoming),
// Ե ելքային (outgoing), Ն ներքին (internal).
import type { JournalKind } from './journal.table.ts';

export const JOURNAL_KINDS = ['incoming', 'outgoing', 'internal'] as const satisfies readonly JournalKind[];

const LETTER: Record<JournalKind, string> = { incoming: 'Մ', outgoing: 'Ե', internal: 'Ն' };

/** The name of the platform sequence counter for one journal of one year. */
export function journalSequence(journal: JournalKind, year: number): string {
  return `doc.${journal}.${year}`;
}

export function documentNumber(journal: JournalKind, year: number, seq: number): string {
  return `${LETTER[journal]}-${year}/${String(seq).padStart(6, '0')}`;
}

/** A number typed in a search box ("Մ-2026/12", "2026/000012", "12"), as journal, year and sequence where given. */
export function parseDocumentNumber(q: string): { journal: JournalKind | null; year: number | null; seq: number } | null {
  const m = /^\s*(?:([ՄԵՆ])\s*-?\s*)?(?:(\d{4})\s*\/\s*)?0*(\d{1,9})\s*$/u.exec(q);
  if (!m) return null;
  const journal = m[1] ? (Object.entries(LETTER).find(([, l]) => l === m[1])![0] as JournalKind) : null;
  return { journal, year: m[2] ? Number(m[2]) : null, seq: Number(m[3]) };
}
