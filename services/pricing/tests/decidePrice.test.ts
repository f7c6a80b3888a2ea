import { decidePrice } from '../src/domain/decidePrice.js';
import { summarizeDemand } from '../src/domain/summarizeDemand.js';
import { NOW, product, SETTINGS } from './support/pricingFixtures.js';

const surge = (surgeProbability: number) => ({ surgeProbability, modelVersion: 'demand-1' });

describe('decidePrice', () => {
  it('raises a surging product by the maximum step at full certainty and less below it', () => {
    // Act & Assess
    expect(decidePrice(product(), surge(1), SETTINGS, NOW)).toStrictEqual({
      action: 'change',
      newPriceCents: 10_500,
      reason: 'surge: demand surge probability 1.00 ≥ 0.6, +5.0 % (maximum step 5 %)',
    });
    expect(decidePrice(product(), surge(0.8), SETTINGS, NOW)).toMatchObject({
      action: 'change',
      newPriceCents: 10_250,
    });
  });

  it('never goes above the maximum price, and holds at it', () => {
    // Act & Assess
    expect(decidePrice(product({ price_cents: 12_900 }), surge(1), SETTINGS, NOW)).toMatchObject({
      action: 'change',
      newPriceCents: 13_000,
      reason: expect.stringContaining('capped at the maximum price 13000'),
    });
    expect(decidePrice(product({ price_cents: 13_000 }), surge(1), SETTINGS, NOW)).toStrictEqual({
      action: 'hold',
      kind: 'at_maximum',
      reason: 'surge (probability 1.00), but the price is at its maximum 13000',
    });
  });

  it('holds within the cooldown after a dynamic change, whatever the demand', () => {
    // Prepare
    const justChanged = product({
      price_version: 3,
      price_updated_at: new Date(NOW.getTime() - 9 * 60_000).toISOString(),
    });

    // Act & Assess
    expect(decidePrice(justChanged, surge(1), SETTINGS, NOW)).toMatchObject({
      action: 'hold',
      kind: 'cooldown',
      reason: expect.stringMatching(/^cooldown: /),
    });
    expect(
      decidePrice(
        { ...justChanged, price_updated_at: new Date(NOW.getTime() - 10 * 60_000).toISOString() },
        surge(1),
        SETTINGS,
        NOW,
      ).action,
    ).toBe('change');
  });

  it('leaves a cold product at its list price and brings a raised one back down toward it, not below', () => {
    // Act & Assess
    expect(decidePrice(product(), surge(0.05), SETTINGS, NOW)).toStrictEqual({
      action: 'hold',
      kind: 'steady',
      reason: 'steady: demand surge probability 0.05',
    });
    expect(decidePrice(product({ price_cents: 10_400 }), surge(0.1), SETTINGS, NOW)).toMatchObject({
      action: 'change',
      newPriceCents: 10_000,
      reason: expect.stringMatching(/^calm: .*back toward the list price 10000$/),
    });
    expect(decidePrice(product({ price_cents: 12_000 }), surge(0.1), SETTINGS, NOW)).toMatchObject({
      action: 'change',
      newPriceCents: 11_400,
    });
  });

  it('holds between the calm and surge thresholds', () => {
    // Act & Assess
    expect(decidePrice(product({ price_cents: 11_000 }), surge(0.45), SETTINGS, NOW)).toStrictEqual({
      action: 'hold',
      kind: 'steady',
      reason: 'steady: demand surge probability 0.45',
    });
  });
});

describe('summarizeDemand', () => {
  it('sums the recent horizon and scales the baseline before it to the same length', () => {
    // Prepare
    const recentFrom = new Date(NOW.getTime() - 15 * 60_000);
    const at = (minutesAgo: number) => NOW.getTime() - minutesAgo * 60_000;
    const windows = [
      { start: at(100), views: 8, carts: 1, purchases: 0 },
      { start: at(20), views: 8, carts: 1, purchases: 1 },
      { start: at(15), views: 5, carts: 2, purchases: 1 },
      { start: at(1), views: 30, carts: 4, purchases: 2 },
    ];

    // Act
    const demand = summarizeDemand(windows, { recentFrom, recentMinutes: 15, baselineMinutes: 120, orderedUnits: 12 });

    // Assess
    expect(demand).toStrictEqual({
      views: 35,
      carts: 6,
      purchases: 3,
      baseline_views: 2,
      baseline_carts: 0.25,
      baseline_purchases: 0.125,
      ordered_units: 12,
    });
  });
});
