import { seededRandom } from '@sdp/shared-runtime';
import { planShopVisit } from '../src/demo/planShopVisit.js';
import { shopTrend } from '../src/demo/shopTrend.js';

const START = Date.parse('2026-11-22T10:00:00.000Z');
const PRODUCTS = ['sku-hot', 'sku-2', 'sku-3', 'sku-4'];

describe('planShopVisit', () => {
  it('plans visits of one user and device in time order, opening with navigate, with purchases only after a cart', () => {
    // Act
    const random = seededRandom(5);
    const visits = Array.from({ length: 500 }, (_, n) => planShopVisit(`shopper-${n}`, START, PRODUCTS, 0.5, random));

    // Assess
    for (const clicks of visits) {
      const names = clicks.map((c) => c.body.event_name);
      expect(names[0]).toBe('navigate');
      expect(new Set(clicks.map((c) => `${c.body.user_id} ${c.body.device_type}`)).size).toBe(1);
      expect(
        clicks.every(
          (c, i) => c.body.event_timestamp === START + c.delayMs && (i === 0 || c.delayMs > clicks[i - 1]!.delayMs),
        ),
      ).toBe(true);
      if (names.includes('purchase'))
        expect(names.slice(-4)).toStrictEqual(['detail', 'add_to_cart', 'checkout', 'purchase']);
    }
    const all = visits.flat();
    const details = all.filter((c) => c.body.event_name === 'detail');
    expect(details.every((c) => PRODUCTS.includes(c.body.product_id!))).toBe(true);
    expect(details.filter((c) => c.body.product_id === 'sku-hot').length / details.length).toBeGreaterThan(0.5);
    expect(
      visits.filter((clicks) => clicks.some((c, i) => i > 0 && c.delayMs - clicks[i - 1]!.delayMs >= 10_000)).length,
    ).toBeGreaterThan(50);
    expect(all.filter((c) => c.body.event_name === 'purchase').length).toBeGreaterThan(40);
  });
});

describe('shopTrend', () => {
  it('makes another product trend every period: strongly for its first half, faded for the second', () => {
    // Prepare
    const products = Array.from({ length: 40 }, (_, i) => `sku-${String(i + 1).padStart(3, '0')}`);
    const period = 20 * 60_000;
    const t0 = Math.floor(START / period) * period;

    // Act
    const rising = shopTrend(products, t0 + 60_000);
    const fading = shopTrend(products, t0 + 15 * 60_000);
    const next = shopTrend(products, t0 + period + 60_000);

    // Assess
    expect(rising.hotShare).toBe(0.4);
    expect(fading).toStrictEqual({ products: rising.products, hotShare: 0.02 });
    expect(next.products[0]).not.toBe(rising.products[0]);
    expect([...rising.products].sort()).toStrictEqual(products);
  });
});
