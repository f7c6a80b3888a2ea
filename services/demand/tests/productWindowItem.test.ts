import { productWindowItems } from '../src/index.js';
import { demandIncrements } from '../src/domain/demandIncrements.js';

describe('the product windows table’s items as report and pricing read them', () => {
  it('publishes every count the product window counter adds', () => {
    // Act
    const counted = Object.keys(demandIncrements([]));

    // Assess
    expect([...productWindowItems.countAttributes].sort()).toStrictEqual(counted.sort());
  });

  it('reads a window item, a count not written yet as zero', () => {
    // Prepare
    const item = {
      ...productWindowItems.itemKey('sku-001', '2026-12-04T14:05:00.000Z'),
      views: { N: '3' },
      carts: { N: '1' },
      cart_units: { N: '2' },
      version: { N: '4' },
    };

    // Act
    const window = productWindowItems.windowOf(item);

    // Assess
    expect(window).toStrictEqual({
      productId: 'sku-001',
      windowStart: new Date('2026-12-04T14:05:00.000Z'),
      views: 3,
      carts: 1,
      cart_units: 2,
      checkouts: 0,
      purchases: 0,
      units_sold: 0,
    });
  });
});
