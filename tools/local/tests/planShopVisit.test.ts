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
  const products = Array.from({ length: 40 }, (_, i) => `sku-${String(i + 1).padStart(3, '0')}`);
  const period = 20 * 60_000;

  it('starts another product trending every 20 minutes, for 40: two products trend at any time, drawing 40 % of the picks', () => {
    // Prepare
    const t0 = Math.floor(START / period) * period;

    // Act
    const first = shopTrend(products, t0 + 60_000);
    const sameTwo = shopTrend(products, t0 + 19 * 60_000);
    const next = shopTrend(products, t0 + period + 60_000);

    // Assess
    expect(first).toMatchObject({ hotCount: 2, hotShare: 0.4 });
    expect(sameTwo).toStrictEqual(first);
    // The newer product of one period is the older one of the next; the older one has faded out.
    expect(next.products[1]).toBe(first.products[0]);
    expect(next.products.slice(0, 2)).not.toContain(first.products[1]);
    expect([...first.products].sort()).toStrictEqual(products);
  });

  it('starts its periods at the anchor it is given, so a demo can start with a product 10 minutes into its trend', () => {
    // Prepare
    const anchor = START - 10 * 60_000;

    // Act
    const atStart = shopTrend(products, START, undefined, anchor);
    const atAnchor = shopTrend(products, anchor, undefined, anchor);
    const beforeAnchor = shopTrend(products, anchor - 60_000, undefined, anchor);

    // Assess
    expect(atAnchor).toStrictEqual(atStart);
    expect(beforeAnchor.products[0]).toBe(atStart.products[1]);
    expect(beforeAnchor.products.slice(0, 2)).not.toContain(atStart.products[0]);
  });
});

describe('planShopVisit with two trending products', () => {
  it('draws the trending products, together, the hot share of the product picks', () => {
    // Prepare
    const random = seededRandom(99);
    const products = Array.from({ length: 10 }, (_, i) => `sku-${i}`);

    // Act
    const picks = Array.from({ length: 2_000 }, (_, n) =>
      planShopVisit(`shopper-${n}`, START, products, 0.4, random, 2),
    )
      .flat()
      .flatMap((click) => (click.body.event_name === 'detail' ? [click.body.product_id] : []));

    // Assess
    const share = (product: string) => picks.filter((id) => id === product).length / picks.length;
    // Each trending product: 20 % of the picks, plus its 6 % of the rest; every other product 6 %.
    for (const hot of products.slice(0, 2)) expect(share(hot)).toBeGreaterThan(0.22);
    for (const cold of products.slice(2)) expect(share(cold)).toBeLessThan(0.09);
  });
});
