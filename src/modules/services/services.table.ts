// The services subsystem: the catalogue (a service and its immutable versions), cases
// with their timeline and attachments, issued output documents, the Citizen Office
// queue, and the pre-aggregated performance figures. Every table is a tenant table.
import type { Generated } from 'kysely';

/** A service of one community's catalogue. What it asks and does lives in its versions. */
export interface ServiceDefinitionsTable {
  id: Generated<number>;
  community_id: number;
  /** Stable, URL-safe: "residence-certificate". Unique per community. */
  code: string;
  /** The shipped template it was created from (null: made from scratch). */
  template_code: string | null;
  /** Queue group at the front desk: certificates, permits, land, social, notary, reception, requests. */
  group_code: string;
  /** draft: not offered; published: in the catalogue; archived: no new cases. */
  status: 'draft' | 'published' | 'archived';
  /** The version new cases start with (the latest saved one). */
  current_version_id: number | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

/** One saved version of a service (ServiceSpec as JSON). Never updated; a case keeps its version. */
export interface ServiceVersionsTable {
  id: Generated<number>;
  community_id: number;
  service_id: number;
  version: number;
  /** JSON of ServiceSpec (spec.ts). */
  spec: string;
  created_at: string;
  created_by_user_id: number | null;
}

export type CaseChannel = 'online' | 'office';
export type FeeStatus = 'none' | 'due' | 'paid' | 'waived';

export interface CasesTable {
  id: Generated<number>;
  community_id: number;
  service_id: number;
  service_version_id: number;
  /** Registration number "2026/000123", set when the case is registered; per community per year. */
  reg_number: string | null;
  reg_year: number | null;
  reg_seq: number | null;
  /** A workflow state key of the case's service version ("draft", "submitted", "registered", …). */
  state: string;
  channel: CaseChannel;
  /** The citizen account that applied online, or that the desk found for the applicant. */
  applicant_user_id: number | null;
  applicant_kind: 'person' | 'organization';
  /** Public service number (10 digits) of a person applicant. */
  applicant_psn: string | null;
  /** Tax ID (8 digits) of an organization applicant. */
  applicant_tax_id: string | null;
  applicant_name: string;
  applicant_email: string | null;
  applicant_phone: string | null;
  /** Language the applicant is written to in: hy, en or ru. */
  applicant_locale: string;
  /** Office (settlement) where it was submitted or is served; null: online or the central office. */
  settlement_id: number | null;
  /** JSON object of form values keyed by field key. */
  form_data: string;
  fee_amount: number;
  fee_status: FeeStatus;
  assignee_user_id: number | null;
  department: string | null;
  submitted_at: string | null;
  registered_at: string | null;
  /** Decision deadline (YYYY-MM-DD), from registration, moved by pauses. */
  due_date: string | null;
  /** Deadline of the current state (time allowed per state), YYYY-MM-DD. */
  state_due_date: string | null;
  state_entered_at: string;
  /** When the clock was paused (a request for more information); null while running. */
  paused_at: string | null;
  decided_at: string | null;
  delivered_at: string | null;
  decision: 'approved' | 'rejected' | null;
  decision_reason: string | null;
  /** JSON { fields: string[], documents: string[], message: string } while information is requested. */
  info_request: string | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: string | null;
  escalated_at: string | null;
  /** Optimistic concurrency: every change bumps it; a change with a stale version is refused. */
  version: number;
  created_at: string;
  updated_at: string;
}

export type CaseEventKind =
  | 'created' | 'submitted' | 'registered' | 'assigned' | 'info_requested' | 'resumed' | 'moved'
  | 'approved' | 'rejected' | 'delivered' | 'withdrawn' | 'comment' | 'message' | 'attachment'
  | 'fee' | 'escalated' | 'rated' | 'document_issued';

/** The timeline. `public` events are shown to the applicant; comments are internal. */
export interface CaseEventsTable {
  id: Generated<number>;
  community_id: number;
  case_id: number;
  at: string;
  kind: CaseEventKind;
  public: number;
  actor_user_id: number | null;
  actor_label: string;
  from_state: string | null;
  to_state: string | null;
  body: string | null;
  /** JSON details (assignee, requested fields, …). */
  data: string | null;
}

/** A file attached to a case; the bytes live in the content-addressed file store. */
export interface CaseAttachmentsTable {
  id: Generated<number>;
  community_id: number;
  case_id: number;
  /** Which required document of the service it answers (null: any other file). */
  document_key: string | null;
  sha256: string;
  filename: string;
  mime: string;
  size: number;
  /** 1 when the applicant may see it (their uploads and output documents). */
  public: number;
  uploaded_by_user_id: number | null;
  uploaded_at: string;
}

/** An output document with a short verification code (/verify/{code}). */
export interface IssuedDocumentsTable {
  id: Generated<number>;
  community_id: number;
  case_id: number | null;
  /** Short code printed with the QR code; unique across the country. */
  code: string;
  /** residence_certificate, household_certificate, permit, decision_letter … */
  kind: string;
  /** Title as printed (in the document's language, the applicant's). */
  title: string;
  /** The subject as printed ("Արամ Պետրոսյան, ՀԾՀ …"), shown on /verify. */
  subject: string;
  issuer_name: string;
  issued_at: string;
  sha256: string;
  status: 'valid' | 'revoked';
  revoked_at: string | null;
  revoke_reason: string | null;
}

/** A service window (operator desk) of an office; settlement_id null = the central office. */
export interface QueueWindowsTable {
  id: Generated<number>;
  community_id: number;
  settlement_id: number | null;
  /** Shown on the hall display: "1", "2", "Ա". */
  label: string;
  /** JSON array of the service group codes this window calls. */
  groups: string;
  operator_user_id: number | null;
  active: number;
  created_at: string;
}

export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show';

export interface QueueTicketsTable {
  id: Generated<number>;
  community_id: number;
  settlement_id: number | null;
  group_code: string;
  /** Day the ticket is for (YYYY-MM-DD, Yerevan time); numbers restart each day. */
  day: string;
  number: number;
  /** As printed and displayed: "Ա-012". */
  label: string;
  status: TicketStatus;
  window_id: number | null;
  operator_user_id: number | null;
  issued_at: string;
  called_at: string | null;
  served_at: string | null;
  done_at: string | null;
  case_id: number | null;
}

/** Pre-aggregated public performance per service (recomputed by a job, read by the public page). */
export interface ServiceStatsTable {
  id: Generated<number>;
  community_id: number;
  service_id: number;
  /** The twelve months up to the computation. */
  cases: number;
  decided: number;
  decided_on_time: number;
  /** Median calendar days from registration to decision; null with no decisions. */
  median_days: number | null;
  rating_count: number;
  rating_sum: number;
  computed_at: string;
}


/** The services module's tables, for the composed Database type (src/modules/types.ts). */
export interface ServicesTables {
  service_definitions: ServiceDefinitionsTable;
  service_versions: ServiceVersionsTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  case_attachments: CaseAttachmentsTable;
  issued_documents: IssuedDocumentsTable;
  queue_windows: QueueWindowsTable;
  queue_tickets: QueueTicketsTable;
  service_stats: ServiceStatsTable;
}
