/** Describes the prebuilt embedded database in public/db/manifest.json. */
export interface SnapshotManifest {
  hash: string;
  file: string;
  bytes: number;
  buildSeconds: number;
}
