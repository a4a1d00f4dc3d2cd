// Access levels on reads: public and internal documents are open to everyone with the
// journal's view permission; a restricted one only to those who may read restricted
// documents (the head, the chief of staff) and to its own executors — and each such read is
// audited as a read of personal data.
import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { Actor } from '../../../platform/policy/access.ts';
import type { CommunityRole } from '../../../platform/policy/roles.ts';

export const RESTRICTED_READERS = ['head', 'chief_of_staff'] as const satisfies readonly CommunityRole[];

export interface Reader { userId: number; readsRestricted: boolean }

export function readerOf(actor: Actor): Reader {
  return { userId: actor.userId, readsRestricted: actor.communityRoles.some((r) => (RESTRICTED_READERS as readonly string[]).includes(r)) };
}

/** The where-clause a list or search adds so it returns only documents this reader may see. */
export function visibleTo(reader: Reader) {
  return (eb: ExpressionBuilder<Database, 'doc_documents'>) => reader.readsRestricted
    ? eb.lit(true)
    : eb.or([
      eb('doc_documents.access', '!=', 'restricted'),
      eb.exists(eb.selectFrom('doc_resolution_executors').innerJoin('doc_resolutions', 'doc_resolutions.id', 'doc_resolution_executors.resolution_id')
        .select('doc_resolution_executors.id')
        .whereRef('doc_resolutions.document_id', '=', 'doc_documents.id')
        .where('doc_resolution_executors.user_id', '=', reader.userId)),
    ]);
}
