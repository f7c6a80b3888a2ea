/**
 * `npm run catalog`: the shop's product catalog and orders.
 *
 *   npm run catalog -- seed [--products 40] [--orders 200] [--seed 1]   # the demo catalog and orders; existing ones are kept
 *   npm run catalog -- show <product id>
 *
 * Targets the local cloud's tables (DynamoDB Local from .data/local/endpoints.json) unless given
 * `--stage <stage>`: then the deployed tables `sdp-catalog-<stage>-products` and `-orders` with the
 * usual AWS credentials and region. Seeding never overwrites a product, so prices that dynamic
 * pricing changed stay.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDynamoDb } from '@sdp/shared-cli';
import { dynamoDbOrdersTable, dynamoDbProductsTable } from '../src/adapters/catalogTables.js';
import { demoCatalog, demoOrders } from '../src/domain/demoCatalog.js';

const root = path.resolve(import.meta.dirname, '../../..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    products: { type: 'string', default: '40' },
    orders: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    stage: { type: 'string' },
    region: { type: 'string' },
    'data-dir': { type: 'string', default: path.join(root, '.data', 'local') },
  },
});
const [command, productId] = positionals;

try {
  const { client, stage } = await openDynamoDb({
    stage: values.stage,
    region: values.region,
    dataDir: values['data-dir'],
  });
  const products = dynamoDbProductsTable(client, `sdp-catalog-${stage}-products`);
  if (command === 'seed') {
    const count = wholeNumber('products', values.products, 1, 999);
    const orderCount = wholeNumber('orders', values.orders, 0, 100_000);
    const seed = wholeNumber('seed', values.seed, 0, 2 ** 31);
    const now = new Date();
    const catalog = demoCatalog({ count, seed, now });
    const newProducts = await products.createMissing(catalog);
    const newOrders = await dynamoDbOrdersTable(client, `sdp-catalog-${stage}-orders`).createMissing(
      demoOrders(catalog, { count: orderCount, seed: seed + 1, now }),
    );
    console.log(
      `Catalog: ${newProducts} new of ${count} products (${catalog[0]!.product_id} … ${catalog.at(-1)!.product_id}), ${newOrders} new of ${orderCount} orders.`,
    );
  } else if (command === 'show' && productId) {
    const product = await products.get(productId);
    if (!product)
      throw new Error(`There is no product '${productId}'; npm run catalog -- seed writes the demo catalog.`);
    console.log(JSON.stringify(product, null, 2));
  } else {
    throw new Error(
      'usage: npm run catalog -- seed [--products 40] [--orders 200] [--seed 1] | show <product id>  [--stage <stage>]',
    );
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}

function wholeNumber(name: string, value: string | undefined, min: number, max: number): number {
  const number = /^\d{1,10}$/.test(value ?? '') ? Number(value) : Number.NaN;
  if (number >= min && number <= max) return number;
  throw new Error(`--${name} must be a whole number from ${min} to ${max}; got '${value}'.`);
}
