import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The project's pinned Serverless Framework v3 executable: the nearest `node_modules/.bin/serverless`
 * at or above `root` (a fixture project inside the repository uses the repository's).
 */
export function serverlessBin(root: string): string {
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules/.bin/serverless');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir)
      throw new Error(`No node_modules/.bin/serverless at or above ${root}; run npm install`);
  }
}

/** Environment for running it quietly: no telemetry, no notifications, no deprecation banners. */
export const SERVERLESS_ENV = {
  SLS_TELEMETRY_DISABLED: '1',
  SLS_NOTIFICATIONS_MODE: 'off',
  SLS_DEPRECATION_DISABLE: '*',
};
