import { ensureSnapshot } from '../../scripts/db-snapshot';
import { preparePostgres } from './postgres';

/** Builds the PGlite snapshot once and, with DATABASE_URL, a migrated PostgreSQL test database. */
export default async function setup() {
  await ensureSnapshot();
  if (process.env.DATABASE_URL) await preparePostgres(process.env.DATABASE_URL);
}
