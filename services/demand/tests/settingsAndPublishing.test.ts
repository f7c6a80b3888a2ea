import { validateProductWindow } from '@sdp/shared-contract';
import { InvalidSettingError } from '@sdp/shared-runtime';
import { parseDemandSettings } from '../src/domain/parseDemandSettings.js';
import { publishProductWindowChanges } from '../src/domain/publishProductWindowChanges.js';

describe('parseDemandSettings', () => {
  it('takes whole minutes and refuses a window it cannot honour, naming the setting', () => {
    // Act & Assess
    expect(parseDemandSettings({ periodMinutes: '5' })).toStrictEqual({ periodMinutes: 5, signalsPerShopper: 5 });
    expect(() => parseDemandSettings({ periodMinutes: '0' })).toThrow(
      new InvalidSettingError('PRODUCT_WINDOW_MINUTES', '0', 'a whole number of minutes from 1 to 1440'),
    );
    expect(() => parseDemandSettings({ periodMinutes: '1.5' })).toThrow(/PRODUCT_WINDOW_MINUTES/);
  });

  it('takes the signals a shopper adds to a product window, the default when empty, and refuses anything but a whole number of at least 1', () => {
    // Act & Assess
    expect(parseDemandSettings({ periodMinutes: '1', signalsPerShopper: ' 3 ' })).toStrictEqual({
      periodMinutes: 1,
      signalsPerShopper: 3,
    });
    expect(parseDemandSettings({ periodMinutes: '1', signalsPerShopper: '' })).toStrictEqual({
      periodMinutes: 1,
      signalsPerShopper: 5,
    });
    expect(() => parseDemandSettings({ periodMinutes: '1', signalsPerShopper: '0' })).toThrow(
      new InvalidSettingError('SHOPPER_SIGNALS_PER_WINDOW', '0', 'a whole number of at least 1, or empty for 5'),
    );
    expect(() => parseDemandSettings({ periodMinutes: '1', signalsPerShopper: 'many' })).toThrow(
      /^SHOPPER_SIGNALS_PER_WINDOW must be a whole number of at least 1, or empty for 5, got 'many'\.$/,
    );
  });
});

describe('publishProductWindowChanges', () => {
  it('publishes each changed window as a ProductWindow keyed by product, with absent counts as zero, and skips removals and broken items', async () => {
    // Prepare
    const written: { partitionKey: string; data: unknown }[][] = [];
    const logged: string[] = [];
    const image = {
      product_id: 'sku-1',
      window_start: '2026-12-04T14:05:00.000Z',
      window_end: '2026-12-04T14:06:00.000Z',
      window_day: '2026-12-04',
      period_minutes: 1,
      views: 3,
      purchases: 1,
      units_sold: 2,
      version: 2,
      updated_at: '2026-12-04T14:30:00.000Z',
    };

    // Act
    const outcome = await publishProductWindowChanges(
      [
        { sequenceNumber: '1', newImage: image },
        { sequenceNumber: '2' },
        { sequenceNumber: '3', newImage: { ...image, product_id: 'no spaces allowed' } },
      ],
      {
        write: async (records) => {
          written.push(
            records.map((r) => ({ partitionKey: r.partitionKey, data: JSON.parse(Buffer.from(r.data).toString()) })),
          );
          return records.map(() => ({ ok: true as const, sequenceNumber: '9', shardId: 'shardId-000000000000' }));
        },
        log: (message) => logged.push(message),
      },
    );

    // Assess
    const published = {
      product_id: 'sku-1',
      window_start: image.window_start,
      window_end: image.window_end,
      views: 3,
      carts: 0,
      cart_units: 0,
      checkouts: 0,
      purchases: 1,
      units_sold: 2,
      version: 2,
      updated_at: image.updated_at,
    };
    expect(outcome).toStrictEqual({ batchItemFailures: [], published: 1, skipped: 2 });
    expect(written).toStrictEqual([[{ partitionKey: 'sku-1', data: published }]]);
    expect(validateProductWindow(published)).toBe(true);
    expect(logged).toStrictEqual(['skipped a window that breaks the ProductWindow contract']);
  });
});
