/**
 * Runs a local cloud for another Node process that forked this one with an IPC channel (tests that
 * share one cloud, benchmarks), and tells it where everything is:
 *
 *   fork(require.resolve('@sdp/local-cloud/host'), [JSON.stringify({ root, dataDir, hooks: { module: '/abs/hooks.ts', exportName: 'hooks' } })], { execArgv: ['--import', 'tsx'] })
 *
 * The argument is the JSON of {@link HostOptions}. Once the cloud is up, the parent gets
 * `{ ready: LocalCloudDescription & { controlUrl } }` (or `{ failed: message }`); the cloud stops
 * when the parent sends `{ stop: true }` or goes away, and the process then exits.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HostMessage, HostOptions } from '../control/hostTypes.js';
import { startControlServer, type ControlServer, type LocalCloudDescription } from '../control/startControlServer.js';
import { startLocalCloud, type LocalCloud, type LocalCloudHooks } from '../startLocalCloud.js';

const send = (message: HostMessage): void => {
  if (process.connected) process.send!(message);
};

const starting = start();
let stopping: Promise<void> | undefined;
const stop = (): Promise<void> =>
  (stopping ??= (async () => {
    const running = await starting;
    await running?.control.close();
    await running?.cloud.stop();
    if (process.connected) process.disconnect();
  })());

process.on('message', (message: { stop?: boolean }) => void (message.stop && stop()));
// The parent died: do not outlive it.
process.on('disconnect', () => void stop());

const running = await starting;
if (running && !stopping) send({ ready: { ...(await describe(running.control)), controlUrl: running.control.url } });

async function start(): Promise<{ cloud: LocalCloud; control: ControlServer } | undefined> {
  try {
    const { hooks, ...options } = JSON.parse(process.argv[2] ?? '') as HostOptions;
    const cloud = await startLocalCloud({
      ...options,
      ...(hooks ? { hooks: await importHooks(hooks) } : {}),
      log: (message) => console.log(message),
    });
    return { cloud, control: await startControlServer(cloud) };
  } catch (error) {
    send({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exitCode = 1;
    if (process.connected) process.disconnect();
    return undefined;
  }
}

async function describe(control: ControlServer): Promise<LocalCloudDescription> {
  return (await (await fetch(`${control.url}/`)).json()) as LocalCloudDescription;
}

async function importHooks({
  module,
  exportName = 'hooks',
}: NonNullable<HostOptions['hooks']>): Promise<LocalCloudHooks> {
  const exports = (await import(path.isAbsolute(module) ? pathToFileURL(module).href : module)) as Record<
    string,
    unknown
  >;
  const hooks = exports[exportName];
  if (typeof hooks !== 'object' || hooks === null) throw new Error(`${module} exports no hooks named ${exportName}`);
  return hooks as LocalCloudHooks;
}
