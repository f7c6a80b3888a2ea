import { parseDashboardConfig } from '../domain/parseDashboardConfig.js';
import type { DashboardConfig } from '../domain/types.js';

/**
 * Reads `config.json` next to the page. None there (404, as locally) means every API is on the
 * page's own origin; a config that is there but wrong throws, rather than guessing.
 */
export async function loadConfig(): Promise<DashboardConfig> {
  const response = await fetch('config.json', { cache: 'no-store' });
  if (response.status === 404) return {};
  if (!response.ok)
    throw new Error(
      `config.json answered ${response.status}; upload one next to the page (see services/dashboard/README.md).`,
    );
  return parseDashboardConfig(await response.json());
}
