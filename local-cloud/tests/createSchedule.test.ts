import { InvalidScheduleExpressionError } from '../src/errors.js';
import { createSchedule } from '../src/eventSources/schedule/createSchedule.js';
import { parseScheduleExpression } from '../src/eventSources/schedule/parseScheduleExpression.js';

describe('parseScheduleExpression', () => {
  const at = (iso: string) => new Date(iso);

  it.each([
    ['rate(1 minute)', '2026-01-01T10:00:30.000Z', '2026-01-01T10:01:30.000Z'],
    ['rate(5 minutes)', '2026-01-01T10:00:00.000Z', '2026-01-01T10:05:00.000Z'],
    ['rate(2 hours)', '2026-01-01T10:00:00.000Z', '2026-01-01T12:00:00.000Z'],
    ['rate(1 day)', '2026-01-01T10:00:00.000Z', '2026-01-02T10:00:00.000Z'],
    ['cron(0 * * * ? *)', '2026-01-01T10:20:00.000Z', '2026-01-01T11:00:00.000Z'],
    ['cron(15 12 * * ? *)', '2026-01-01T13:00:00.000Z', '2026-01-02T12:15:00.000Z'],
    // AWS counts days of the week from 1 = Sunday; 2026-01-04 is a Sunday.
    ['cron(0 8 ? * 1 *)', '2026-01-01T00:00:00.000Z', '2026-01-04T08:00:00.000Z'],
  ])('%s after %s fires at %s', (expression, after, expected) => {
    // Act
    const next = parseScheduleExpression(expression)(at(after));

    // Assess
    expect(next.toISOString()).toBe(expected);
  });

  it.each(['rate(0 minutes)', 'rate(5 fortnights)', 'cron(* * * *)', 'every 5 minutes'])(
    'rejects %s with a message that shows valid forms',
    (expression) => {
      // Act
      const act = () => parseScheduleExpression(expression);

      // Assess
      expect(act).toThrow(InvalidScheduleExpressionError);
      expect(act).toThrow(/rate\(5 minutes\)/);
    },
  );
});

describe('createSchedule', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-01-01T10:00:00.000Z') }));
  afterEach(() => jest.useRealTimers());

  it('invokes once per period with the EventBridge Scheduled Event, and not after stop', async () => {
    // Prepare
    const events: { 'detail-type': string; source: string; time: string }[] = [];
    const schedule = createSchedule(
      'rate(1 minute)',
      async (event) => void events.push(event as (typeof events)[number]),
    );

    // Act
    schedule.start();
    await jest.advanceTimersByTimeAsync(3 * 60_000);
    schedule.stop();
    await jest.advanceTimersByTimeAsync(5 * 60_000);

    // Assess
    expect(events.map((e) => [e['detail-type'], e.source, e.time])).toStrictEqual([
      ['Scheduled Event', 'aws.events', '2026-01-01T10:01:00Z'],
      ['Scheduled Event', 'aws.events', '2026-01-01T10:02:00Z'],
      ['Scheduled Event', 'aws.events', '2026-01-01T10:03:00Z'],
    ]);
  });

  it('sends the configured input instead, and keeps going after a failed run', async () => {
    // Prepare
    const inputs: unknown[] = [];
    const log = jest.fn();
    let calls = 0;
    const schedule = createSchedule(
      'rate(1 minute)',
      async (event) => {
        inputs.push(event);
        if (++calls === 1) throw new Error('first run fails');
      },
      { input: { retrain: 'all' }, log },
    );

    // Act
    schedule.start();
    await jest.advanceTimersByTimeAsync(2 * 60_000);
    schedule.stop();

    // Assess
    expect(inputs).toStrictEqual([{ retrain: 'all' }, { retrain: 'all' }]);
    expect(log.mock.calls).toStrictEqual([
      ['scheduled invocation failed', { rule: 'rate(1 minute)', error: 'Error: first run fails' }],
    ]);
  });
});
