import { toModelRows } from '../src/domain/toModelRows.js';
import type { ModelList } from '../src/domain/types.js';

type Version = ModelList['models'][number];

const version = (id: string, auc: number, promotion?: Version['promotion']): Version => ({
  version: id,
  created_at: '2026-12-07T03:00:00.000Z',
  live: false,
  decision: 'promoted',
  reason: 'r',
  metrics: { auc, log_loss: 0.4, calibration_error: 0.01, rows: 10, positives: 3 },
  training: {
    from: '2026-12-06T03:00:00.000Z',
    to: '2026-12-07T03:00:00.000Z',
    train_rows: 8,
    validation_rows: 2,
    validation_from: '2026-12-07T02:00:00.000Z',
    labels: 'observed',
  },
  feature_spec: {},
  artifact: `s3://artifacts/models/${id}/model.tar.gz`,
  ...(promotion ? { promotion } : {}),
});

describe('toModelRows', () => {
  it('shows the live version, the one being promoted, and the newest promotion, whether it ended or not', () => {
    // Prepare: v1 went live, v2 failed after, v3 is pending
    const list: ModelList = {
      live_version: 'v1',
      pending_version: 'v3',
      models: [
        version('v3', 0.83, { status: 'pending', requested_at: '2026-12-07T05:00:00.000Z' }),
        version('v2', 0.82, {
          status: 'failed',
          requested_at: '2026-12-07T04:00:00.000Z',
          finished_at: '2026-12-07T04:06:00.000Z',
          reason: 'Failed to download model data',
        }),
        version('v1', 0.81, {
          status: 'live',
          requested_at: '2026-12-07T03:00:00.000Z',
          finished_at: '2026-12-07T03:05:00.000Z',
        }),
      ],
    };

    // Act
    const rows = toModelRows([
      { model: 'bid-win', list },
      { model: 'demand', list: { models: [version('d1', 0.7)] } },
    ]);

    // Assess
    expect(rows).toStrictEqual([
      {
        model: 'bid-win',
        liveVersion: 'v1',
        liveAuc: 0.81,
        pendingVersion: 'v3',
        lastPromotion: { version: 'v3', status: 'pending', at: '2026-12-07T05:00:00.000Z', reason: null },
        versions: 3,
      },
      { model: 'demand', liveVersion: null, liveAuc: null, pendingVersion: null, lastPromotion: null, versions: 1 },
    ]);
  });

  it('names the failure reason when the newest promotion failed', () => {
    // Act
    const [row] = toModelRows([
      {
        model: 'demand',
        list: {
          live_version: 'd1',
          models: [
            version('d2', 0.72, {
              status: 'failed',
              requested_at: '2026-12-07T04:00:00.000Z',
              finished_at: '2026-12-07T04:06:00.000Z',
              reason: 'The endpoint was not serving d2 after 31 minutes.',
            }),
            version('d1', 0.7, { status: 'live', requested_at: '2026-12-07T03:00:00.000Z' }),
          ],
        },
      },
    ]);

    // Assess
    expect(row?.lastPromotion).toStrictEqual({
      version: 'd2',
      status: 'failed',
      at: '2026-12-07T04:06:00.000Z',
      reason: 'The endpoint was not serving d2 after 31 minutes.',
    });
  });
});
