import { EVENT_NAME, validateEvent } from '../src/domain/validateEvent.js';
import { bidBody, clickBody, impressionBody } from './support/adEvents.js';

const MAX_SAFE_INTEGER = 9007199254740991;
const NOT_KNOWN = 'is not a known field; remove it or check its spelling';

describe('validateEvent', () => {
  describe('valid events', () => {
    it('accepts a bid with every seed field and sets its type', () => {
      // Prepare
      const body = bidBody({ win_price: 1250 });

      // Act
      const validation = validateEvent('bid', body);

      // Assess
      expect(validation).toStrictEqual({
        ok: true,
        event: {
          tx_id: 'tx-0001',
          app_uid: 'user-42',
          campaign_item_id: 1463517,
          domain: 'news.example.com',
          creative_id: 'creative-0-1',
          creative_category: 'finance',
          win_price: 1250,
          type: 'bid',
        },
      });
    });

    it('accepts a bid with only its required fields', () => {
      // Prepare
      const body = { tx_id: 'tx-1', app_uid: 'u-1', campaign_item_id: 0 };

      // Act
      const validation = validateEvent('bid', body);

      // Assess
      expect(validation).toStrictEqual({
        ok: true,
        event: { tx_id: 'tx-1', app_uid: 'u-1', campaign_item_id: 0, type: 'bid' },
      });
    });

    it('accepts an impression and defaults its type to imp', () => {
      // Act
      const validation = validateEvent('imp', impressionBody());

      // Assess
      expect(validation).toStrictEqual({ ok: true, event: { tx_id: 'tx-0001', win_price: 1250, type: 'imp' } });
    });

    it('accepts a click and defaults its type to click', () => {
      // Act
      const validation = validateEvent('click', clickBody());

      // Assess
      expect(validation).toStrictEqual({ ok: true, event: { tx_id: 'tx-0001', type: 'click' } });
    });

    it('accepts a type that matches the route', () => {
      // Act
      const validation = validateEvent('imp', impressionBody({ type: 'imp' }));

      // Assess
      expect(validation).toStrictEqual({ ok: true, event: { tx_id: 'tx-0001', win_price: 1250, type: 'imp' } });
    });

    it('accepts the largest safe integer and zero as prices and ids', () => {
      // Act
      const validations = [
        validateEvent('bid', bidBody({ campaign_item_id: MAX_SAFE_INTEGER, win_price: 0 })),
        validateEvent('imp', impressionBody({ win_price: MAX_SAFE_INTEGER })),
      ];

      // Assess
      expect(validations.map((v) => v.ok)).toStrictEqual([true, true]);
    });

    it('counts tx_id length in characters, so 256 emoji fit', () => {
      // Prepare: 256 code points, 512 UTF-16 units
      const txId = '🎯'.repeat(256);

      // Act
      const validation = validateEvent('click', clickBody({ tx_id: txId }));

      // Assess
      expect(validation).toStrictEqual({ ok: true, event: { tx_id: txId, type: 'click' } });
    });
  });

  describe('invalid events', () => {
    it('rejects a type that does not belong to the route', () => {
      // Act
      const validation = validateEvent('bid', bidBody({ type: 'imp' }));

      // Assess
      expect(validation).toStrictEqual({
        ok: false,
        violations: [{ path: '$.type', message: 'must be one of "bid"' }],
      });
    });

    it('rejects every missing required field of a bid', () => {
      // Act
      const validation = validateEvent('bid', {});

      // Assess
      expect(validation).toStrictEqual({
        ok: false,
        violations: [
          { path: '$.tx_id', message: 'is required' },
          { path: '$.app_uid', message: 'is required' },
          { path: '$.campaign_item_id', message: 'is required' },
        ],
      });
    });

    it('rejects an impression without its win_price', () => {
      // Act
      const validation = validateEvent('imp', { tx_id: 'tx-1' });

      // Assess
      expect(validation).toStrictEqual({ ok: false, violations: [{ path: '$.win_price', message: 'is required' }] });
    });

    it('rejects fields the contract does not know, such as bid fields on a click', () => {
      // Act
      const validation = validateEvent('click', clickBody({ app_uid: 'user-42', campaignItemId: 7 }));

      // Assess
      expect(validation).toStrictEqual({
        ok: false,
        violations: [
          { path: '$.app_uid', message: NOT_KNOWN },
          { path: '$.campaignItemId', message: NOT_KNOWN },
        ],
      });
    });

    it('rejects integers beyond 2^53 - 1, which JSON.parse cannot hold exactly', () => {
      // Prepare: 9007199254740993 parses to 9007199254740992
      const body = JSON.parse(
        '{"tx_id":"tx-1","app_uid":"u","campaign_item_id":9007199254740993,"win_price":1e300}',
      ) as unknown;

      // Act
      const validation = validateEvent('bid', body);

      // Assess
      expect(validation).toStrictEqual({
        ok: false,
        violations: [
          { path: '$.campaign_item_id', message: 'must be <= 9007199254740991' },
          { path: '$.win_price', message: 'must be <= 9007199254740991' },
        ],
      });
    });

    it('rejects a negative win_price', () => {
      // Act
      const validation = validateEvent('imp', impressionBody({ win_price: -1 }));

      // Assess
      expect(validation).toStrictEqual({ ok: false, violations: [{ path: '$.win_price', message: 'must be >= 0' }] });
    });

    it.each([
      ['a fraction', 12.5],
      ['a numeric string', '1250'],
      ['a boolean', true],
      ['null', null],
    ])('rejects a win_price that is %s', (_, winPrice) => {
      // Act
      const validation = validateEvent('imp', impressionBody({ win_price: winPrice }));

      // Assess
      expect(validation).toStrictEqual({
        ok: false,
        violations: [{ path: '$.win_price', message: 'must be integer' }],
      });
    });

    it('rejects an empty tx_id', () => {
      // Act
      const validation = validateEvent('click', clickBody({ tx_id: '' }));

      // Assess
      expect(validation).toStrictEqual({
        ok: false,
        violations: [{ path: '$.tx_id', message: 'must NOT have fewer than 1 characters' }],
      });
    });

    it('rejects a tx_id over 256 characters and a label over 1024', () => {
      // Act
      const validation = validateEvent('bid', bidBody({ tx_id: 'x'.repeat(257), domain: 'd'.repeat(1025) }));

      // Assess
      expect(validation).toStrictEqual({
        ok: false,
        violations: [
          { path: '$.tx_id', message: 'must NOT have more than 256 characters' },
          { path: '$.domain', message: 'must NOT have more than 1024 characters' },
        ],
      });
    });

    it('rejects a tx_id that is a number rather than a string', () => {
      // Act
      const validation = validateEvent('click', { tx_id: 1001 });

      // Assess
      expect(validation).toStrictEqual({ ok: false, violations: [{ path: '$.tx_id', message: 'must be string' }] });
    });

    it.each([
      ['an array', [clickBody()]],
      ['a string', '{"tx_id":"tx-1"}'],
      ['null', null],
      ['a number', 7],
      ['a boolean', false],
    ])('rejects a body that is %s', (_, body) => {
      // Act
      const validation = validateEvent('click', body);

      // Assess
      expect(validation).toStrictEqual({ ok: false, violations: [{ path: '$', message: 'must be object' }] });
    });

    it('prefixes violation paths with the base path of the item', () => {
      // Act
      const validation = validateEvent('imp', { tx_id: '', win_price: -5, extra: 1 }, '$.events[3]');

      // Assess
      expect(validation).toStrictEqual({
        ok: false,
        violations: [
          { path: '$.events[3].extra', message: NOT_KNOWN },
          { path: '$.events[3].tx_id', message: 'must NOT have fewer than 1 characters' },
          { path: '$.events[3].win_price', message: 'must be >= 0' },
        ],
      });
    });
  });

  it('names each event type the way a client knows it', () => {
    // Assess
    expect(EVENT_NAME).toStrictEqual({ bid: 'bid', imp: 'impression', click: 'click' });
  });
});
