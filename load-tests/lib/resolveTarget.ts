import { readFile } from 'node:fs/promises';
import path from 'node:path';

export class LoadTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LoadTargetError';
  }
}

/** True for names and addresses of this machine only: localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * The `--target` a user named: an http(s) base URL without a trailing slash, and whether it is this
 * machine. Load goes elsewhere than loopback only through this explicit flag.
 *
 * @example
 * parseTarget('https://abc.execute-api.eu-west-1.amazonaws.com/'); // { url: 'https://abc…amazonaws.com', loopback: false }
 */
export function parseTarget(text: string): { url: string; loopback: boolean } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new LoadTargetError(
      `--target must be a URL such as https://api.example.com or http://127.0.0.1:3000, not "${text}"`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new LoadTargetError(`--target must be http or https, not ${url.protocol}`);
  return { url: url.href.replace(/\/+$/, ''), loopback: isLoopbackHost(url.hostname) };
}

/**
 * The API key for a `--target`: `--api-key`, else SDP_API_KEY, else, for a loopback target only, the
 * key a running `npm start` keeps in `<dataDir>/api-key`.
 */
export async function resolveApiKey(options: {
  flag?: string;
  env?: string;
  loopback: boolean;
  dataDir: string;
}): Promise<string> {
  const given = options.flag ?? options.env;
  if (given) return given.trim();
  if (options.loopback) {
    const saved = await readFile(path.join(options.dataDir, 'api-key'), 'utf8').catch(() => '');
    if (saved.trim()) return saved.trim();
  }
  throw new LoadTargetError(
    `the target needs an API key: pass --api-key <key> or set SDP_API_KEY${options.loopback ? `, or start the platform with npm start (it keeps one in ${path.join(options.dataDir, 'api-key')})` : ''}`,
  );
}
