import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud } from '../local-cloud/src/startLocalCloud.js';
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-probe-'));
console.log('dataDir', dataDir);
const cloud = await startLocalCloud({ root: '/work/main', dataDir, port: 0 });
try {
  for (const p of ['/reports/products/sku-never-seen', '/reports/products', '/reports/campaigns']) {
    const r = await fetch(cloud.url + p, { headers: { 'x-api-key': cloud.apiKey! } });
    console.log(p, r.status, (await r.text()).slice(0, 500));
  }
} finally {
  await cloud.stop();
}
