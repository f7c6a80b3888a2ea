import { requestPromotion } from '../src/domain/requestPromotion.js';
import { settlePromotion } from '../src/domain/settlePromotion.js';
import type { ModelVersion } from '../src/domain/modelRecords.js';
import { fakeModelStores } from './support/fakes.js';

const T0 = Date.parse('2026-12-07T04:00:00.000Z');
const SETTINGS = { graceMs: 1_000, timeoutMs: 30 * 60_000, pollMs: 250 };

const version = (id: string): Omit<ModelVersion, 'live'> => ({
  version: id,
  created_at: '2026-12-07T03:00:00.000Z',
  decision: 'promoted',
  reason: 'r',
  metrics: { auc: 0.8, log_loss: 0.4, calibration_error: 0.01, rows: 10, positives: 3 },
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
});

/** Stores with v1 live and v2 recorded, and a clock that the fake sleep moves on. */
async function storesWithLiveV1() {
  const stores = fakeModelStores();
  let clock = T0 - 3_600_000;
  const deps = {
    ...stores,
    now: () => new Date(clock),
    sleep: async (ms: number) => void (clock += ms),
  };
  await stores.registry.put(version('v1'));
  await stores.registry.put(version('v2'));
  await requestPromotion('v1', deps, SETTINGS);
  clock = T0;
  return { ...stores, deps, advance: (ms: number) => void (clock += ms) };
}

describe('requestPromotion', () => {
  it('makes a version live before answering when the endpoint serves it within the grace', async () => {
    // Prepare
    const { deps, deployed } = await storesWithLiveV1();

    // Act
    const promoted = await requestPromotion('v2', deps, SETTINGS);

    // Assess
    expect({ live: promoted.live, promotion: promoted.promotion, deployed }).toStrictEqual({
      live: true,
      promotion: { status: 'live', requested_at: '2026-12-07T04:00:00.000Z', finished_at: '2026-12-07T04:00:00.000Z' },
      deployed: ['v1', 'v2'],
    });
  });

  it('answers pending after the grace while the endpoint takes the version, the previous one staying live', async () => {
    // Prepare
    const { deps, registry, endpointAnswers } = await storesWithLiveV1();
    endpointAnswers({ state: 'updating' });

    // Act
    const promoted = await requestPromotion('v2', deps, SETTINGS);

    // Assess
    expect({
      live: promoted.live,
      promotion: promoted.promotion,
      registry: { live: await registry.liveVersion(), pending: await registry.pendingPromotion() },
    }).toStrictEqual({
      live: false,
      promotion: { status: 'pending', requested_at: '2026-12-07T04:00:00.000Z' },
      registry: { live: 'v1', pending: { version: 'v2', since: '2026-12-07T04:00:00.000Z' } },
    });
  });

  it('waits the grace in wall time, however long each look at the endpoint takes', async () => {
    // Prepare: each look at the endpoint takes 600 ms of the clock
    const { deps, endpointAnswers, advance } = await storesWithLiveV1();
    endpointAnswers({ state: 'updating' });
    let looks = 0;
    const slowEndpoint = {
      ...deps.endpoint,
      deploymentOf: async (version: string) => {
        looks++;
        advance(600);
        return deps.endpoint.deploymentOf(version);
      },
    };

    // Act
    const promoted = await requestPromotion('v2', { ...deps, endpoint: slowEndpoint }, SETTINGS);

    // Assess: looks at 0.6 s and 1.2 s, then the 1 s grace is over
    expect({ status: promoted.promotion?.status, looks }).toStrictEqual({ status: 'pending', looks: 2 });
  });

  it('refuses a second promotion while one is pending, with 409 promotion_pending naming it', async () => {
    // Prepare
    const { deps, registry, endpointAnswers } = await storesWithLiveV1();
    endpointAnswers({ state: 'updating' });
    await registry.put(version('v3'));
    await requestPromotion('v2', deps, SETTINGS);

    // Act
    const refusal = await requestPromotion('v3', deps, SETTINGS).catch((error: unknown) => error);

    // Assess
    expect(refusal).toMatchObject({
      statusCode: 409,
      code: 'promotion_pending',
      message:
        'Version v2 is being promoted since 2026-12-07T04:00:00.000Z; promote again once GET /models shows it live or failed.',
    });
  });

  it('answers 404 for a version that was never recorded, and asks nothing of the endpoint', async () => {
    // Prepare
    const { deps, deployed } = await storesWithLiveV1();

    // Act
    const refusal = await requestPromotion('v9', deps, SETTINGS).catch((error: unknown) => error);

    // Assess
    expect({ refusal, deployed }).toMatchObject({ refusal: { statusCode: 404, code: 'not_found' }, deployed: ['v1'] });
  });

  it('returns the live version as it is, without touching the endpoint', async () => {
    // Prepare
    const { deps, deployed } = await storesWithLiveV1();

    // Act
    const promoted = await requestPromotion('v1', deps, SETTINGS);

    // Assess
    expect({ version: promoted.version, live: promoted.live, deployed }).toStrictEqual({
      version: 'v1',
      live: true,
      deployed: ['v1'],
    });
  });
});

describe('settlePromotion', () => {
  it('makes the pending version live once the endpoint serves it', async () => {
    // Prepare
    const { deps, registry, endpointAnswers, settle, advance } = await storesWithLiveV1();
    endpointAnswers({ state: 'updating' });
    await requestPromotion('v2', deps, SETTINGS);
    const meanwhile = await settlePromotion(deps, SETTINGS.timeoutMs);
    settle('v2', { state: 'serving' });
    advance(240_000);

    // Act
    const settled = await settlePromotion(deps, SETTINGS.timeoutMs);

    // Assess
    expect({
      meanwhile,
      settled,
      live: await registry.liveVersion(),
      pending: await registry.pendingPromotion(),
      promotion: (await registry.get('v2'))?.promotion,
    }).toStrictEqual({
      meanwhile: { status: 'pending', version: 'v2' },
      settled: { status: 'live', version: 'v2' },
      live: 'v2',
      pending: undefined,
      promotion: { status: 'live', requested_at: '2026-12-07T04:00:00.000Z', finished_at: '2026-12-07T04:04:01.000Z' },
    });
  });

  it('ends as failed, with the endpoint’s reason, when the endpoint could not take the version; the previous one stays live', async () => {
    // Prepare
    const { deps, registry, endpointAnswers, settle } = await storesWithLiveV1();
    endpointAnswers({ state: 'updating' });
    await requestPromotion('v2', deps, SETTINGS);
    settle('v2', { state: 'failed', reason: 'Failed to download model data for production variant live.' });

    // Act
    const settled = await settlePromotion(deps, SETTINGS.timeoutMs);

    // Assess
    expect({
      settled,
      live: await registry.liveVersion(),
      promotion: (await registry.get('v2'))?.promotion,
    }).toStrictEqual({
      settled: {
        status: 'failed',
        version: 'v2',
        reason: 'Failed to download model data for production variant live.',
      },
      live: 'v1',
      promotion: {
        status: 'failed',
        requested_at: '2026-12-07T04:00:00.000Z',
        finished_at: '2026-12-07T04:00:01.000Z',
        reason: 'Failed to download model data for production variant live.',
      },
    });
  });

  it('ends as failed a promotion still pending after the timeout', async () => {
    // Prepare
    const { deps, registry, endpointAnswers, advance } = await storesWithLiveV1();
    endpointAnswers({ state: 'updating' });
    await requestPromotion('v2', deps, SETTINGS);
    advance(31 * 60_000);

    // Act
    const settled = await settlePromotion(deps, SETTINGS.timeoutMs);

    // Assess
    expect({ settled, live: await registry.liveVersion() }).toStrictEqual({
      settled: { status: 'failed', version: 'v2', reason: 'The endpoint was not serving v2 after 31 minutes.' },
      live: 'v1',
    });
  });

  it('does nothing when no promotion is pending', async () => {
    // Prepare
    const { deps } = await storesWithLiveV1();

    // Act / Assess
    expect(await settlePromotion(deps, SETTINGS.timeoutMs)).toStrictEqual({ status: 'idle' });
  });
});
