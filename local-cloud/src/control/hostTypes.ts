import type { LocalCloudOptions } from '../startLocalCloud.js';
import type { LocalCloudDescription } from './startControlServer.js';

/**
 * What `bin/host.ts` is given, as JSON in its first argument: the cloud's options, with the hooks
 * named by the module that exports them, since functions do not cross a process boundary.
 */
export type HostOptions = Omit<LocalCloudOptions, 'hooks' | 'log'> & {
  /** `module`: an absolute path or a package specifier; `exportName`: its export that holds the `LocalCloudHooks` (default `hooks`) */
  hooks?: { module: string; exportName?: string };
};

/** What `bin/host.ts` tells its parent once: where everything is, or why the cloud did not start. */
export type HostMessage = { ready: LocalCloudDescription & { controlUrl: string } } | { failed: string };
