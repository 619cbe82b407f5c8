/**
 * PGlite runs one session and does not apply the database-level search_path
 * the first migration sets, so each embedded session sets it itself.
 */
export const SEARCH_PATH = 'set search_path = public, extensions';
