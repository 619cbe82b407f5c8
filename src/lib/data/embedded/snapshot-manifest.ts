/** Describes the prebuilt embedded database in public/db/manifest.json. */
export interface SnapshotManifest {
  hash: string;
  /** The PGlite data directory, gzip-compressed. */
  file: string;
  bytes: number;
  /** The same data as a view snapshot (binary case columns), painted before the database starts. */
  view: string;
  viewBytes: number;
  buildSeconds: number;
}
