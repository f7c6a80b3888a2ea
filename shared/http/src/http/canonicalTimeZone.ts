/**
 * The canonical name of an IANA time zone (`europe/paris` → `Europe/Paris`), or `undefined` when
 * the runtime does not know it.
 *
 * @example
 * canonicalTimeZone('utc') // 'UTC'
 * canonicalTimeZone('Mars/Olympus') // undefined
 */
export function canonicalTimeZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
