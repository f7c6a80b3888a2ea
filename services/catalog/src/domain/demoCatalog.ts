import { seededRandom } from '@sdp/shared-runtime';
import type { Order, Product } from './types.js';

const BRANDS = ['Stride', 'Apex', 'Nimbus', 'Kestrel', 'Vela'];
const LINES: Record<string, { models: string[]; basePrice: number; material: string }> = {
  running: { models: ['Tempo', 'Pace', 'Glide', 'Sprint'], basePrice: 12_900, material: 'engineered mesh' },
  basketball: { models: ['Court', 'Dunk', 'Rebound'], basePrice: 14_900, material: 'leather' },
  lifestyle: { models: ['Classic', 'Retro', 'Street', 'Loft'], basePrice: 9_900, material: 'suede' },
  trail: { models: ['Ridge', 'Summit', 'Switchback'], basePrice: 13_900, material: 'ripstop' },
  skate: { models: ['Ollie', 'Grind'], basePrice: 7_900, material: 'canvas' },
};
const COLOURS = ['black', 'white', 'volt', 'navy', 'sand', 'crimson', 'forest'];

/** The demo catalog's product ids: `sku-001` … (the demo shop browses the same ids). */
export function demoProductId(n: number): string {
  return `sku-${String(n).padStart(3, '0')}`;
}

/**
 * A realistic demo sneaker catalog: `count` products `sku-001` …, each with a brand, a line
 * (running, basketball, lifestyle, trail, skate), colour, material and sizes, a price around its
 * line's (in cents, ending in 99) and pricing bounds at 70 % and 130 % of it. Seeded, so the same
 * call always gives the same catalog.
 *
 * @example
 * demoCatalog({ count: 40, seed: 1, now: new Date() })[0]
 * // { product_id: 'sku-001', name: 'Stride Tempo', brand: 'Stride', category: 'running', price_cents: 12999, currency: 'USD', ... }
 */
export function demoCatalog({ count, seed, now }: { count: number; seed: number; now: Date }): Product[] {
  const random = seededRandom(seed);
  const categories = Object.keys(LINES);
  return Array.from({ length: count }, (_, i) => {
    const category = categories[i % categories.length]!;
    const line = LINES[category]!;
    const brand = BRANDS[Math.floor(random() * BRANDS.length)]!;
    const model = line.models[Math.floor(random() * line.models.length)]!;
    const colour = COLOURS[Math.floor(random() * COLOURS.length)]!;
    const price = Math.round((line.basePrice * (0.8 + random() * 0.6)) / 100) * 100 - 1;
    return {
      product_id: demoProductId(i + 1),
      name: `${brand} ${model} ${colour}`,
      brand,
      category,
      attributes: { colour, material: line.material, sizes: '38-46' },
      price_cents: price,
      currency: 'USD',
      min_price_cents: Math.round(price * 0.7),
      max_price_cents: Math.round(price * 1.3),
      list_price_cents: price,
      price_updated_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
  });
}

/**
 * Demo orders of the demo shoppers (`shopper-0` … `shopper-299`) over the 30 days before `now`,
 * 1 to 3 catalog products each at their price. Seeded; order ids `order-00001` … .
 *
 * @example
 * demoOrders(catalog, { count: 200, seed: 2, now: new Date() })[0]
 * // { order_id: 'order-00001', user_id: 'shopper-17', ordered_at: '…', items: [{ product_id: 'sku-004', quantity: 1, price_cents: 10999 }] }
 */
export function demoOrders(
  products: readonly Product[],
  { count, seed, now }: { count: number; seed: number; now: Date },
): Order[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const items = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
      const product = products[Math.floor(random() * products.length)]!;
      return {
        product_id: product.product_id,
        quantity: 1 + Math.floor(random() * 2),
        price_cents: product.price_cents,
      };
    });
    const distinct = items.filter((item, n) => items.findIndex((other) => other.product_id === item.product_id) === n);
    return {
      order_id: `order-${String(i + 1).padStart(5, '0')}`,
      user_id: `shopper-${Math.floor(random() * 300)}`,
      ordered_at: new Date(now.getTime() - Math.floor(random() * 30 * 86_400_000)).toISOString(),
      items: distinct,
    };
  });
}
