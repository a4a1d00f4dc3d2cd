// The words a document is found by: every spelling of the correspondent's name and the words
// of the summary, folded the way the registers fold names (platform/search/fold.ts), so
// "Petrosyan", "Պետրոսյան" and "Петросян" find the same letter.
import type { TenantDb } from '../../../platform/db/tenant.ts';
import { foldWords } from '../../../platform/search/fold.ts';

/** Folded words longer than one letter, at most 100 characters each (the column's width). */
export function documentKeys(correspondent: string, summary: string): string[] {
  return foldWords(`${correspondent} ${summary}`).filter((w) => w.length > 1).map((w) => w.slice(0, 100));
}

/** Replaces the index rows of one document. Call inside the write's transaction. */
export async function replaceDocumentKeys(tx: TenantDb, documentId: number, keys: string[]): Promise<void> {
  await tx.deleteFrom('doc_search_keys').where('document_id', '=', documentId).execute();
  if (keys.length) await tx.insertInto('doc_search_keys', keys.map((key) => ({ document_id: documentId, key }))).execute();
}
