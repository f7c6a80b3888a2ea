import { readEnrichedEvent } from '../src/domain/readEnrichedEvent.js';
import { enrichedEvent } from './support/enrichedEvents.js';

describe('readEnrichedEvent', () => {
  it('reads a valid enriched impression', () => {
    // Prepare
    const event = enrichedEvent({ type: 'imp', win_price: 3 });

    // Act
    const reading = readEnrichedEvent(JSON.stringify(event));

    // Assess
    expect(reading).toStrictEqual({ ok: true, event });
  });

  it.each([
    ['broken JSON', '{"schema_version":', { ok: false, reason: 'not_json', violations: [] }],
    [
      'a newer schema version',
      JSON.stringify({ ...enrichedEvent(), schema_version: 2 }),
      { ok: false, reason: 'unknown_schema_version', violations: [] },
    ],
    [
      'a record without a schema version',
      JSON.stringify({ ...enrichedEvent(), schema_version: undefined }),
      { ok: false, reason: 'invalid', violations: [{ path: '$.schema_version', message: 'is required' }] },
    ],
    [
      'an event of an unknown type',
      JSON.stringify(enrichedEvent({ type: 'view' as never })),
      {
        ok: false,
        reason: 'invalid',
        violations: [{ path: '$.type', message: 'must be one of "bid", "imp", "click"' }],
      },
    ],
    ['a JSON array', '[]', { ok: false, reason: 'invalid', violations: [{ path: '$', message: 'must be object' }] }],
  ])('turns down %s', (_, data, expected) => {
    // Act
    const reading = readEnrichedEvent(data);

    // Assess
    expect(reading).toStrictEqual(expected);
  });
});
