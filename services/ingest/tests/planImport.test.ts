import { validateClickstreamEnvelope, validateEventEnvelope } from '@sdp/shared-contract';
import { ValidationFailedError } from '@sdp/shared-http';
import type { PutOutcome } from '@sdp/shared-streams';
import { planImport, type PlannedImport } from '../src/domain/planImport.js';
import { summarizeImport } from '../src/domain/summarizeImport.js';
import { writeImport } from '../src/domain/writeImport.js';

const NOW = new Date('2026-12-07T10:00:00.000Z');
const HOUR_MS = 3_600_000;
const CONTEXT = { tenant: 'acme', now: NOW, maxAgeMs: 47 * HOUR_MS };
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * HOUR_MS).toISOString();
const bid = {
  type: 'bid',
  tx_id: 'tx-1',
  app_uid: 'app-1',
  campaign_item_id: 7,
  event_time: hoursAgo(2),
};
const view = { user_id: 'shopper-1', event_timestamp: String(NOW.getTime() - HOUR_MS), event_name: 'detail' };

const envelopeOf = (item: PlannedImport | undefined) =>
  item && 'ok' in item && item.ok
    ? (JSON.parse(Buffer.from(item.stamped.record.data).toString('utf8')) as object)
    : item;
const written = (shard: string, n: number): PutOutcome => ({ ok: true, shardId: shard, sequenceNumber: String(n) });

describe('planImport', () => {
  it('stamps an ad event and a clickstream event with their own event time, marked as imported, each to its stream', () => {
    // Act
    const [ad, click] = planImport({ rows: [bid, view] }, CONTEXT);

    // Assess
    const adEnvelope = envelopeOf(ad) as { event_id: string };
    expect(adEnvelope).toStrictEqual({
      schema_version: 1,
      event_id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      received_at: hoursAgo(2),
      type: 'bid',
      tenant: 'acme',
      source: 'import',
      imported_at: NOW.toISOString(),
      data: { type: 'bid', tx_id: 'tx-1', app_uid: 'app-1', campaign_item_id: 7 },
    });
    expect(validateEventEnvelope(adEnvelope)).toBe(true);
    expect(ad).toMatchObject({ ok: true, stream: 'raw', stamped: { record: { partitionKey: 'tx-1' } } });
    const clickEnvelope = envelopeOf(click);
    expect(clickEnvelope).toMatchObject({
      received_at: hoursAgo(1),
      type: 'clickstream',
      source: 'import',
      data: { user_id: 'shopper-1', event_timestamp: NOW.getTime() - HOUR_MS, event_type: 'click' },
    });
    expect(validateClickstreamEnvelope(clickEnvelope)).toBe(true);
    expect(click).toMatchObject({ stream: 'clickstream', stamped: { record: { partitionKey: 'shopper-1' } } });
  });

  it('names a row by its tenant and content: the same row imported again, in any key order and time spelling, gets the same event_id', () => {
    // Prepare
    const reordered = {
      event_time: String(Date.parse(bid.event_time)),
      campaign_item_id: 7,
      app_uid: 'app-1',
      tx_id: 'tx-1',
      type: 'bid',
    };

    // Act
    const [first] = planImport({ rows: [bid] }, CONTEXT);
    const [again] = planImport({ rows: [reordered] }, { ...CONTEXT, now: new Date(NOW.getTime() + HOUR_MS) });
    const [otherTenant] = planImport({ rows: [bid] }, { ...CONTEXT, tenant: 'globex' });
    const [otherTime] = planImport({ rows: [{ ...bid, event_time: hoursAgo(3) }] }, CONTEXT);

    // Assess
    const idOf = (item: PlannedImport | undefined) => (envelopeOf(item) as { event_id: string }).event_id;
    expect(idOf(again)).toBe(idOf(first));
    expect(new Set([idOf(first), idOf(otherTenant), idOf(otherTime)]).size).toBe(3);
  });

  it('writes a row that repeats an earlier one of the request once, and answers it as a duplicate of that row', () => {
    // Act
    const plan = planImport({ rows: [bid, view, { ...bid }] }, CONTEXT);

    // Assess
    expect(plan[2]).toStrictEqual({
      index: 2,
      duplicateOf: 0,
      eventId: (envelopeOf(plan[0]) as { event_id: string }).event_id,
    });
  });

  it('rejects a row older than the import horizon, one ahead of the clock, and invalid rows, each with what to fix', () => {
    // Act
    const plan = planImport(
      {
        rows: [
          { ...bid, event_time: hoursAgo(48) },
          { ...view, event_timestamp: NOW.getTime() + 10 * 60_000 },
          { ...bid, event_time: undefined },
          { ...bid, event_time: 'yesterday' },
          { ...bid, type: 'purchase' },
          { ...view, event_name: 'Detail' },
          { type: 'click', tx_id: 'tx-9', event_time: 1.5 },
          'a line that is not an object',
        ],
      },
      CONTEXT,
    );

    // Assess
    expect(plan.map((item) => ('ok' in item && !item.ok ? item.error.code : item))).toStrictEqual([
      'too_old',
      'in_future',
      'validation_failed',
      'validation_failed',
      'validation_failed',
      'validation_failed',
      'validation_failed',
      'validation_failed',
    ]);
    const messages = plan.map((item) => ('ok' in item && !item.ok ? item.error.message : ''));
    expect(messages[0]).toBe(
      `The event happened at ${hoursAgo(48)}, more than 47 h ago; imports take events up to 47 h old (importMaxAgeHours), the horizon within which every consumer still recognises an event it counted.`,
    );
    expect(messages[1]).toContain('more than 5 minutes ahead of ingest');
    expect(messages[2]).toContain(
      '$.rows[2].event_time is required: when the bid happened, as milliseconds since the Unix epoch',
    );
    expect(messages[3]).toContain(
      "$.rows[3].event_time must be milliseconds since the Unix epoch, as a number or a string of digits, or an ISO 8601 instant with its offset (e.g. 2026-12-07T10:00:00Z), not 'yesterday'",
    );
    expect(messages[4]).toContain(
      '$.rows[4].type must be bid, imp or click for an ad event (a clickstream event has no type), not "purchase"',
    );
    expect(messages[5]).toContain('$.rows[5].event_name');
    expect(messages[6]).toContain('$.rows[6].event_time must be milliseconds');
    expect(messages[7]).toBe('The event is invalid: $.rows[7] must be an object: an ad event or a clickstream event.');
  });

  it('refuses a body that is not a batch of 1 to 500 rows as a whole', () => {
    // Act & Assess
    expect(() => planImport({ rows: [] }, CONTEXT)).toThrow(ValidationFailedError);
    expect(() => planImport({ rows: Array.from({ length: 501 }, () => bid) }, CONTEXT)).toThrow(ValidationFailedError);
    expect(() => planImport({ events: [bid] }, CONTEXT)).toThrow(ValidationFailedError);
  });
});

describe('writeImport and summarizeImport', () => {
  it('writes each stream once and answers every row in request order: accepted with its stream position, rejected, duplicate', async () => {
    // Prepare
    const plan = planImport(
      { rows: [view, bid, { ...bid, type: 'imp' }, { ...view }, { ...bid, tx_id: 'tx-2' }] },
      CONTEXT,
    );
    const calls: { stream: string; keys: string[] }[] = [];
    const streamOf = (stream: string, shard: string) => ({
      write: async (records: readonly { partitionKey: string }[]) => {
        calls.push({ stream, keys: records.map((record) => record.partitionKey) });
        return records.map((_, n) => written(shard, n + 1));
      },
    });

    // Act
    const outcomes = await writeImport(plan, {
      raw: streamOf('raw', 'shard-r'),
      clickstream: streamOf('clickstream', 'shard-c'),
    });
    const { statusCode, body } = summarizeImport(plan, outcomes);

    // Assess
    expect(calls).toStrictEqual([
      { stream: 'raw', keys: ['tx-1', 'tx-2'] },
      { stream: 'clickstream', keys: ['shopper-1'] },
    ]);
    expect(statusCode).toBe(200);
    expect(body).toMatchObject({ accepted: 3, rejected: 1, duplicates: 1 });
    expect(
      body.results.map((result) => [
        result.index,
        result.status,
        'shard_id' in result ? `${result.shard_id}/${result.sequence_number}` : '',
      ]),
    ).toStrictEqual([
      [0, 'accepted', 'shard-c/1'],
      [1, 'accepted', 'shard-r/1'],
      [2, 'rejected', ''],
      [3, 'duplicate', ''],
      [4, 'accepted', 'shard-r/2'],
    ]);
    expect(body.results[1]).toMatchObject({ received_at: hoursAgo(2) });
  });

  it('answers 429 with Retry-After when the throttled streams took no row', async () => {
    // Prepare
    const plan = planImport({ rows: [bid, view] }, CONTEXT);
    const throttled = { ok: false, errorCode: 'ProvisionedThroughputExceededException' } as PutOutcome;

    // Act
    const { statusCode, headers, body } = summarizeImport(plan, [throttled, throttled]);

    // Assess
    expect({ statusCode, headers, accepted: body.accepted }).toStrictEqual({
      statusCode: 429,
      headers: { 'Retry-After': '1' },
      accepted: 0,
    });
  });
});
