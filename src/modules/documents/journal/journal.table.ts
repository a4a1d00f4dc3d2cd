// The registration journals: every incoming, outgoing and internal document of a community,
// numbered per journal and year without gaps, its file versions, the words it is found by,
// the resolutions (ցուցում) put on it and their execution, and the nomenclature of case
// files it is kept in until its retention period ends.
import type { Generated } from 'kysely';

export type JournalKind = 'incoming' | 'outgoing' | 'internal';
export type CorrespondentKind = 'person' | 'organization' | 'body';
export type AccessLevel = 'public' | 'internal' | 'restricted';
export type DocLanguage = 'hy' | 'en' | 'ru';
/** A citizen's letter under the Law on Appeals: the kind decides nothing but the report; the term is the same. */
export type LetterKind = 'application' | 'complaint' | 'proposal';
export type Channel = 'paper' | 'email' | 'portal' | 'exchange';
/** registered → in_work (a resolution is on it) → answered (an outgoing answer is registered) → closed. */
export type DocumentStatus = 'registered' | 'in_work' | 'answered' | 'closed';

export interface DocDocumentsTable {
  id: Generated<number>;
  community_id: number;
  journal: JournalKind;
  year: number;
  /** The gap-free sequence number within (community, journal, year). */
  seq: number;
  /** As printed on the document: journal letter, year, sequence ("Մ-2026/000012"). */
  number: string;
  registered_on: string;
  correspondent_kind: CorrespondentKind;
  correspondent_name: string;
  correspondent_person_id: number | null;
  correspondent_org_id: number | null;
  correspondent_email: string | null;
  correspondent_address: string | null;
  summary: string;
  pages: number | null;
  language: DocLanguage;
  access: AccessLevel;
  /** Links: a service case, a resident, an organization the document concerns. */
  case_id: number | null;
  resident_id: number | null;
  organization_id: number | null;
  /** The sender's own number, or the exchange message id. */
  external_ref: string | null;
  letter_kind: LetterKind | null;
  channel: Channel | null;
  /** An outgoing answer points at the incoming letter it answers. */
  reply_to_id: number | null;
  /** The legal term for answering a citizen's letter; null for other documents. */
  answer_due_on: string | null;
  /** The citizen's account, when the letter came from someone who signs in to the portal. */
  citizen_user_id: number | null;
  status: DocumentStatus;
  nomenclature_id: number | null;
  archived_at: string | null;
  created_by_user_id: number | null;
  created_at: string;
  updated_at: string;
}

/** One row per file version: adding a corrected scan adds a row, never replaces one. */
export interface DocVersionsTable {
  id: Generated<number>;
  community_id: number;
  document_id: number;
  sha256: string;
  name: string;
  media_type: string;
  bytes: number;
  added_by_user_id: number | null;
  added_at: string;
}

/** Folded words (platform/search/fold.ts) of the number, correspondent and summary. */
export interface DocSearchKeysTable {
  id: Generated<number>;
  community_id: number;
  document_id: number;
  key: string;
}

/**
 * in_work: executors work; extension_requested: an executor asked for more time; reported: the
 * responsible executor reported; returned: the resolver sent the report back (executors work again);
 * done: the resolver accepted the report.
 */
export type ResolutionStatus = 'in_work' | 'extension_requested' | 'reported' | 'returned' | 'done';

export interface DocResolutionsTable {
  id: Generated<number>;
  community_id: number;
  document_id: number;
  resolver_user_id: number;
  task: string;
  working_days: number;
  issued_on: string;
  due_on: string;
  status: ResolutionStatus;
  report: string | null;
  /** An executor's asked-for new deadline while status is extension_requested. */
  requested_due_on: string | null;
  done_on: string | null;
  reminded_on: string | null;
  escalated_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface DocResolutionExecutorsTable {
  id: Generated<number>;
  community_id: number;
  resolution_id: number;
  user_id: number;
  /** 1 for the one executor who answers for the whole resolution, 0 for the others. */
  responsible: number;
  /** The department the executor answers for in this resolution, for the control board. */
  department: string | null;
}

export type ResolutionEventKind = 'issue' | 'report' | 'forward' | 'extension_request' | 'extension_grant' | 'extension_refuse'
  | 'accept' | 'return' | 'remind' | 'escalate';

export interface DocResolutionEventsTable {
  id: Generated<number>;
  community_id: number;
  resolution_id: number;
  kind: ResolutionEventKind;
  user_id: number | null;
  note: string | null;
  at: string;
}

/** The nomenclature of case files: where a registered document is kept and for how long. */
export interface DocNomenclatureTable {
  id: Generated<number>;
  community_id: number;
  code: string;
  title: string;
  /** Years after the year of registration; null: kept permanently (never archived away). */
  retention_years: number | null;
  created_at: string;
}

export interface DocumentsJournalTables {
  doc_documents: DocDocumentsTable;
  doc_versions: DocVersionsTable;
  doc_search_keys: DocSearchKeysTable;
  doc_resolutions: DocResolutionsTable;
  doc_resolution_executors: DocResolutionExecutorsTable;
  doc_resolution_events: DocResolutionEventsTable;
  doc_nomenclature: DocNomenclatureTable;
}
