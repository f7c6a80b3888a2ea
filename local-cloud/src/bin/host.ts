/**
 * Runs a local cloud for another Node process that forked this one with an IPC channel (tests that
 * share one cloud, benchmarks), and tells it where everything is:
 *
 *   fork('local-cloud/src/bin/host.ts', [JSON.stringify({ root, dataDir, paramOverrides })], { execArgv: ['--import', 'tsx'] })
 *
 * The argument is the JSON of {@link LocalCloudOptions} (without `log`). Once the cloud is up, the
 * parent gets `{ ready: LocalCloudDescription & { controlUrl } }` (or `{ failed: message }`); the cloud
 * stops when the parent sends `{ stop: true }` or goes away, and the process then exits.
 */
import { startControlServer, type ControlServer, type LocalCloudDescription } from '../control/startControlServer.js';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../startLocalCloud.js';

export type HostMessage = { ready: LocalCloudDescription & { controlUrl: string } } | { failed: string };

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
    const options = JSON.parse(process.argv[2] ?? '') as LocalCloudOptions;
    const cloud = await startLocalCloud({ ...options, log: (message) => console.log(message) });
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
