import { toPriceChangeRows } from '../src/domain/toPriceChangeRows.js';
import { priceChangeOf, priceHoldOf } from './support/dashboardFixtures.js';

const at = (hhmmss: string) => `2026-12-07T${hhmmss}.000Z`;

describe('toPriceChangeRows', () => {
  it('lists the newest moves across the products, newest first, a held move marked among the changes', () => {
    // Prepare: sku-013 rose twice, sku-038 fell once and had a move held, sku-029 never moved
    const histories = [
      {
        product_id: 'sku-013',
        changes: [
          priceChangeOf('sku-013', at('06:40:00'), 13_649, 14_331),
          priceChangeOf('sku-013', at('06:20:00'), 12_999, 13_649),
        ],
        holds: [],
      },
      { product_id: 'sku-029', changes: [], holds: [] },
      {
        product_id: 'sku-038',
        changes: [priceChangeOf('sku-038', at('06:30:00'), 5_000, 4_875)],
        holds: [priceHoldOf('sku-038', at('06:45:00'), 4_875, 5_119)],
      },
    ];

    // Act
    const rows = toPriceChangeRows(histories, 3);

    // Assess
    expect(rows).toStrictEqual([
      {
        at: at('06:45:00'),
        productId: 'sku-038',
        oldPriceCents: 4_875,
        newPriceCents: 5_119,
        changePercent: 5.01,
        modelVersion: 'demand-3',
        reason: 'implausible demand: 60 carts against 0 views in the last 5 min, above the cap of 1 per view',
        held: true,
      },
      {
        at: at('06:40:00'),
        productId: 'sku-013',
        oldPriceCents: 13_649,
        newPriceCents: 14_331,
        changePercent: 5,
        modelVersion: 'demand-3',
        reason: 'demand model: 5 %',
        held: false,
      },
      {
        at: at('06:30:00'),
        productId: 'sku-038',
        oldPriceCents: 5_000,
        newPriceCents: 4_875,
        changePercent: -2.5,
        modelVersion: 'demand-3',
        reason: 'demand model: -2.5 %',
        held: false,
      },
    ]);
  });

  it('orders by instant, not by how the time is written, and has no percent for a move from a price of 0', () => {
    // Prepare: 07:10 at +02:00 is 05:10 UTC, older than 06:00 UTC
    const histories = [
      {
        product_id: 'sku-001',
        changes: [priceChangeOf('sku-001', '2026-12-07T07:10:00+02:00', 1_000, 1_050)],
        holds: [],
      },
      { product_id: 'sku-002', changes: [], holds: [priceHoldOf('sku-002', at('06:00:00'), 0, 100)] },
    ];

    // Act
    const rows = toPriceChangeRows(histories, 8);

    // Assess
    expect(rows.map(({ productId, changePercent, held }) => ({ productId, changePercent, held }))).toStrictEqual([
      { productId: 'sku-002', changePercent: null, held: true },
      { productId: 'sku-001', changePercent: 5, held: false },
    ]);
  });

  it('has no rows when no price has moved', () => {
    // Act
    const rows = toPriceChangeRows([{ product_id: 'sku-001', changes: [], holds: [] }], 8);

    // Assess
    expect(rows).toStrictEqual([]);
  });
});
