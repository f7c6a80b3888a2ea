/** What a route answered: its status, headers and JSON body, errors included. */
export interface ApiAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** Calls a route of the platform's API and resolves with whatever it answered. */
export type ApiRequest = (method: string, route: string, body?: unknown) => Promise<ApiAnswer>;

/**
 * A caller of the platform's API at `baseUrl` with `apiKey` (none: no key header), for callers that
 * look at every answer themselves (the command-line tools through `platformApi`, `importRows`, the
 * demo's history and the import benchmark). A body is sent as JSON.
 *
 * @example
 * const request = apiRequest('http://127.0.0.1:3000', key);
 * await request('POST', '/import', { rows }) // { status: 200, headers: Headers {…}, body: { accepted: 500, … } }
 */
export function apiRequest(baseUrl: string, apiKey: string | undefined): ApiRequest {
  return async (method, route, body) => {
    const response = await fetch(`${baseUrl}${route}`, {
      method,
      headers: {
        ...(apiKey ? { 'x-api-key': apiKey } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  };
}
