// The content-addressed file store's index: one row per distinct content (sha256),
// whatever case or document refers to it. Global: the same bytes are stored once.
export interface StoredFilesTable {
  sha256: string;
  size: number;
  mime: string;
  /** When these bytes were last stored (storing the same content again renews it): the sweep spares a day's worth. */
  created_at: string;
}
