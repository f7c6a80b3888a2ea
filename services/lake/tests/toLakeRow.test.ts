import { toLakeRow } from '../src/domain/toLakeRow.js';
import { LANDED_AT, SHARD_0, rawRecord, sequenceOf, windowRecord } from './support/records.js';

const lineage = (n: number) => ({ shard_id: SHARD_0, sequence_number: sequenceOf(n), landed_at: LANDED_AT });

describe('toLakeRow', () => {
  it('turns a raw bid into a bids row with its lineage', () => {
    // Prepare
    const record = rawRecord(1, 'bid', '2026-11-22T06:59:59.123Z');

    // Act
    const outcome = toLakeRow('raw', record, LANDED_AT);

    // Assess
    expect(outcome).toStrictEqual({
      table: 'bids',
      row: {
        event_id: JSON.parse(record.data).event_id,
        received_at: Date.parse('2026-11-22T06:59:59.123Z'),
        tx_id: 'tx-1',
        app_uid: 'app-1',
        campaign_item_id: 7,
        domain: 'news.example.com',
        creative_id: 'c-1',
        creative_category: 'sports',
        win_price: null,
        source: 'live',
        user_agent: null,
        bot: null,
        ...lineage(1),
      },
    });
  });

  it("keeps a bot's click with its user agent and the reason it is a bot", () => {
    // Prepare
    const human = rawRecord(5, 'click', '2026-11-22T05:00:00.000Z');
    const envelope = JSON.parse(human.data) as { data: object };
    const crawler = {
      ...human,
      data: JSON.stringify({
        ...envelope,
        bot: true,
        bot_reason: 'user_agent',
        data: { ...envelope.data, user_agent: 'Googlebot/2.1' },
      }),
    };

    // Act
    const outcome = toLakeRow('raw', crawler, LANDED_AT);

    // Assess
    expect(outcome).toStrictEqual({
      table: 'clicks',
      row: {
        event_id: JSON.parse(human.data).event_id,
        received_at: Date.parse('2026-11-22T05:00:00.000Z'),
        tx_id: 'tx-5',
        source: 'live',
        user_agent: 'Googlebot/2.1',
        bot: 'user_agent',
        ...lineage(5),
      },
    });
  });

  it('marks an event that POST /import took from history as source import, in the hour of its event time', () => {
    // Prepare
    const live = rawRecord(4, 'click', '2026-11-22T05:00:00.000Z');
    const imported = {
      ...live,
      data: JSON.stringify({ ...JSON.parse(live.data), source: 'import', imported_at: '2026-11-22T07:30:00.000Z' }),
    };

    // Act
    const outcome = toLakeRow('raw', imported, LANDED_AT);

    // Assess
    expect(outcome).toStrictEqual({
      table: 'clicks',
      row: {
        event_id: JSON.parse(live.data).event_id,
        received_at: Date.parse('2026-11-22T05:00:00.000Z'),
        tx_id: 'tx-4',
        source: 'import',
        user_agent: null,
        bot: null,
        ...lineage(4),
      },
    });
  });

  it('turns raw impressions and clicks into their tables', () => {
    // Act
    const imp = toLakeRow('raw', rawRecord(2, 'imp', '2026-11-22T07:00:00.000Z'), LANDED_AT);
    const click = toLakeRow('raw', rawRecord(3, 'click', '2026-11-22T07:00:01.000Z'), LANDED_AT);

    // Assess
    expect(imp).toMatchObject({ table: 'impressions', row: { tx_id: 'tx-2', win_price: 120, ...lineage(2) } });
    expect(click).toMatchObject({
      table: 'clicks',
      row: { tx_id: 'tx-3', received_at: Date.parse('2026-11-22T07:00:01.000Z'), ...lineage(3) },
    });
  });

  it('lands enriched impressions and clicks, and leaves enriched bids to the bids table', () => {
    // Prepare
    const enriched = (type: string) => ({
      shardId: SHARD_0,
      sequenceNumber: sequenceOf(4),
      data: JSON.stringify({
        schema_version: 1,
        type,
        event_id: '00000000-0000-4000-8000-000000000099',
        event_time: '2026-11-22T07:00:00.000Z',
        tx_id: 'tx-4',
        app_uid: 'app-1',
        campaign_item_id: 7,
        win_price: 55,
      }),
    });

    // Act
    const outcomes = ['imp', 'click', 'bid'].map((type) => toLakeRow('enriched', enriched(type), LANDED_AT));

    // Assess
    expect(outcomes.map((o) => ('table' in o ? o.table : 'none' in o ? `none: ${o.none}` : o.skip))).toStrictEqual([
      'joined_impressions',
      'joined_clicks',
      'none: enriched bids are in the bids table already',
    ]);
    expect(outcomes[0]).toMatchObject({
      row: { event_time: Date.parse('2026-11-22T07:00:00.000Z'), domain: null, win_price: 55, bot: null },
    });
  });

  it('keeps the bot mark of a joined impression or click, which the funnel leaves out of its counts', () => {
    // Prepare
    const data = JSON.stringify({
      schema_version: 1,
      type: 'click',
      event_id: '00000000-0000-4000-8000-000000000098',
      event_time: '2026-11-22T07:00:00.000Z',
      tx_id: 'tx-5',
      app_uid: 'app-1',
      campaign_item_id: 7,
      bot: true,
    });

    // Act
    const outcome = toLakeRow('enriched', { shardId: SHARD_0, sequenceNumber: sequenceOf(5), data }, LANDED_AT);

    // Assess
    expect(outcome).toMatchObject({ table: 'joined_clicks', row: { tx_id: 'tx-5', bot: 'user_agent' } });
  });

  it('turns an aggregation window into an aggregate_changes row', () => {
    // Act
    const outcome = toLakeRow(
      'aggregates',
      windowRecord(5, '2026-11-22T07:00:00.000Z', { bids: 3, impressions: 2, clicks: 1, spend: 240 }),
      LANDED_AT,
    );

    // Assess
    expect(outcome).toStrictEqual({
      table: 'aggregate_changes',
      row: {
        campaign_item_id: 7,
        window_start: Date.parse('2026-11-22T07:00:00.000Z'),
        window_end: Date.parse('2026-11-22T07:01:00.000Z'),
        bids: 3,
        impressions: 2,
        clicks: 1,
        spend: 240,
        updated_at: Date.parse('2026-11-22T07:00:01.000Z'),
        ...lineage(5),
      },
    });
  });

  it.each([
    ['raw', 'not json', 'the record is not JSON'],
    ['raw', '{"schema_version":2}', 'the record is not a valid EventEnvelope'],
    ['enriched', '{}', 'the record is not a valid EnrichedEvent'],
    ['aggregates', '{"campaign_item_id":-1}', 'the record is not a valid AggregationWindow'],
  ] as const)('skips a %s record that breaks its contract (%s)', (source, data, reason) => {
    // Act
    const outcome = toLakeRow(source, { shardId: SHARD_0, sequenceNumber: sequenceOf(9), data }, LANDED_AT);

    // Assess
    expect(outcome).toStrictEqual({ skip: reason });
  });

  it('turns the shop streams into rows: a clickstream event, a version of a session, a version of a product window', () => {
    // Prepare
    const record = (n: number, body: unknown) => ({
      shardId: SHARD_0,
      sequenceNumber: sequenceOf(n),
      data: JSON.stringify(body),
    });
    const click = {
      user_id: 'u1',
      event_timestamp: 1764856800123,
      event_name: 'purchase',
      product_id: 'sku-001',
      quantity: 2,
    };
    const envelope = {
      schema_version: 1,
      event_id: '00000000-0000-4000-8000-000000000001',
      received_at: '2026-12-04T14:00:01.000Z',
      type: 'clickstream',
      data: click,
    };
    const session = {
      session_id: 'u1_2',
      user_id: 'u1',
      status: 'merged',
      merged_into: 'u1_1',
      start: '2026-12-04T14:00:00.000Z',
      end: '2026-12-04T14:00:09.000Z',
      duration_ms: 9000,
      event_count: 3,
      device_type: 'mobile',
      entry_event: 'navigate',
      exit_event: 'purchase',
      updated_at: '2026-12-04T14:01:00.000Z',
    };
    const window = {
      product_id: 'sku-001',
      window_start: '2026-12-04T14:00:00.000Z',
      window_end: '2026-12-04T14:01:00.000Z',
      views: 5,
      carts: 1,
      cart_units: 2,
      checkouts: 1,
      purchases: 1,
      units_sold: 2,
      version: 4,
      updated_at: '2026-12-04T14:01:00.000Z',
    };

    // Act
    const outcomes = [
      toLakeRow('clickstream', record(1, envelope), LANDED_AT),
      toLakeRow('sessions', record(2, session), LANDED_AT),
      toLakeRow('product_windows', record(3, window), LANDED_AT),
    ];
    const broken = toLakeRow('product_windows', record(4, { ...window, views: -1 }), LANDED_AT);

    // Assess
    expect(outcomes).toStrictEqual([
      {
        table: 'clickstream_events',
        row: {
          event_id: envelope.event_id,
          received_at: Date.parse(envelope.received_at),
          user_id: 'u1',
          event_time: 1764856800123,
          event_name: 'purchase',
          event_type: 'click',
          device_type: 'unknown',
          product_id: 'sku-001',
          quantity: 2,
          source: 'live',
          user_agent: null,
          bot: null,
          ...lineage(1),
        },
      },
      {
        table: 'session_changes',
        row: {
          session_id: 'u1_2',
          user_id: 'u1',
          status: 'merged',
          duration_ms: 9000,
          event_count: 3,
          device_type: 'mobile',
          entry_event: 'navigate',
          exit_event: 'purchase',
          merged_into: 'u1_1',
          start: Date.parse(session.start),
          end: Date.parse(session.end),
          updated_at: Date.parse(session.updated_at),
          ...lineage(2),
        },
      },
      {
        table: 'product_window_changes',
        row: {
          product_id: 'sku-001',
          views: 5,
          carts: 1,
          cart_units: 2,
          checkouts: 1,
          purchases: 1,
          units_sold: 2,
          version: 4,
          window_start: Date.parse(window.window_start),
          window_end: Date.parse(window.window_end),
          updated_at: Date.parse(window.updated_at),
          ...lineage(3),
        },
      },
    ]);
    expect(broken).toStrictEqual({ skip: 'the record is not a valid ProductWindow' });
  });
});
