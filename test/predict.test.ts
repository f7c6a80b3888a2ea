import { rename } from 'node:fs/promises';
import path from 'node:path';
import { startTestCloud, CLOUD_START_TIMEOUT_MS } from './support/startTestCloud.js';
import { SHORT_SESSION_PARAMS } from './support/workload/oracleScenario.js';

/*
 * Predictions that keep learning, end to end: bids whose win probability truly depends on price and
 * domain go through ingest, the join and the lake; the retrain service trains on its own once enough
 * new bids arrived, the gate promotes the model to the local SageMaker endpoint, and POST /predictions
 * answers with it. A negative control (shuffled labels) is refused; a rollback restores the previous
 * version's predictions exactly.
 */
const RETRAIN = 'sdp-retrain-local-retrainModel';
const COMPLETE_PROMOTIONS = 'sdp-retrain-local-completePromotions';
/** Longer than promoteModel waits for an endpoint (PROMOTION_GRACE_SECONDS, 3 s), as a SageMaker update's minutes are */
const ENDPOINT_UPDATE_MS = 8_000;
/** A bid's label is final once the join's session timeout has passed and its impression has landed in the lake, even on a busy machine. */
const LABEL_DELAY_MINUTES = 0.3;
const DOMAIN_EFFECT: Record<string, number> = {
  'premium.example.com': 1.2,
  'news.example.com': 0.3,
  'games.example.io': -0.4,
  'spam.example.net': -1.5,
};
const DOMAINS = Object.keys(DOMAIN_EFFECT);
const winProbability = (price: number, domain: string) =>
  1 / (1 + Math.exp(-(-5 + 0.9 * Math.log1p(price) + DOMAIN_EFFECT[domain]!)));

interface Bid {
  tx_id: string;
  domain: string;
  win_price: number;
  won: boolean;
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

function bidsOf(count: number, seed: number, prefix: string): Bid[] {
  const random = seeded(seed);
  return Array.from({ length: count }, (_, i) => {
    const domain = DOMAINS[Math.floor(random() * DOMAINS.length)]!;
    const win_price = 1 + Math.floor(random() * 2000);
    return { tx_id: `${prefix}-${i}`, domain, win_price, won: random() < winProbability(win_price, domain) };
  });
}

const request = (bid: Pick<Bid, 'domain' | 'win_price'>) => ({
  campaignItemId: '42',
  domain: bid.domain,
  creativeId: 'creative-1',
  creativeCategory: 'sports',
  winPrice: bid.win_price,
});

/** Mann–Whitney AUC, written again here so the test does not trust the service's own metric. */
function aucOf(scores: number[], labels: boolean[]): number {
  let above = 0;
  let pairs = 0;
  scores.forEach((positive, i) => {
    if (!labels[i]) return;
    scores.forEach((negative, j) => {
      if (labels[j]) return;
      pairs++;
      above += positive > negative ? 1 : positive === negative ? 0.5 : 0;
    });
  });
  return above / pairs;
}

describe('predictions that keep learning', () => {
  let cloud: Awaited<ReturnType<typeof startTestCloud>>;
  const json = async (path: string, init?: RequestInit) => {
    const response = await cloud.fetch(path, { ...init, headers: { 'content-type': 'application/json' } });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown> & {
        models?: {
          version: string;
          live: boolean;
          decision: string;
          reason: string;
          metrics: { auc: number };
          training: { labels: string };
          promotion?: { status: string; requested_at: string; finished_at?: string; reason?: string };
        }[];
        pending_version?: string;
        live_version?: string;
      },
    };
  };
  const predict = async (bid: Pick<Bid, 'domain' | 'win_price'>) => {
    const { status, body } = await json('/predictions', { method: 'POST', body: JSON.stringify(request(bid)) });
    if (status !== 200) throw new Error(`POST /predictions answered ${status}: ${JSON.stringify(body)}`);
    return body as { predictions: { score: number; predicted_label: number }[]; model_version: string };
  };
  const postBids = async (bids: Bid[]) => {
    const events = bids.flatMap((bid) => [
      {
        type: 'bid',
        tx_id: bid.tx_id,
        app_uid: 'app',
        campaign_item_id: 42,
        domain: bid.domain,
        creative_id: 'creative-1',
        creative_category: 'sports',
        win_price: bid.win_price,
      },
      ...(bid.won ? [{ type: 'imp', tx_id: bid.tx_id, win_price: bid.win_price }] : []),
    ]);
    for (let i = 0; i < events.length; i += 500) {
      const { status } = await json('/events', {
        method: 'POST',
        body: JSON.stringify({ events: events.slice(i, i + 500) }),
      });
      if (status !== 200) throw new Error(`POST /events answered ${status}`);
    }
  };
  const waitFor = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 180_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };

  beforeAll(async () => {
    cloud = await startTestCloud({
      ...SHORT_SESSION_PARAMS,
      lake: { lakeBatchWindowSeconds: '1' },
      retrain: {
        retrainEveryNewBids: '3000',
        minTrainingRows: '1000',
        labelDelayMinutes: String(LABEL_DELAY_MINUTES),
        trainingWindowMinutes: '60',
        retrainSchedule: 'rate(7 days)',
        // The test runs the scheduled step itself, to see each promotion pending first.
        promotionCheckSchedule: 'rate(7 days)',
      },
    });
  }, CLOUD_START_TIMEOUT_MS);

  afterAll(async () => {
    await cloud?.dispose();
  }, 60_000);

  it('answers 503 model_unavailable, not a made-up score, before any model is live', async () => {
    // Act
    const { status, body } = await json('/predictions', {
      method: 'POST',
      body: JSON.stringify(request({ domain: 'news.example.com', win_price: 100 })),
    });

    // Assess
    expect({ status, code: body.code }).toStrictEqual({ status: 503, code: 'model_unavailable' });
  });

  it('refuses an invalid prediction request with a 400', async () => {
    // Act
    const { status, body } = await json('/predictions', {
      method: 'POST',
      body: JSON.stringify({ ...request({ domain: 'x', win_price: 1 }), winPrice: 'high' }),
    });

    // Assess
    expect({ status, code: body.code }).toStrictEqual({ status: 400, code: 'validation_failed' });
  });

  it('retrains on its own from the new bids and serves a live model that ranks wins (AUC ≥ 0.75) and rises with price', async () => {
    // Act: the first 3,000 bids trigger a training while their labels are not final yet (skipped); the
    // next 3,000 trigger one over the first ones, now labelled.
    await postBids(bidsOf(3_000, 1, 'a'));
    await new Promise((resolve) => setTimeout(resolve, LABEL_DELAY_MINUTES * 60_000 + 2_000));
    await postBids(bidsOf(3_000, 2, 'b'));
    const live = await waitFor(
      'a live model',
      async () => (await json('/models')).body.live_version as string | undefined,
    );
    const holdout = bidsOf(300, 99, 'holdout');
    const scores = [];
    for (const bid of holdout) scores.push((await predict(bid)).predictions[0]!.score);
    const byPrice = [];
    for (const price of [10, 100, 1000])
      byPrice.push((await predict({ domain: 'news.example.com', win_price: price })).predictions[0]!.score);

    // Assess
    expect(
      aucOf(
        scores,
        holdout.map((bid) => bid.won),
      ),
    ).toBeGreaterThanOrEqual(0.75);
    expect(byPrice[0]).toBeLessThan(byPrice[1]!);
    expect(byPrice[1]).toBeLessThan(byPrice[2]!);
    const { body } = await json('/models');
    expect(body.models?.find((model) => model.version === live)).toMatchObject({
      live: true,
      decision: 'promoted',
      training: { labels: 'observed' },
    });
  }, 300_000);

  it('refuses a version trained on shuffled labels and keeps the live one', async () => {
    // Prepare
    const before = (await json('/models')).body.live_version;

    // Act
    const outcome = (await cloud.pools.get(RETRAIN)!.invoke({ shuffleLabels: true })) as {
      version: string;
      decision: string;
      reason: string;
    };

    // Assess
    const { body } = await json('/models');
    expect(outcome.decision).toBe('rejected');
    expect(body.models?.find((model) => model.version === outcome.version)).toMatchObject({
      live: false,
      decision: 'rejected',
      training: { labels: 'shuffled' },
    });
    expect(body.live_version).toBe(before);
  }, 120_000);

  it('rolls back to an earlier version with one call and then predicts exactly as it did', async () => {
    // Prepare
    const { body } = await json('/models');
    const good = body.live_version!;
    const control = body.models!.find((model) => model.training.labels === 'shuffled')!.version;
    const probes = bidsOf(20, 7, 'probe');
    const predictAll = async () => {
      const answers = [];
      for (const bid of probes) answers.push(await predict(bid));
      return answers;
    };
    const withGood = await predictAll();

    // Act
    const promoted = await json(`/models/${control}/promote`, { method: 'POST' });
    const withControl = await waitFor(
      'the control to serve',
      async () => {
        const answers = await predictAll();
        return answers.every((answer) => answer.model_version === control) ? answers : undefined;
      },
      30_000,
    );
    const rolledBack = await json(`/models/${good}/promote`, { method: 'POST' });
    const again = await waitFor(
      'the good model to serve again',
      async () => {
        const answers = await predictAll();
        return answers.every((answer) => answer.model_version === good) ? answers : undefined;
      },
      30_000,
    );

    // Assess
    expect([promoted.status, rolledBack.status]).toStrictEqual([200, 200]);
    expect(withControl.map((a) => a.predictions)).not.toStrictEqual(withGood.map((a) => a.predictions));
    expect(again).toStrictEqual(withGood);
    expect((await json('/models')).body.live_version).toBe(good);
  }, 120_000);

  it('keeps a promotion pending while the endpoint takes minutes, then live, or failed and rolled back, the live version answering throughout', async () => {
    // Prepare: the endpoint now takes as long to update as the API waits and more; v_live serves
    const { body } = await json('/models');
    const before = body.live_version!;
    const other = body.models!.find((model) => model.version !== before && model.training.labels === 'observed');
    const next = other?.version ?? body.models!.find((model) => model.version !== before)!.version;
    const probe = bidsOf(1, 5, 'pending')[0]!;
    const artifactFile = (version: string) => {
      const uri = body.models!.find((model) => model.version === version)! as unknown as { artifact: string };
      const [, bucket, key] = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri.artifact)!;
      return path.join(cloud.objectStoreDir, bucket!, key!);
    };
    /** Runs the scheduled step until the promotion settles, asking for a prediction before each run. */
    const settle = async () => {
      const servedMeanwhile: string[] = [];
      for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
        servedMeanwhile.push((await predict(probe)).model_version);
        const settlement = ((await cloud.invoke(COMPLETE_PROMOTIONS, {})) as Record<string, { status: string }>)[
          'bid-win'
        ]!;
        if (settlement.status !== 'pending') return { settlement, servedMeanwhile };
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      throw new Error('the promotion did not settle within 60 s');
    };
    cloud.sageMaker.delayDeployments(ENDPOINT_UPDATE_MS);

    try {
      // Act: pending → live
      const asked = await json(`/models/${next}/promote`, { method: 'POST' });
      const listed = (await json('/models')).body;
      const toLive = await settle();
      const servedAfter = (await predict(probe)).model_version;

      // Act: pending → failed, for a version whose artifact is gone
      await rename(artifactFile(before), `${artifactFile(before)}.away`);
      const askedBack = await json(`/models/${before}/promote`, { method: 'POST' });
      const toFailed = await settle();
      await rename(`${artifactFile(before)}.away`, artifactFile(before));
      const after = (await json('/models')).body;

      // Assess
      // The endpoint swaps at once and the scheduled step sees it at its next run (on AWS, at the
      // endpoint's EventBridge event): only the last prediction before that run may be the new version's.
      expect({
        asked: [asked.status, (asked.body.promotion as { status: string }).status, asked.body.live],
        listed: [listed.live_version, listed.pending_version],
        toLive: toLive.settlement,
        servedWhilePending: [...new Set(toLive.servedMeanwhile.slice(0, -1))],
        servedAfter,
      }).toStrictEqual({
        asked: [202, 'pending', false],
        listed: [before, next],
        toLive: { status: 'live', version: next },
        servedWhilePending: [before],
        servedAfter: next,
      });
      expect(toLive.servedMeanwhile.length).toBeGreaterThanOrEqual(2);
      expect({
        askedBack: [askedBack.status, (askedBack.body.promotion as { status: string }).status],
        toFailed: toFailed.settlement,
        servedWhilePending: [...new Set(toFailed.servedMeanwhile)],
        live: after.live_version,
        pending: after.pending_version,
        promotion: after.models!.find((model) => model.version === before)!.promotion,
      }).toStrictEqual({
        askedBack: [202, 'pending'],
        toFailed: { status: 'failed', version: before, reason: expect.stringMatching(/model data/) },
        servedWhilePending: [next],
        live: next,
        pending: undefined,
        promotion: {
          status: 'failed',
          requested_at: expect.any(String),
          finished_at: expect.any(String),
          reason: expect.stringMatching(/model data/),
        },
      });
    } finally {
      cloud.sageMaker.delayDeployments(0);
    }
  }, 180_000);

  it('answers 404 for promoting a version that does not exist', async () => {
    // Act
    const { status, body } = await json('/models/no-such-version/promote', { method: 'POST' });

    // Assess
    expect({ status, code: body.code }).toStrictEqual({ status: 404, code: 'not_found' });
  });
});
