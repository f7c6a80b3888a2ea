/**
 * `npm start`: the whole platform on the local cloud (startPlatformCloud), with demo traffic.
 *
 *   npm start                      # gateway on http://localhost:3000, demo traffic on
 *   npm start -- --no-demo         # no demo traffic
 *   npm start -- --no-history      # on a first start, no 3 hours of imported demo history either
 *   npm start -- --rate 50         # demo transactions per second (default 20)
 *   npm start -- --shop-rate 1     # demo shop visits per second (default 0.25; POST /clickstream)
 *   npm start -- --reset           # forget streams, tables and checkpoints first
 *   PORT=8080 npm start            # another port
 *   npm start -- --kinesis-port 4567 --dynamodb-port 8000   # emulator ports (these are the defaults; 0 for any free one)
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  formatStatusLine,
  LocalCloudError,
  localDynamoDbClient,
  sampleStatus,
  type StatusSample,
} from '@sdp/local-cloud';
import { DEMO_SHOP_VISITS_PER_SECOND, importDemoHistory } from './demo/importDemoHistory.js';
import { seedDemoCatalog } from './demo/seedDemoCatalog.js';
import { startDemoTraffic, type DemoTraffic } from './demo/startDemoTraffic.js';
import { repositoryRoot, startPlatformCloud } from './startPlatformCloud.js';

// The AWS SDK warns on every start that it will want Node 22 from 2027; it changes nothing here.
process.removeAllListeners('warning').on('warning', (warning) => {
  if (!warning.message.includes('NodeVersionSupportWarning')) console.warn(warning);
});

const { values } = parseArgs({
  options: {
    demo: { type: 'boolean', default: true },
    'no-demo': { type: 'boolean', default: false },
    history: { type: 'boolean', default: true },
    'no-history': { type: 'boolean', default: false },
    rate: { type: 'string', default: '20' },
    'shop-rate': { type: 'string', default: String(DEMO_SHOP_VISITS_PER_SECOND) },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    'data-dir': { type: 'string' },
    'kinesis-port': { type: 'string', default: process.env.KINESIS_PORT ?? '4567' },
    'dynamodb-port': { type: 'string', default: process.env.DYNAMODB_PORT ?? '8000' },
    reset: { type: 'boolean', default: false },
    meter: { type: 'boolean', default: false },
  },
});

/** How long the newest trending product has been trending when the live demo traffic starts (of its 40 minutes). */
const DEMO_TREND_LEAD_MS = 10 * 60_000;

const dataDir = path.resolve(values['data-dir'] ?? path.join(repositoryRoot, '.data', 'local'));
const started = Date.now();
let stopping = false;

if (values.reset) await rm(dataDir, { recursive: true, force: true });
// A first start (no data yet) gets hours of demo history, so that reports, models and prices work at once.
const firstStart = (await readdir(dataDir).catch(() => [])).length === 0;
const demoOn = values.demo && !values['no-demo'];
const historyOn = demoOn && firstStart && values.history && !values['no-history'];

let cloud;
try {
  cloud = await startPlatformCloud({
    dataDir,
    port: Number(values.port),
    // 0: any free port.
    ...(Number(values['kinesis-port']) > 0 ? { kinesisPort: Number(values['kinesis-port']) } : {}),
    ...(Number(values['dynamodb-port']) > 0 ? { dynamoDbPort: Number(values['dynamodb-port']) } : {}),
    meterRequests: values.meter,
    log: (message) => console.log(`  ${message}`),
  });
} catch (error) {
  console.error(error instanceof LocalCloudError ? `\n${error.message}\n` : error);
  process.exit(1);
}

// Ctrl-C stops everything cleanly at any point, the history import included.
let demo: DemoTraffic | undefined = undefined;
let statusTimer: NodeJS.Timeout | undefined = undefined;
const shutdown = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  clearInterval(statusTimer);
  console.log('\nStopping…');
  await demo?.stop();
  await cloud.stop();
  console.log('Stopped.');
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());

console.log(`\nLocal cloud up in ${((Date.now() - started) / 1000).toFixed(1)} s: ${cloud.url}`);
for (const fn of cloud.project.functions) {
  for (const route of fn.routes) console.log(`  ${route.method.padEnd(5)} ${cloud.url}${route.path}  → ${fn.name}`);
}
// The sites' links carry the read-only key: a link ends up in browser history and screen shares.
for (const site of cloud.project.staticSites)
  console.log(`  site  ${cloud.url}${site.path}/#key=${cloud.dashboardApiKey}  → ${site.service}`);
console.log(
  `  Site key (read only: report, query; also in ${path.relative(process.cwd(), dataDir)}/dashboard-api-key)`,
);
console.log(`  API key (every scope, also in ${path.relative(process.cwd(), dataDir)}/api-key): ${cloud.apiKey}`);
console.log(`  curl -H 'x-api-key: ${cloud.apiKey}' ${cloud.url}/reports/campaigns`);
console.log(
  `  Kinesis ${cloud.kinesisEndpoint}   DynamoDB ${cloud.dynamoDbEndpoint}   SageMaker ${cloud.sageMakerEndpoint}   data ${path.relative(process.cwd(), dataDir)}/`,
);

if (demoOn) {
  const seeded = await seedDemoCatalog(localDynamoDbClient(cloud.dynamoDbEndpoint));
  console.log(
    `  Demo catalog: ${seeded.products} new products, ${seeded.orders} new orders (curl -H 'x-api-key: …' ${cloud.url}/products/sku-001)`,
  );
}
// The shop's trends are timed so that one product has been trending for a few minutes when the live traffic starts.
const trendAnchorMs = Date.now() - DEMO_TREND_LEAD_MS;
if (historyOn) {
  const history = await importDemoHistory(cloud, {
    visitsPerSecond: Number(values['shop-rate']),
    trendAnchorMs,
    log: (line) => console.log(line),
  });
  const rejected = Object.values(history.summary.rejectedBy).reduce((sum, count) => sum + count, 0);
  console.log(
    `  ${history.summary.accepted.toLocaleString('en')} events imported${rejected ? ` (${rejected} rejected)` : ''}, counted ${(history.countedMs / 1000).toFixed(1)} s after the import began`,
  );
  for (const [name, outcome] of [
    ['Bid-win model', history.bidModel],
    ['Demand model', history.demandModel],
  ] as const)
    console.log(
      `  ${name}: ${outcome.status === 'trained' ? `${outcome.version} ${outcome.promotion ?? outcome.decision}` : outcome.status}: ${outcome.reason}`,
    );
}
demo = demoOn
  ? startDemoTraffic(cloud.url, cloud.apiKey, Number(values.rate), Number(values['shop-rate']), trendAnchorMs)
  : undefined;
console.log(
  demo
    ? `Demo traffic: ${values.rate} ad transactions/s and ${values['shop-rate']} shop visits/s (--no-demo to turn off). Ctrl-C to stop.\n`
    : 'Ctrl-C to stop.\n',
);
console.log(`Ready ${((Date.now() - started) / 1000).toFixed(1)} s after start.`);

let previous: StatusSample = await sampleStatus(cloud);
statusTimer = setInterval(() => {
  void sampleStatus(cloud).then((current) => {
    const line = formatStatusLine(previous, current);
    previous = current;
    if (stopping) return;
    if (process.stdout.isTTY) process.stdout.write(`\r${line}\u001b[K`);
    else if (Math.floor(current.at / 1000) % 10 === 0) console.log(line);
  });
}, 1000);
