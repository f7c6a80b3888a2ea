import { validateClickstreamEnvelope, validateEventEnvelope } from '@sdp/shared-contract';
import { botMarkOf } from '../src/domain/botMarkOf.js';
import { deviceUserAgentOf } from '../src/domain/deviceUserAgentOf.js';
import { planBatch } from '../src/domain/planBatch.js';
import { planClickstreamBatch } from '../src/domain/planClickstreamBatch.js';
import { stampClickstreamEvent } from '../src/domain/stampClickstreamEvent.js';
import { stampEvent } from '../src/domain/stampEvent.js';
import type { AdEvent, ClickstreamEvent } from '../src/domain/types.js';
import { bidBody, clickBody, decodeRecord, stampOf } from './support/adEvents.js';

const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const VISIT: ClickstreamEvent = {
  user_id: 'u1',
  event_timestamp: 1763800000000,
  event_name: 'detail',
  event_type: 'click',
  device_type: 'desktop',
};

describe('botMarkOf', () => {
  it.each<[string, string | undefined, object]>([
    ['a crawler', GOOGLEBOT, { bot: true, bot_reason: 'user_agent' }],
    [
      'bingbot',
      'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
      { bot: true, bot_reason: 'user_agent' },
    ],
    [
      'a headless browser',
      'Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0.0.0 Safari/537.36',
      { bot: true, bot_reason: 'user_agent' },
    ],
    ['a browser', CHROME, {}],
    ['no user agent', undefined, {}],
  ])('marks %s', (_, userAgent, mark) => {
    // Act
    const marked = botMarkOf(userAgent);

    // Assess
    expect(marked).toStrictEqual(mark);
  });
});

describe('deviceUserAgentOf', () => {
  it.each<[string | undefined, string | undefined]>([
    [GOOGLEBOT, GOOGLEBOT],
    [`  ${CHROME} `, CHROME],
    ['node', undefined],
    ['curl/8.5.0', undefined],
    ['python-requests/2.31.0', undefined],
    ['Go-http-client/1.1', undefined],
    ['k6/0.49.0 (https://k6.io/)', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('takes %j as the device %j', (header, device) => {
    // Act
    const userAgent = deviceUserAgentOf(header);

    // Assess
    expect(userAgent).toStrictEqual(device);
  });

  it('cuts a header longer than the contract allows to 512 characters', () => {
    // Act
    const userAgent = deviceUserAgentOf(`Mozilla/5.0 ${'x'.repeat(600)}`);

    // Assess
    expect(userAgent).toStrictEqual(`Mozilla/5.0 ${'x'.repeat(500)}`);
  });
});

describe('stamping user agents and bot marks', () => {
  it("stamps the request's user agent on a click without one and marks a crawler's as a bot", () => {
    // Prepare
    const click = clickBody({ type: 'click' }) as AdEvent;

    // Act
    const stamped = stampEvent('click', click, { ...stampOf(0), userAgent: GOOGLEBOT });

    // Assess
    expect({ envelope: stamped.envelope, valid: validateEventEnvelope(decodeRecord(stamped)) }).toStrictEqual({
      envelope: {
        schema_version: 1,
        event_id: stampOf(0).eventId,
        received_at: '2025-11-22T04:05:06.789Z',
        type: 'click',
        tenant: 'acme',
        bot: true,
        bot_reason: 'user_agent',
        data: { ...click, user_agent: GOOGLEBOT },
      },
      valid: true,
    });
  });

  it("keeps the event's own user agent over the request's", () => {
    // Act
    const stamped = stampClickstreamEvent({ ...VISIT, user_agent: CHROME }, { ...stampOf(1), userAgent: GOOGLEBOT });

    // Assess
    expect(stamped.envelope).toStrictEqual({
      schema_version: 1,
      event_id: stampOf(1).eventId,
      received_at: '2025-11-22T04:05:06.789Z',
      type: 'clickstream',
      tenant: 'acme',
      data: { ...VISIT, user_agent: CHROME },
    });
  });

  it("never stamps the request's user agent on a bid, whose request comes from the bidder's server", () => {
    // Prepare
    const bid = bidBody({ type: 'bid' }) as AdEvent;

    // Act
    const stamped = stampEvent('bid', bid, { ...stampOf(2), userAgent: GOOGLEBOT });

    // Assess
    expect(stamped.envelope.data).toStrictEqual(bid);
  });

  it("marks a bid whose bidder passed a crawler's user agent", () => {
    // Prepare
    const bid = bidBody({ type: 'bid', user_agent: GOOGLEBOT }) as AdEvent;

    // Act
    const stamped = stampEvent('bid', bid, stampOf(3));

    // Assess
    expect({ bot: stamped.envelope.bot, reason: stamped.envelope.bot_reason }).toStrictEqual({
      bot: true,
      reason: 'user_agent',
    });
  });

  it('stamps every item of a batch and marks only the crawlers', () => {
    // Prepare
    const body = { events: [{ ...VISIT }, { ...VISIT, event_timestamp: 1763800001000, user_agent: CHROME }] };

    // Act
    const plan = planClickstreamBatch(body, (index) => ({ ...stampOf(index), userAgent: GOOGLEBOT }));

    // Assess
    const envelopes = plan.map((item) => (item.ok ? item.stamped.envelope : item.error));
    expect(envelopes.map((envelope) => validateClickstreamEnvelope(envelope))).toStrictEqual([true, true]);
    expect(envelopes).toStrictEqual([
      {
        schema_version: 1,
        event_id: stampOf(0).eventId,
        received_at: '2025-11-22T04:05:06.789Z',
        type: 'clickstream',
        tenant: 'acme',
        bot: true,
        bot_reason: 'user_agent',
        data: { ...VISIT, user_agent: GOOGLEBOT },
      },
      {
        schema_version: 1,
        event_id: stampOf(1).eventId,
        received_at: '2025-11-22T04:05:06.789Z',
        type: 'clickstream',
        tenant: 'acme',
        data: { ...VISIT, event_timestamp: 1763800001000, user_agent: CHROME },
      },
    ]);
  });

  it('rejects an event whose own user agent is longer than 512 characters, naming the field', () => {
    // Act
    const plan = planBatch({ events: [{ type: 'click', tx_id: 't1', user_agent: 'x'.repeat(513) }] }, stampOf);

    // Assess
    expect(plan).toStrictEqual([
      {
        index: 0,
        ok: false,
        error: {
          code: 'validation_failed',
          message: expect.stringContaining('$.events[0].user_agent') as string,
          violations: [expect.objectContaining({ path: '$.events[0].user_agent' })],
        },
      },
    ]);
  });
});
