import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { validateProduct } from '@sdp/shared-contract';
import { demoCatalog } from '@sdp/catalog';
import { NAMESPACES } from './support/namespaces.js';
import { sharedTestCloud } from './support/sharedCloud.js';
import { CLOUD_START_TIMEOUT_MS, type TestCloud } from './support/testCloud.js';

const repositoryRoot = path.resolve(__dirname, '..');

// A request may wait for an instance of its function to start: seconds beside other suites on 2 cores.
jest.setTimeout(60_000);

async function catalog(cloud: TestCloud, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(
    path.join(repositoryRoot, 'node_modules/.bin/tsx'),
    ['services/catalog/scripts/catalog.ts', ...args, '--data-dir', cloud.dataDir],
    { cwd: repositoryRoot },
  );
  return stdout.trim();
}

/*
 * The shared cloud's catalog is this suite's (NAMESPACES.catalog): no other suite on it seeds the
 * demo catalog, so its first seed here writes every product and order.
 */
describe('the catalog through the local cloud', () => {
  let cloud: TestCloud;

  beforeAll(async () => {
    cloud = await sharedTestCloud();
  }, CLOUD_START_TIMEOUT_MS);

  afterAll(async () => {
    await cloud?.dispose();
  }, 60_000);

  it('seeds the demo catalog and orders once, and serves each product with its price and bounds', async () => {
    // Act
    const first = await catalog(cloud, 'seed');
    const again = await catalog(cloud, 'seed');
    const response = await cloud.fetch('/products/sku-007');
    const product = (await response.json()) as Record<string, unknown>;

    // Assess
    expect(first).toBe('Catalog: 40 new of 40 products (sku-001 … sku-040), 200 new of 200 orders.');
    expect(again).toBe('Catalog: 0 new of 40 products (sku-001 … sku-040), 0 new of 200 orders.');
    expect(response.status).toBe(200);
    expect(validateProduct(product)).toBe(true);
    const {
      updated_at: _updated,
      price_updated_at: _priced,
      ...expected
    } = demoCatalog({ count: 40, seed: 1, now: new Date() })[6]!;
    expect(product).toMatchObject(expected);
  }, 120_000);

  it('answers 404 for a product it does not have and 400 for an id that cannot be one', async () => {
    // Act
    const missing = await cloud.fetch(`/products/${NAMESPACES.catalog.unknownProduct}`);
    const invalid = await cloud.fetch('/products/a%20b');

    // Assess
    expect([missing.status, ((await missing.json()) as { code: string }).code]).toStrictEqual([404, 'not_found']);
    expect([invalid.status, ((await invalid.json()) as { code: string }).code]).toStrictEqual([400, 'invalid_request']);
  });
});
