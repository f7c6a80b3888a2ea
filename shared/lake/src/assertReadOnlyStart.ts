import { QueryNotAllowedError } from './errors.js';

/** Statements that change data, schema, settings or files; anything else goes on to the engine. */
const WRITE_KEYWORDS = new Set(
  (
    'insert update delete merge upsert replace truncate create drop alter rename copy export import attach detach ' +
    'install load set reset pragma call checkpoint vacuum use grant revoke begin commit rollback abort prepare execute ' +
    'deallocate comment msck unload optimize'
  ).split(' '),
);

/**
 * Refuses a statement that starts (after comments and opening parentheses) with a keyword that writes
 * or administers, before any engine parses or binds it: `INSERT INTO a_view …` must be reported as a
 * write, not as a binder error. The engine's own check of the statement type stays the real guard.
 *
 * @example
 * assertReadOnlyStart('/* top *\/ (SELECT 1)') // passes
 * assertReadOnlyStart('DELETE FROM bids')      // throws QueryNotAllowedError
 */
export function assertReadOnlyStart(sql: string): void {
  const start = sql.replace(/^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/|\()*/, '');
  const keyword = /^[A-Za-z]+/.exec(start)?.[0].toLowerCase();
  if (keyword && WRITE_KEYWORDS.has(keyword))
    throw new QueryNotAllowedError(`The statement starts with '${keyword.toUpperCase()}'.`);
}
