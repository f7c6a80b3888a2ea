import { demandFamily } from '../src/domain/modelFamily.js';
import {
  demandTrainingQuery,
  SURGE_FACTOR,
  toDemandExamples,
  type DemandTrainingRow,
} from '../src/domain/toDemandExamples.js';

const T0 = Date.parse('2026-12-04T12:00:00.000Z');
const MINUTE_MS = 60_000;
const row = (productId: string, minute: number, views: number, carts = 0, purchases = 0): DemandTrainingRow => ({
  product_id: productId,
  window_start: new Date(T0 + minute * MINUTE_MS).toISOString(),
  views,
  carts,
  purchases,
});

describe('toDemandExamples', () => {
  it('anchors at each minute with recent activity, features from the horizon and baseline before it, label from the horizon after', () => {
    // Prepare: one view a minute for 20 minutes, then 10 a minute for 5 minutes
    const rows = [
      ...Array.from({ length: 20 }, (_, m) => row('sku-1', m, 1)),
      ...Array.from({ length: 5 }, (_, m) => row('sku-1', 20 + m, 10, 1)),
    ];

    // Act
    const examples = toDemandExamples(rows, {
      recentMinutes: 5,
      baselineMinutes: 10,
      to: new Date(T0 + 30 * MINUTE_MS),
    });

    // Assess: anchors need 15 minutes of history and a next horizon ending by minute 30
    expect(examples.map((e) => (e.at - T0) / MINUTE_MS)).toStrictEqual([15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
    const at = (minute: number) => examples.find((e) => e.at === T0 + minute * MINUTE_MS)!;
    // Steady at 5 views a horizon: the next 5 (< 2 × (5 + 1)) is no surge; the 50 after minute 20 is.
    expect(at(15)).toStrictEqual({
      input: {
        views: 5,
        carts: 0,
        purchases: 0,
        baseline_views: 5,
        baseline_carts: 0,
        baseline_purchases: 0,
        ordered_units: 0,
      },
      label: 0,
      at: T0 + 15 * MINUTE_MS,
    });
    expect(at(20)).toMatchObject({ input: { views: 5, baseline_views: 5 }, label: 1 });
    expect(at(25)).toMatchObject({ input: { views: 50, carts: 5, baseline_views: 5 }, label: 0 });
    expect(SURGE_FACTOR).toBe(2);
  });

  it('keeps products apart and gives the demand family sparse features under the demand spec', () => {
    // Prepare
    const rows = [
      ...Array.from({ length: 16 }, (_, m) => row('sku-1', m, 2)),
      ...Array.from({ length: 16 }, (_, m) => row('sku-2', m, 0, 1)),
    ];
    const family = demandFamily({ recentMinutes: 5, baselineMinutes: 10 });

    // Act
    const examples = family.examplesOf(rows, { from: new Date(T0), to: new Date(T0 + 21 * MINUTE_MS) });

    // Assess: minutes 15 and 16 of each product; steady demand has no trend, only its level
    expect(examples.map((e) => [e.input, e.features])).toStrictEqual([
      ...[15, 16].map(() => [
        {
          views: 10,
          carts: 0,
          purchases: 0,
          baseline_views: 10,
          baseline_carts: 0,
          baseline_purchases: 0,
          ordered_units: 0,
        },
        { indices: [0], values: [Math.log1p(10)] },
      ]),
      ...[15, 16].map(() => [
        {
          views: 0,
          carts: 5,
          purchases: 0,
          baseline_views: 0,
          baseline_carts: 5,
          baseline_purchases: 0,
          ordered_units: 0,
        },
        { indices: [1], values: [Math.log1p(5)] },
      ]),
    ]);
  });

  it('reads each window’s latest version from the lake with SQL DuckDB and Athena both run', () => {
    // Act
    const sql = demandTrainingQuery(new Date(T0), new Date(T0 + MINUTE_MS));

    // Assess
    expect(sql).toContain('max_by(views, version) AS views');
    expect(sql).toContain(
      "window_start >= TIMESTAMP '2026-12-04 12:00:00.000' AND window_start < TIMESTAMP '2026-12-04 12:01:00.000'",
    );
    expect(sql).toContain('GROUP BY product_id, window_start');
  });
});
