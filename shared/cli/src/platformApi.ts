import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { apiRequest, type ApiAnswer, type ApiRequest } from './apiRequest.js';

export interface PlatformApi {
  baseUrl: string;
  /** Calls a route; resolves with the JSON answer, or prints the error's code and message and exits 1 */
  call(method: string, route: string, body?: unknown): Promise<unknown>;
  /** Calls a route and resolves with whatever it answered, errors included, for callers that retry */
  request: ApiRequest;
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
  const request = apiRequest(baseUrl, apiKey);
  return {
    baseUrl,
    request,
    async call(method, route, body) {
      const answer: ApiAnswer = await request(method, route, body);
      const error = answer.body as { code?: string; message?: string };
      if (answer.status >= 400) exitWith(`${answer.status} ${error.code}: ${error.message}`);
      return answer.body;
    },
  };
}

/** Prints a message for the user and ends the command with status 1. */
export function exitWith(message: string): never {
  console.error(message);
  process.exit(1);
}
