// The content-addressed file store's index: one row per distinct content (sha256),
// whatever case or document refers to it. Global: the same bytes are stored once.
export interface StoredFilesTable {
  sha256: string;
  size: number;
  mime: string;
  created_at: string;
}
