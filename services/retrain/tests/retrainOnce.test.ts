import type { FeatureInput } from '@sdp/shared-model';
import { bidWinFamily } from '../src/domain/modelFamily.js';
import { retrainOnce, type RetrainSettings } from '../src/domain/retrainOnce.js';
import type { TrainingRow } from '../src/domain/toTrainingExample.js';
import { fakeModelStores } from './support/fakes.js';
import { syntheticBids } from '../../../fixtures/bids/syntheticBids.js';

const NOW = new Date('2026-11-23T00:00:00.000Z');
const SETTINGS: RetrainSettings = {
  trainingWindowMs: 86_400_000,
  labelDelayMs: 360_000,
  validationFraction: 0.2,
  minTrainingRows: 1000,
  minAucGain: 0.005,
  promotion: { graceMs: 0, timeoutMs: 1_800_000 },
};

/** Lake rows of the synthetic bids (win probability depends on price and domain). */
function lakeRows(count: number, seed: number): TrainingRow[] {
  return syntheticBids(count, seed).map(({ input: example, label, at }) => {
    const input = example as FeatureInput;
    return {
      received_at: new Date(at).toISOString(),
      campaign_item_id: input!.campaignItemId,
      domain: input!.domain,
      creative_id: input!.creativeId,
      creative_category: input!.creativeCategory,
      win_price: input!.winPrice,
      won: label,
    };
  });
}

describe('retrainOnce', () => {
  const rows = lakeRows(20_000, 11);
  let versions = 0;
  const deps = (stores: ReturnType<typeof fakeModelStores>, queried: { from?: Date; to?: Date } = {}) => ({
    ...stores,
    family: bidWinFamily,
    queryTrainingRows: async (from: Date, to: Date) => {
      Object.assign(queried, { from, to });
      return rows;
    },
    now: () => NOW,
    sleep: async () => undefined,
    newVersionId: () => `v${++versions}`,
    log: () => undefined,
  });

  it('returns with the promotion pending while the endpoint takes the version, the registry naming no live version yet', async () => {
    // Prepare
    const stores = fakeModelStores();
    stores.endpointAnswers({ state: 'updating' });

    // Act
    const outcome = await retrainOnce(deps(stores), SETTINGS);

    // Assess
    const { version } = outcome as { version: string };
    expect(outcome).toMatchObject({ status: 'trained', decision: 'promoted', promotion: 'pending' });
    expect({
      live: stores.live(),
      pending: await stores.registry.pendingPromotion(),
      promotion: (await stores.registry.get(version))?.promotion,
    }).toStrictEqual({
      live: undefined,
      pending: { version, since: NOW.toISOString() },
      promotion: { status: 'pending', requested_at: NOW.toISOString() },
    });
  });

  it('trains on the window whose labels are final, records the version and makes the first good model live', async () => {
    // Prepare
    const stores = fakeModelStores();
    const queried: { from?: Date; to?: Date } = {};

    // Act
    const outcome = await retrainOnce(deps(stores, queried), SETTINGS);

    // Assess
    expect(queried).toStrictEqual({
      from: new Date('2026-11-21T23:54:00.000Z'),
      to: new Date('2026-11-22T23:54:00.000Z'),
    });
    expect(outcome).toMatchObject({ status: 'trained', decision: 'promoted', promotion: 'live' });
    const record = await stores.registry.get((outcome as { version: string }).version);
    expect(record?.metrics.auc).toBeGreaterThan(0.75);
    expect(record?.training).toMatchObject({ train_rows: 16_000, validation_rows: 4_000, labels: 'observed' });
    expect({ live: stores.live(), deployed: stores.deployed }).toStrictEqual({
      live: record?.version,
      deployed: [record?.version],
    });
  });

  it('refuses a model trained on shuffled labels and keeps the live one', async () => {
    // Prepare
    const stores = fakeModelStores();
    const first = await retrainOnce(deps(stores), SETTINGS);

    // Act
    const control = await retrainOnce(deps(stores), SETTINGS, { shuffleLabels: true });

    // Assess
    expect(control).toMatchObject({ status: 'trained', decision: 'rejected' });
    const record = await stores.registry.get((control as { version: string }).version);
    expect(record?.reason).toMatch(/^AUC 0\.\d{4} does not beat the live 0\.\d{4}/);
    expect(record?.live_version).toBe((first as { version: string }).version);
    expect(record?.training.labels).toBe('shuffled');
    expect(stores.live()).toBe((first as { version: string }).version);
  });

  it('skips a window with too few labelled bids', async () => {
    // Prepare
    const stores = fakeModelStores();

    // Act
    const outcome = await retrainOnce({ ...deps(stores), queryTrainingRows: async () => rows.slice(0, 10) }, SETTINGS);

    // Assess
    expect(outcome).toStrictEqual({
      status: 'skipped',
      reason: '10 labelled bids in the window; at least 1000 are needed',
    });
    expect(await stores.registry.list()).toStrictEqual([]);
  });

  it('skips, recording nothing, when the validation window holds only one label', async () => {
    // Prepare: the newest fifth of the bids all lost
    const stores = fakeModelStores();
    const cut = Math.floor(rows.length * 0.8);
    const sorted = [...rows].sort((a, b) => Date.parse(a.received_at) - Date.parse(b.received_at));
    const oneLabel = sorted.map((row, i) => (i >= cut ? { ...row, won: 0 } : row));

    // Act
    const outcome = await retrainOnce({ ...deps(stores), queryTrainingRows: async () => oneLabel }, SETTINGS);

    // Assess
    expect(outcome).toStrictEqual({
      status: 'skipped',
      reason: 'the newest 4000 labelled bids (the validation window) hold only one label, so no model can be judged',
    });
    expect(await stores.registry.list()).toStrictEqual([]);
  });
});
