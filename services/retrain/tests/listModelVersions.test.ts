import { countNewBids } from '../src/domain/countNewBids.js';
import { listModelVersions } from '../src/domain/listModelVersions.js';
import type { ModelVersion } from '../src/domain/modelRecords.js';
import { fakeModelStores } from './support/fakes.js';

const version = (id: string, createdAt: string): Omit<ModelVersion, 'live'> => ({
  version: id,
  created_at: createdAt,
  decision: 'promoted',
  reason: 'r',
  metrics: { auc: 0.8, log_loss: 0.4, calibration_error: 0.01, rows: 10, positives: 3 },
  training: {
    from: createdAt,
    to: createdAt,
    train_rows: 8,
    validation_rows: 2,
    validation_from: createdAt,
    labels: 'observed',
  },
  feature_spec: {},
  artifact: `s3://a/${id}`,
});

describe('listModelVersions', () => {
  it('lists newest first and flags the live version', async () => {
    // Prepare
    const { registry } = fakeModelStores();
    await registry.put(version('v1', '2026-11-22T01:00:00.000Z'));
    await registry.put(version('v2', '2026-11-22T02:00:00.000Z'));
    await registry.beginPromotion('v1', { status: 'pending', requested_at: '2026-11-22T03:00:00.000Z' });
    await registry.endPromotion('v1', {
      status: 'live',
      requested_at: '2026-11-22T03:00:00.000Z',
      finished_at: '2026-11-22T03:05:00.000Z',
    });

    // Act
    const list = await listModelVersions(registry);

    // Assess
    expect({ live: list.live_version, models: list.models.map((m) => [m.version, m.live]) }).toStrictEqual({
      live: 'v1',
      models: [
        ['v2', false],
        ['v1', true],
      ],
    });
  });

  it('has no live version before any promotion', async () => {
    // Act / Assess
    expect(await listModelVersions(fakeModelStores().registry)).toStrictEqual({ models: [] });
  });
});

describe('countNewBids', () => {
  it('counts the bids of an enriched batch, not impressions, clicks or garbage', () => {
    // Act / Assess
    expect(
      countNewBids([
        { data: '{"type":"bid"}' },
        { data: '{"type":"imp"}' },
        { data: '{"type":"bid"}' },
        { data: 'nope' },
      ]),
    ).toBe(2);
  });
});
