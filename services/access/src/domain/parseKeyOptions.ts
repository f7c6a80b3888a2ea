import { API_SCOPES, type ApiScope } from '@sdp/shared-http';

/**
 * Scopes from a comma list such as `ingest,report`; throws with the accepted names otherwise.
 *
 * @example
 * parseScopes('ingest, report') // ['ingest', 'report']
 */
export function parseScopes(text: string): ApiScope[] {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(API_SCOPES as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(`Scopes are a comma list of ${API_SCOPES.join(', ')}; got ${JSON.stringify(text)}.`);
  }
  return names as ApiScope[];
}

/** A tenant name: 1 to 64 letters, digits, '.', '_' or '-'. */
export function parseTenant(text: string | undefined): string {
  if (!text || !/^[A-Za-z0-9._-]{1,64}$/.test(text))
    throw new Error(`--tenant must be 1 to 64 letters, digits, '.', '_' or '-'; got ${JSON.stringify(text ?? '')}.`);
  return text;
}

/** A positive whole number option, e.g. `--rate 200`. */
export function parsePositiveInteger(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a whole number ≥ 1; got ${JSON.stringify(text)}.`);
  return value;
}
