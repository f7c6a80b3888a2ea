import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { openDynamoDb } from '@sdp/shared-cli';
import { dynamoDbApiKeysTable, parseApiKey } from '@sdp/shared-http';
import { isLoopback, listeningSocketsOf } from './support/listeningSockets.js';
import { repositoryRoot, testDataRoot } from './support/startTestCloud.js';

/** What the local cloud logs when a stream trigger's batch fails, is given up on, or meets a stopped emulator. */
const FAILURE_LINE = /batch failed|dropping failed batch|shard read failed|ECONNREFUSED|did not start/;
const DEMO_SECONDS = 8;
/** The line `npm start` prints for the dashboard, with the key the page reads from the address. */
const DASHBOARD_LINE = /^\s*site\s+\S+\/dashboard\/#key=(\S*)/;

/*
 * `npm start` as a user runs it on a first start: the whole platform, three hours of imported demo
 * history with both models trained on it, then the live demo traffic, then Ctrl-C, which a terminal
 * sends as SIGINT to the whole foreground process group (npm, its shell, Node). Triggers stop first,
 * then functions, the gateway and the emulators, so nothing still running meets a stopped emulator.
 * One platform for both tests: the first looks at it running, the second stops it.
 */
describe('npm start, with demo traffic, and Ctrl-C', () => {
  let dataDir: string;
  let child: ChildProcess;
  let exited: Promise<string>;
  const lines: string[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(testDataRoot(), 'sdp-start-'));
    child = spawn(
      'npm',
      ['start', '--', '--data-dir', dataDir, '--port', '0', '--kinesis-port', '0', '--dynamodb-port', '0'],
      {
        cwd: repositoryRoot,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NODE_NO_WARNINGS: '1' },
      },
    );
    let demoStarted: () => void = () => undefined;
    const demo = new Promise<void>((resolve) => (demoStarted = resolve));
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        lines.push(line);
        if (line.startsWith('Demo traffic:')) demoStarted();
      }
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    // npm passes a Ctrl-C on by ending on SIGINT itself once its script has exited.
    exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)));
    await Promise.race([demo, exited]);
    // A first start imports three hours of history and trains both models before the live traffic.
  }, 480_000);

  afterAll(async () => {
    // Whatever is left of the process group (nothing, when the stop was clean).
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // ESRCH: the group is gone.
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('listens on loopback only, refuses browsers at the emulators, keeps its keys to its user, and links the dashboard with a read-only key', async () => {
    // Prepare
    const endpoints = JSON.parse(await readFile(path.join(dataDir, 'endpoints.json'), 'utf8')) as Record<
      string,
      string
    >;
    const reportedPorts = ['gateway', 'kinesis', 'dynamoDb', 'sageMaker', 'lambda'].map((name) =>
      Number(new URL(endpoints[name]!).port),
    );
    const dashboardKey = lines.map((line) => DASHBOARD_LINE.exec(line)?.[1]).find((key) => key !== undefined) ?? '';

    // Act
    const listening = await listeningSocketsOf(child.pid!);
    const browserAnswers = {
      kinesis: await preflight(endpoints.kinesis!),
      dynamoDb: await preflight(endpoints.dynamoDb!),
    };
    const { client } = await openDynamoDb({ dataDir });
    const dashboardKeyRecord = await dynamoDbApiKeysTable(client, 'sdp-access-local-api-keys').get(
      parseApiKey(dashboardKey)?.keyId ?? '-',
    );
    client.destroy();

    // Assess
    expect({
      beyondLoopback: listening.filter((socket) => !isLoopback(socket.address)),
      reportedPortsNotListening: reportedPorts.filter((port) => !listening.some((socket) => socket.port === port)),
      dynamoDbLocalListening: listening.some((socket) => socket.command === 'java'),
      browserAnswers,
      fileModes: {
        endpoints: await modeOf(path.join(dataDir, 'endpoints.json')),
        apiKey: await modeOf(path.join(dataDir, 'api-key')),
        dashboardApiKey: await modeOf(path.join(dataDir, 'dashboard-api-key')),
      },
      dashboardKeyScopes: dashboardKeyRecord?.scopes,
    }).toStrictEqual({
      beyondLoopback: [],
      reportedPortsNotListening: [],
      dynamoDbLocalListening: true,
      browserAnswers: { kinesis: { status: 403, allowOrigin: null }, dynamoDb: { status: 403, allowOrigin: null } },
      fileModes: { endpoints: '600', apiKey: '600', dashboardApiKey: '600' },
      // What the dashboard reads: reports (report) and the lake's saved queries (query); it writes nothing.
      dashboardKeyScopes: ['query', 'report'],
    });
  });

  it('has hours of data, a live bid-win model answering predictions, a live demand model and a moved price once the live traffic runs', async () => {
    // Prepare
    const endpoints = JSON.parse(await readFile(path.join(dataDir, 'endpoints.json'), 'utf8')) as Record<
      string,
      string
    >;
    const api = async (route: string, init: RequestInit = {}) => {
      const response = await fetch(`${endpoints.gateway}${route}`, {
        ...init,
        headers: { 'x-api-key': endpoints.apiKey!, 'content-type': 'application/json' },
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

    // Act: what the history brought, then the price moves the live traffic causes (polled for up to a minute).
    const summary = lines.find((line) => /^\s+[\d,]+ events imported/.test(line));
    const olderCampaigns = await api(`/reports/campaigns?from=${hoursAgo(3)}&to=${hoursAgo(2)}&limit=100`);
    const models = await Promise.all(['bid-win', 'demand'].map((model) => api(`/models?model=${model}`)));
    const prediction = await api('/predictions', {
      method: 'POST',
      body: JSON.stringify({
        campaignItemId: '1463517',
        domain: 'news.example.com',
        creativeId: 'creative-0-0',
        creativeCategory: 'travel',
        winPrice: 700,
      }),
    });
    let moved: string[] = [];
    for (const deadline = Date.now() + 60_000; moved.length === 0 && Date.now() < deadline;) {
      const histories = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          api(`/products/sku-${String(i + 1).padStart(3, '0')}/price-history?limit=1`),
        ),
      );
      moved = histories.flatMap(({ body }) =>
        (body.changes as unknown[]).length > 0 ? [String(body.product_id)] : [],
      );
      if (moved.length === 0) await new Promise((resolve) => setTimeout(resolve, 2_000));
    }

    // Assess
    expect(summary).toBeDefined();
    expect((olderCampaigns.body.campaigns as unknown[]).length).toBeGreaterThan(10);
    expect(models.map(({ body }) => typeof body.live_version)).toStrictEqual(['string', 'string']);
    expect(prediction).toMatchObject({ status: 200, body: { model_version: models[0]!.body.live_version } });
    expect(moved.length).toBeGreaterThan(0);
  }, 120_000);

  it('serves demo traffic, and stops cleanly: no failed batch logged, no process left behind', async () => {
    // Prepare
    await new Promise((resolve) => setTimeout(resolve, DEMO_SECONDS * 1000));

    // Act
    process.kill(-child.pid!, 'SIGINT');
    const ended = await exited;

    // Assess
    const stopped = lines.includes('Stopped.');
    const leftovers = await processesNaming(dataDir);
    expect({
      ended: ['SIGINT', 'exit 0'].includes(ended),
      stopped,
      failures: lines.filter((line) => FAILURE_LINE.test(line)),
      leftovers,
      lastLines: stopped ? [] : lines.slice(-25),
    }).toStrictEqual({
      ended: true,
      stopped: true,
      failures: [],
      leftovers: [],
      lastLines: [],
    });
    expect(lines.some((line) => /^Local cloud up in [\d.]+ s/.test(line))).toBe(true);
  }, 120_000);
});

/** What an emulator answers a web page's CORS preflight: a browser sends the request only on a 2xx that allows its origin. */
async function preflight(endpoint: string): Promise<{ status: number; allowOrigin: string | null }> {
  const response = await fetch(endpoint, {
    method: 'OPTIONS',
    headers: {
      origin: 'http://web-page.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-amz-target',
    },
  });
  await response.arrayBuffer();
  return { status: response.status, allowOrigin: response.headers.get('access-control-allow-origin') };
}

/** A file's permission bits in octal (`'600'`), or `'missing'`. */
async function modeOf(file: string): Promise<string> {
  return stat(file).then(
    (stats) => (stats.mode & 0o777).toString(8),
    () => 'missing',
  );
}

/** The command lines of the processes still running that name `text` (DynamoDB Local names its data directory). */
async function processesNaming(text: string): Promise<string[]> {
  // Linux tells through /proc; elsewhere there is nothing to read, and nothing is reported.
  const pids = await readdir('/proc').catch(() => [] as string[]);
  const commands = await Promise.all(
    pids.filter((name) => /^\d+$/.test(name)).map((pid) => readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')),
  );
  return commands.map((command) => command.replaceAll('\0', ' ').trim()).filter((command) => command.includes(text));
}
