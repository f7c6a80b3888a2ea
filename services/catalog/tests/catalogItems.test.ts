import { orderLinesByProduct, priceUpdateOf, productKeyOf, storedProductOf } from '../src/index.js';

describe('the catalog’s items as pricing reads and changes them', () => {
  it('splits a products item into the product and the features version its price answered', () => {
    // Act
    const stored = storedProductOf({ product_id: 'sku-001', price_cents: 12999, priced_features_version: 7 });

    // Assess
    expect(stored).toStrictEqual({ product: { product_id: 'sku-001', price_cents: 12999 }, pricedFeaturesVersion: 7 });
  });

  it('reads a product whose price never moved as answering features version 0', () => {
    // Act
    const stored = storedProductOf({ product_id: 'sku-001', price_cents: 12999 });

    // Assess
    expect(stored.pricedFeaturesVersion).toBe(0);
  });

  it('sets a price on condition that it is still the one read and answers a newer features version', () => {
    // Act
    const update = priceUpdateOf({
      productId: 'sku-001',
      priceCents: 12499,
      changedAt: '2026-12-04T14:06:00.000Z',
      featuresVersion: 8,
      readPriceVersion: 3,
    });

    // Assess
    expect(update).toStrictEqual({
      Key: productKeyOf('sku-001'),
      UpdateExpression:
        'SET price_cents = :price, price_updated_at = :at, updated_at = :at, priced_features_version = :features ADD price_version :one',
      ConditionExpression:
        'price_version = :expected AND (attribute_not_exists(priced_features_version) OR priced_features_version < :features)',
      ExpressionAttributeValues: {
        ':price': { N: '12499' },
        ':at': { S: '2026-12-04T14:06:00.000Z' },
        ':features': { N: '8' },
        ':one': { N: '1' },
        ':expected': { N: '3' },
      },
    });
  });

  it('sets the first price change of a product on condition that it has no price version yet', () => {
    // Act
    const update = priceUpdateOf({
      productId: 'sku-001',
      priceCents: 12499,
      changedAt: '2026-12-04T14:06:00.000Z',
      featuresVersion: 1,
      readPriceVersion: undefined,
    });

    // Assess
    expect(update.ConditionExpression).toMatch(/^attribute_not_exists\(price_version\) AND /);
    expect(update.ExpressionAttributeValues).not.toHaveProperty(':expected');
  });

  it('reads the units of an order line', () => {
    // Assess
    expect(orderLinesByProduct.unitsOf({ quantity: { N: '2' } })).toBe(2);
    expect(orderLinesByProduct.unitsOf({})).toBe(0);
  });
});
