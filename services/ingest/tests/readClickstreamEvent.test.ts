import { readClickstreamEvent } from '../src/domain/readClickstreamEvent.js';

const event = (eventTimestamp: unknown) => ({ user_id: 'u1', event_timestamp: eventTimestamp, event_name: 'detail' });
const stored = (millis: number) => ({
  ok: true,
  event: { user_id: 'u1', event_timestamp: millis, event_name: 'detail', event_type: 'click', device_type: 'unknown' },
});

describe('readClickstreamEvent', () => {
  it.each([
    ['a number', 1733493000000, 1733493000000],
    ['a string of digits, as envsubst fills a JSON template', '1733493000000', 1733493000000],
    ['digits with spaces around them', ' 1733493000000 ', 1733493000000],
    ['an ISO 8601 instant in UTC', '2024-12-06T13:50:00Z', 1733493000000],
    ['an ISO 8601 instant with an offset and milliseconds', '2024-12-06T14:50:00.250+01:00', 1733493000250],
    ['an ISO 8601 instant without seconds', '2024-12-06T13:50Z', 1733493000000],
  ])('reads event_timestamp given as %s into the integer the envelope stores', (_, given, millis) => {
    // Act / Assess
    expect(readClickstreamEvent(event(given), '$')).toStrictEqual(stored(millis));
  });

  it.each([
    ['a word', 'now'],
    ['a local time without an offset', '2024-12-06T13:50:00'],
    ['a date alone', '2024-12-06'],
    ['a decimal', '1733493000000.5'],
    ['an empty string', ''],
  ])('refuses event_timestamp given as %s, saying which spellings it accepts', (_, given) => {
    // Act / Assess
    expect(readClickstreamEvent(event(given), '$.events[3]')).toStrictEqual({
      ok: false,
      violations: [
        {
          path: '$.events[3].event_timestamp',
          message: `must be milliseconds since the Unix epoch, as a number or a string of digits, or an ISO 8601 instant with its offset (e.g. 2026-12-07T10:00:00Z), not '${given}'`,
        },
      ],
    });
  });

  it('checks the read time against the contract’s range like a number', () => {
    // Act
    const reading = readClickstreamEvent(event('1'), '$');

    // Assess
    expect(reading).toStrictEqual({
      ok: false,
      violations: [{ path: '$.event_timestamp', message: 'must be >= 946684800000' }],
    });
  });

  it('reports the time’s problem with the event’s other problems', () => {
    // Act
    const reading = readClickstreamEvent(
      { user_id: 'bad id', event_timestamp: 'yesterday', event_name: 'detail' },
      '$',
    );

    // Assess
    expect(reading.ok ? [] : reading.violations.map((violation) => violation.path).sort()).toStrictEqual([
      '$.event_timestamp',
      '$.user_id',
    ]);
  });
});
