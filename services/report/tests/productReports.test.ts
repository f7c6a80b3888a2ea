import { validateProductList, validateProductReport } from '@sdp/shared-contract';
import { buildProductList } from '../src/domain/buildProductList.js';
import { buildProductReport } from '../src/domain/buildProductReport.js';
import { parseProductListRequest } from '../src/domain/parseProductListRequest.js';
import { parseProductReportRequest } from '../src/domain/parseProductReportRequest.js';
import type { ProductWindowCounts } from '../src/domain/types.js';
import { errorOf, invalidRequest } from './support/reportFixtures.js';

const now = new Date('2026-12-04T15:00:00.000Z');

function productWindow(
  productId: string,
  windowStart: string,
  counts: Partial<ProductWindowCounts> = {},
): ProductWindowCounts {
  return {
    productId,
    windowStart: new Date(windowStart),
    views: 0,
    carts: 0,
    cart_units: 0,
    checkouts: 0,
    purchases: 0,
    units_sold: 0,
    ...counts,
  };
}

describe('buildProductReport', () => {
  it('sums the windows starting in [from, to) per hour of the time zone and in total, with conversion', () => {
    // Prepare
    const request = {
      productId: 'sku-1',
      period: 'hour' as const,
      timeZone: 'Asia/Kolkata',
      from: new Date('2026-12-04T08:30:00.000Z'),
      to: now,
      desc: false,
    };
    const windows = [
      productWindow('sku-1', '2026-12-04T08:29:00.000Z', { views: 100 }), // before from
      productWindow('sku-1', '2026-12-04T08:30:00.000Z', { views: 4, carts: 1, cart_units: 2 }),
      productWindow('sku-1', '2026-12-04T09:29:00.000Z', { views: 4, purchases: 1, units_sold: 2, checkouts: 1 }),
      productWindow('sku-1', '2026-12-04T09:30:00.000Z', { views: 2 }),
      productWindow('sku-2', '2026-12-04T09:30:00.000Z', { views: 7 }), // another product
    ];

    // Act
    const report = buildProductReport(request, windows);

    // Assess
    expect(report).toStrictEqual({
      product_id: 'sku-1',
      period: 'hour',
      timezone: 'Asia/Kolkata',
      from: '2026-12-04T08:30:00.000Z',
      to: '2026-12-04T15:00:00.000Z',
      desc: false,
      totals: {
        product_id: 'sku-1',
        views: 10,
        carts: 1,
        cart_units: 2,
        checkouts: 1,
        purchases: 1,
        units_sold: 2,
        view_to_cart: 0.1,
        view_to_purchase: 0.1,
      },
      buckets: [
        {
          product_id: 'sku-1',
          period: '2026-12-04T14:00:00+05:30',
          views: 8,
          carts: 1,
          cart_units: 2,
          checkouts: 1,
          purchases: 1,
          units_sold: 2,
          view_to_cart: 0.125,
          view_to_purchase: 0.125,
        },
        {
          product_id: 'sku-1',
          period: '2026-12-04T15:00:00+05:30',
          views: 2,
          carts: 0,
          cart_units: 0,
          checkouts: 0,
          purchases: 0,
          units_sold: 0,
          view_to_cart: 0,
          view_to_purchase: 0,
        },
      ],
    });
    expect(validateProductReport(report)).toBe(true);
  });

  it('gives zeros and no buckets for a product without windows, and no division by zero views', () => {
    // Act
    const report = buildProductReport(
      { productId: 'sku-9', period: 'day', timeZone: 'UTC', from: new Date(0), to: now, desc: true },
      [productWindow('sku-9', '2026-12-04T10:00:00.000Z', { purchases: 1, units_sold: 1 })],
    );

    // Assess
    expect(report.totals).toStrictEqual({
      product_id: 'sku-9',
      views: 0,
      carts: 0,
      cart_units: 0,
      checkouts: 0,
      purchases: 1,
      units_sold: 1,
      view_to_cart: 0,
      view_to_purchase: 0,
    });
  });
});

describe('buildProductList', () => {
  it('ranks products by one total or rate, ties by id either way, cut to the limit', () => {
    // Prepare
    const windows = [
      productWindow('sku-b', '2026-12-04T10:00:00.000Z', { views: 10, purchases: 2 }),
      productWindow('sku-a', '2026-12-04T10:00:00.000Z', { views: 4, purchases: 2 }),
      productWindow('sku-c', '2026-12-04T10:00:00.000Z', { views: 30, purchases: 1 }),
      productWindow('sku-d', '2026-12-03T10:00:00.000Z', { views: 99, purchases: 9 }), // before from
    ];
    const range = { from: new Date('2026-12-04T00:00:00.000Z'), to: now };

    // Act
    const byPurchases = buildProductList({ ...range, sort: 'purchases', desc: true, limit: 2 }, windows);
    const byConversion = buildProductList({ ...range, sort: 'view_to_purchase', desc: false, limit: 10 }, windows);

    // Assess
    expect(byPurchases.products.map((p) => p.product_id)).toStrictEqual(['sku-a', 'sku-b']);
    expect(byConversion.products.map((p) => [p.product_id, p.view_to_purchase])).toStrictEqual([
      ['sku-c', 1 / 30],
      ['sku-b', 0.2],
      ['sku-a', 0.5],
    ]);
    expect(validateProductList(byPurchases)).toBe(true);
  });
});

describe('parseProductReportRequest and parseProductListRequest', () => {
  it('apply the defaults: hourly since the epoch for one product; the last day by views for the ranking', () => {
    // Act & Assess
    expect(parseProductReportRequest({ productId: 'sku-001' }, now)).toStrictEqual({
      productId: 'sku-001',
      period: 'hour',
      timeZone: 'UTC',
      from: new Date(0),
      to: now,
      desc: true,
    });
    expect(parseProductListRequest(undefined, now)).toStrictEqual({
      from: new Date('2026-12-03T15:00:00.000Z'),
      to: now,
      sort: 'views',
      desc: true,
      limit: 100,
    });
  });

  it('refuse a bad product id, period, sort, limit or range with what to fix', () => {
    // Act & Assess
    expect(errorOf(() => parseProductReportRequest({ productId: 'a b', query: {} }, now))).toStrictEqual(
      invalidRequest("product_id must be 1 to 64 letters, digits or ._-; got 'a b'."),
    );
    expect(
      errorOf(() => parseProductReportRequest({ productId: 'sku-1', query: { period: 'year' } }, now))?.message,
    ).toContain('period');
    expect(errorOf(() => parseProductListRequest({ sort: 'bids' }, now))?.message).toContain('sort');
    expect(errorOf(() => parseProductListRequest({ limit: '0' }, now))?.message).toContain('limit');
    expect(errorOf(() => parseProductListRequest({ from: '2024-01-01T00:00:00Z' }, now))?.message).toContain(
      'at most 366 days apart',
    );
  });
});
