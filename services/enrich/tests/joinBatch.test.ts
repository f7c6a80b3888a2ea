import { DEFAULT_JOIN_SETTINGS } from '../src/domain/constants.js';
import { joinBatch } from '../src/domain/joinBatch.js';
import type { EventEnvelope, JoinState } from '../src/domain/types.js';
import { at, bidEnvelope, clickEnvelope, impressionEnvelope } from './support/envelopes.js';

const settings = DEFAULT_JOIN_SETTINGS;
const indexed = (envelopes: EventEnvelope[]) => envelopes.map((envelope, index) => ({ index, envelope }));
const summary = (emits: ReturnType<typeof joinBatch>['emits']) =>
  emits.map(({ index, event }) => [index, event.type, event.tx_id, event.event_time, event.win_price ?? null]);

describe('joinBatch', () => {
  it('emits the bid, the joined impression with the bid fields and win_price, and the joined click', () => {
    // Prepare
    const bid = bidEnvelope('t1', 0);
    const batch = indexed([bid, impressionEnvelope('t1', 2, 250), clickEnvelope('t1', 30)]);

    // Act
    const { emits } = joinBatch(batch, new Map(), settings);

    // Assess
    expect(summary(emits)).toStrictEqual([
      [0, 'bid', 't1', at(0), null],
      [1, 'imp', 't1', at(2), 250],
      [2, 'click', 't1', at(30), 250],
    ]);
    expect(emits[1]!.event).toStrictEqual({
      schema_version: 1,
      type: 'imp',
      event_id: batch[1]!.envelope.event_id,
      event_time: at(2),
      tx_id: 't1',
      app_uid: 'user-1',
      campaign_item_id: 1463517,
      domain: 'news.example.com',
      creative_id: 'c-1',
      creative_category: 'travel',
      win_price: 250,
    });
  });

  it("carries each event's own bot mark onto its enriched event, also when it is joined later", () => {
    // Prepare: a crawler's click and impression arrive before the bid (a human's bid, as a bidder sends it)
    const bot = (envelope: EventEnvelope): EventEnvelope => ({ ...envelope, bot: true, bot_reason: 'user_agent' });
    const first = indexed([bot(clickEnvelope('t1', 30)), bot(impressionEnvelope('t1', 2, 250))]);
    const { changed } = joinBatch(first, new Map(), settings);

    // Act
    const { emits } = joinBatch(indexed([bidEnvelope('t1', 0)]), changed, settings);

    // Assess
    expect(emits.map(({ event }) => [event.type, event.bot ?? null])).toStrictEqual([
      ['bid', null],
      ['imp', true],
      ['click', true],
    ]);
  });

  it('keeps transactions of different tenants apart when they share a tx_id', () => {
    // Prepare: acme's bid; globex's impression and click for the same tx_id, then acme's own impression
    const of = (tenant: string, envelope: EventEnvelope): EventEnvelope => ({ ...envelope, tenant });
    const batch = indexed([
      of('acme', bidEnvelope('t1', 0)),
      of('globex', impressionEnvelope('t1', 1, 999)),
      of('globex', clickEnvelope('t1', 2)),
      of('acme', impressionEnvelope('t1', 3, 250)),
    ]);

    // Act
    const { emits, changed } = joinBatch(batch, new Map(), settings);

    // Assess
    expect(
      emits.map(({ index, event }) => [index, event.tenant, event.type, event.tx_id, event.win_price ?? null]),
    ).toStrictEqual([
      [0, 'acme', 'bid', 't1', null],
      [3, 'acme', 'imp', 't1', 250],
    ]);
    expect(
      [...changed.values()].map(({ tx_id, tenant, bid, imp, click }) => ({
        tx_id,
        tenant,
        bid: !!bid,
        imp: imp?.joined ?? null,
        click: click?.joined ?? null,
      })),
    ).toStrictEqual([
      { tx_id: 'acme/t1', tenant: 'acme', bid: true, imp: true, click: null },
      { tx_id: 'globex/t1', tenant: 'globex', bid: false, imp: false, click: false },
    ]);
  });

  it('joins the same way whichever side arrives first', () => {
    // Prepare: click, then impression, then bid
    const batch = indexed([clickEnvelope('t1', 30), impressionEnvelope('t1', 2, 99), bidEnvelope('t1', 0)]);

    // Act
    const { emits } = joinBatch(batch, new Map(), settings);

    // Assess
    expect(summary(emits)).toStrictEqual([
      [2, 'bid', 't1', at(0), null],
      [2, 'imp', 't1', at(2), 99],
      [2, 'click', 't1', at(30), 99],
    ]);
  });

  it('leaves an impression further than the bids session timeout from its bid unjoined, and its click too', () => {
    // Prepare
    const batch = indexed([bidEnvelope('t1', 0), impressionEnvelope('t1', 301), clickEnvelope('t1', 310)]);

    // Act
    const { emits, changed } = joinBatch(batch, new Map(), settings);

    // Assess
    expect(summary(emits)).toStrictEqual([[0, 'bid', 't1', at(0), null]]);
    expect([changed.get('t1')!.imp!.joined, changed.get('t1')!.click!.joined]).toStrictEqual([false, false]);
  });

  it('joins exactly at the timeout but not a millisecond later', () => {
    // Prepare
    const batch = indexed([
      bidEnvelope('a', 0),
      impressionEnvelope('a', 300),
      bidEnvelope('b', 0),
      impressionEnvelope('b', 300.001),
    ]);

    // Act
    const { emits } = joinBatch(batch, new Map(), settings);

    // Assess
    expect(summary(emits).map(([, type, tx]) => `${tx}:${type}`)).toStrictEqual(['a:bid', 'a:imp', 'b:bid']);
  });

  it('keeps the first event of each type: a re-delivered event or a copy changes nothing and is counted as a duplicate', () => {
    // Prepare
    const bid = bidEnvelope('t1', 0);
    const firstImpression = impressionEnvelope('t1', 1, 100);
    const batch = indexed([
      bid,
      firstImpression,
      bid,
      impressionEnvelope('t1', 2, 500),
      bidEnvelope('t1', 3),
      firstImpression,
    ]);

    // Act
    const { emits, changed, duplicates } = joinBatch(batch, new Map(), settings);

    // Assess
    expect(summary(emits)).toStrictEqual([
      [0, 'bid', 't1', at(0), null],
      [1, 'imp', 't1', at(1), 100],
    ]);
    expect(duplicates).toBe(4);
    expect(changed.get('t1')).toStrictEqual(
      joinBatch(indexed([bid, firstImpression]), new Map(), settings).changed.get('t1'),
    );
  });

  it('changes no transaction when every event of the batch is one its stored state already has', () => {
    // Prepare
    const bid = bidEnvelope('t1', 0);
    const first = joinBatch(indexed([bid]), new Map(), settings);
    const stored = new Map<string, JoinState>([['t1', { ...first.changed.get('t1')!, version: 1 }]]);

    // Act
    const again = joinBatch(indexed([bid, bidEnvelope('t1', 7)]), stored, settings);

    // Assess
    expect(again).toStrictEqual({ changed: new Map(), emits: [], duplicates: 2 });
  });

  it('continues from stored state and emits nothing for events the state has already seen', () => {
    // Prepare
    const bid = bidEnvelope('t1', 0);
    const first = joinBatch(indexed([bid]), new Map(), settings);
    const stored = new Map<string, JoinState>([['t1', { ...first.changed.get('t1')!, version: 1 }]]);

    // Act
    const second = joinBatch(indexed([bid, impressionEnvelope('t1', 10, 7)]), stored, settings);

    // Assess
    expect(summary(second.emits)).toStrictEqual([[1, 'imp', 't1', at(10), 7]]);
    expect(second.changed.get('t1')!.version).toBe(1);
  });

  it('keeps a transaction for the retention after its latest event', () => {
    // Act
    const { changed } = joinBatch(indexed([bidEnvelope('t1', 0), clickEnvelope('t1', 60)]), new Map(), settings);

    // Assess
    expect(changed.get('t1')!.expires_at).toBe((Date.parse(at(60)) + settings.stateRetentionMs) / 1000);
  });
});
