import { validateOrder, validateProduct } from '@sdp/shared-contract';
import { demoCatalog, demoOrders } from '../src/domain/demoCatalog.js';

const NOW = new Date('2026-11-22T10:00:00.000Z');

describe('demoCatalog', () => {
  it('makes the same valid sneaker catalog every time, sku-001 onwards, each price within its pricing bounds', () => {
    // Act
    const catalog = demoCatalog({ count: 40, seed: 1, now: NOW });

    // Assess
    expect(demoCatalog({ count: 40, seed: 1, now: NOW })).toStrictEqual(catalog);
    expect(catalog.map((p) => p.product_id).slice(0, 3)).toStrictEqual(['sku-001', 'sku-002', 'sku-003']);
    expect(catalog.filter((p) => !validateProduct(structuredClone(p)))).toStrictEqual([]);
    expect(
      catalog.every(
        (p) => p.min_price_cents < p.price_cents && p.price_cents < p.max_price_cents && p.price_cents % 100 === 99,
      ),
    ).toBe(true);
    expect(new Set(catalog.map((p) => p.category))).toStrictEqual(
      new Set(['running', 'basketball', 'lifestyle', 'trail', 'skate']),
    );
  });

  it('makes valid demo orders of catalog products at their prices, each product once per order', () => {
    // Prepare
    const catalog = demoCatalog({ count: 40, seed: 1, now: NOW });
    const prices = new Map(catalog.map((p) => [p.product_id, p.price_cents]));

    // Act
    const orders = demoOrders(catalog, { count: 200, seed: 2, now: NOW });

    // Assess
    expect(orders.filter((o) => !validateOrder(structuredClone(o)))).toStrictEqual([]);
    expect(orders.every((o) => o.items.every((item) => prices.get(item.product_id) === item.price_cents))).toBe(true);
    expect(orders.every((o) => new Set(o.items.map((item) => item.product_id)).size === o.items.length)).toBe(true);
    expect(
      orders.every(
        (o) => Date.parse(o.ordered_at) <= NOW.getTime() && Date.parse(o.ordered_at) > NOW.getTime() - 30 * 86_400_000,
      ),
    ).toBe(true);
  });
});
