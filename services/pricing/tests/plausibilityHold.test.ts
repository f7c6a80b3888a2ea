import { implausibleDemand, plausibilityHold } from '../src/domain/plausibilityHold.js';
import { features, SETTINGS } from './support/pricingFixtures.js';

const CAPS = { maxViewsPerMinute: 100, maxCartsPerMinute: 10, maxCartsPerView: 1 };
const SURGE = {
  action: 'change',
  newPriceCents: 10_360,
  reason: 'surge: demand surge probability 0.89 ≥ 0.6, +3.6 % (maximum step 5 %)',
} as const;

describe('implausibleDemand', () => {
  it('finds a trending product with more views than carts plausible', () => {
    // Act & Assess
    expect(implausibleDemand({ views: 80, carts: 10, purchases: 10, recent_minutes: 5 }, CAPS)).toStrictEqual([]);
  });

  it('names every cap passed, with its numbers', () => {
    // Act
    const breaches = implausibleDemand({ views: 1_000, carts: 1_200, purchases: 1, recent_minutes: 5 }, CAPS);

    // Assess
    expect(breaches).toStrictEqual([
      '1000 views in the last 5 min, 200.0 a minute, above the cap of 100 a minute',
      '1200 carts in the last 5 min, 240.0 a minute, above the cap of 10 a minute',
      '1200 carts against 1000 views in the last 5 min, above the cap of 1 per view',
    ]);
  });

  it('finds carts or purchases without views implausible, however few', () => {
    // Act & Assess
    expect(implausibleDemand({ views: 0, carts: 1, purchases: 0, recent_minutes: 15 }, CAPS)).toStrictEqual([
      '1 cart against 0 views in the last 15 min, above the cap of 1 per view',
    ]);
    expect(implausibleDemand({ views: 1, carts: 0, purchases: 2, recent_minutes: 15 }, CAPS)).toStrictEqual([
      '2 purchases against 1 view in the last 15 min, above the cap of 1 per view',
    ]);
  });

  it('allows a rate at its cap, and only above it', () => {
    // Act & Assess
    expect(implausibleDemand({ views: 500, carts: 50, purchases: 50, recent_minutes: 5 }, CAPS)).toStrictEqual([]);
    expect(implausibleDemand({ views: 501, carts: 50, purchases: 51, recent_minutes: 5 }, CAPS)).toStrictEqual([
      '501 views in the last 5 min, 100.2 a minute, above the cap of 100 a minute',
      '51 purchases in the last 5 min, 10.2 a minute, above the cap of 10 a minute',
    ]);
  });
});

describe('plausibilityHold', () => {
  it('holds a move decided on fabricated carts, naming the caps and the move not made', () => {
    // Act
    const hold = plausibilityHold(features({ views: 0, carts: 60, purchases: 0, recent_minutes: 5 }), SURGE, CAPS);

    // Assess
    expect(hold).toStrictEqual({
      action: 'hold',
      kind: 'implausible_demand',
      reason:
        'implausible demand: 60 carts in the last 5 min, 12.0 a minute, above the cap of 10 a minute; 60 carts against 0 views in the last 5 min, above the cap of 1 per view; ' +
        'not applied: surge: demand surge probability 0.89 ≥ 0.6, +3.6 % (maximum step 5 %)',
    });
  });

  it('lets a move on plausible demand through', () => {
    // Act & Assess
    expect(plausibilityHold(features(), SURGE, SETTINGS)).toBeUndefined();
  });
});
