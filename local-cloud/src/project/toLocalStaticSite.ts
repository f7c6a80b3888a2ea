import path from 'node:path';
import { InvalidStaticSiteError } from '../errors.js';
import type { LocalStaticSite, PrintedService } from './types.js';

const SITE_PATH = /^(\/[\w.~-]+)+$/;

/**
 * The service's `custom.staticSite` with absolute paths, or undefined when it declares none.
 * Throws InvalidStaticSiteError when the declaration cannot be served.
 *
 * @example
 * toLocalStaticSite(config, '/repo/services/dashboard')
 * // { service: 'sdp-dashboard', path: '/dashboard', dir: '/repo/services/dashboard/public', entryPoints: [...] }
 */
export function toLocalStaticSite(config: PrintedService, serviceDir: string): LocalStaticSite | undefined {
  const settings = config.custom?.staticSite;
  if (settings === undefined) return undefined;
  const { path: sitePath, dir, entryPoints = [] } = settings;
  if (typeof sitePath !== 'string' || !SITE_PATH.test(sitePath)) {
    throw new InvalidStaticSiteError(
      config.service,
      `path must look like /dashboard (letters, digits, . _ ~ -; no trailing slash), not ${JSON.stringify(sitePath)}`,
    );
  }
  if (
    (dir !== undefined && typeof dir !== 'string') ||
    !Array.isArray(entryPoints) ||
    entryPoints.some((entry) => typeof entry !== 'string')
  ) {
    throw new InvalidStaticSiteError(config.service, 'dir must be a folder and entryPoints a list of files');
  }
  if (dir === undefined && entryPoints.length === 0) {
    throw new InvalidStaticSiteError(config.service, 'has neither dir nor entryPoints, so there is nothing to serve');
  }
  return {
    service: config.service,
    path: sitePath,
    ...(dir === undefined ? {} : { dir: path.resolve(serviceDir, dir) }),
    entryPoints: entryPoints.map((entry) => path.resolve(serviceDir, entry)),
  };
}
