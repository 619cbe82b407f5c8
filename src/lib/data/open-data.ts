import { SupabaseSession, tabSession } from '../accounts/session';
import { createCitygridData } from './citygrid-data';
import { DEVICE_HEADER, deviceId } from './device-id';
import type { SqlDatabase } from './sql-transport';
import type { CitygridData } from './types';

export interface DataConfig {
  supabaseUrl?: string;
  supabaseAnonKey?: string;
  baseUrl: string;
}

export function configFromEnv(): DataConfig {
  return {
    supabaseUrl: import.meta.env.VITE_SUPABASE_URL || undefined,
    supabaseAnonKey: import.meta.env.VITE_SUPABASE_ANON_KEY || undefined,
    baseUrl: import.meta.env.BASE_URL,
  };
}

const embeddedDatabases = new WeakMap<CitygridData, Promise<SqlDatabase>>();

/** The embedded database behind `data` (none on Supabase), for the demo feed that writes to it as the service role. */
export const embeddedDatabaseOf = (data: CitygridData): Promise<SqlDatabase> | undefined => embeddedDatabases.get(data);

/**
 * Supabase when a project is configured, otherwise the embedded PGlite
 * database, started once `startAfter` settles (at once without it). Each
 * backend's code loads only when chosen.
 */
export async function openData(config: DataConfig = configFromEnv(), startAfter?: Promise<void>): Promise<CitygridData> {
  if (config.supabaseUrl && config.supabaseAnonKey) {
    const [{ createClient }, { SupabaseTransport }] = await Promise.all([
      import('@supabase/supabase-js'),
      import('./supabase-transport'),
    ]);
    const client = createClient(config.supabaseUrl, config.supabaseAnonKey, {
      global: { headers: { [DEVICE_HEADER]: deviceId() } },
    });
    // Staff sign in with Supabase Auth; supabase-js sends the session's JWT with every call.
    return createCitygridData(new SupabaseTransport(client), new SupabaseSession(client.auth));
  }
  const [{ openEmbedded }, { SqlTransport }] = await Promise.all([import('./embedded/open-embedded'), import('./sql-transport')]);
  // The database starts in the background; calls wait for it, and the view paints meanwhile.
  const database = (startAfter ?? Promise.resolve()).then(() => openEmbedded(config.baseUrl));
  // For tools and benchmarks in the browser console: SQL on the embedded database, as its owner.
  Object.assign(globalThis, { citygridDatabase: database });
  const transport = new SqlTransport(database);
  transport.setDevice(deviceId());
  // Demo accounts: the database runs every call under the chosen account's claims.
  const data = createCitygridData(transport, tabSession(transport));
  embeddedDatabases.set(data, database);
  return data;
}
