import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface PlatformApi {
  baseUrl: string;
  /** Calls a route; resolves with the JSON answer, or prints the error's code and message and exits 1 */
  call(method: string, route: string, body?: unknown): Promise<unknown>;
}

/**
 * The running platform's API for the command-line tools (`npm run models`, `failed`, `reconcile`):
 * the local cloud's gateway and key from `<dataDir>/endpoints.json`, or `url` with the key in
 * `SDP_API_KEY`. Exits with a hint when there is neither.
 *
 * @example
 * const api = await platformApi({ dataDir: '.data/local' });
 * const { models } = await api.call('GET', '/models');
 */
export async function platformApi(options: { url?: string; dataDir: string }): Promise<PlatformApi> {
  const endpointsFile = path.join(options.dataDir, 'endpoints.json');
  const endpoints = JSON.parse(await readFile(endpointsFile, 'utf8').catch(() => '{}')) as {
    gateway?: string;
    apiKey?: string;
  };
  const baseUrl = options.url ?? endpoints.gateway;
  const apiKey = process.env.SDP_API_KEY ?? (options.url ? undefined : endpoints.apiKey);
  if (!baseUrl) exitWith('No platform found: start it with npm start, or pass --url https://… (and SDP_API_KEY).');
  return {
    baseUrl,
    async call(method, route, body) {
      const response = await fetch(`${baseUrl}${route}`, {
        method,
        headers: {
          ...(apiKey ? { 'x-api-key': apiKey } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const answer = (await response.json()) as { code?: string; message?: string };
      if (!response.ok) exitWith(`${response.status} ${answer.code}: ${answer.message}`);
      return answer;
    },
  };
}

/** Prints a message for the user and ends the command with status 1. */
export function exitWith(message: string): never {
  console.error(message);
  process.exit(1);
}
