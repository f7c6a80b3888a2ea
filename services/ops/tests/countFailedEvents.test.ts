import type { FailedEvent, FailedEventStatus } from '@sdp/shared-streams';
import { countFailedEvents } from '../src/domain/countFailedEvents.js';
import { parseListRequest } from '../src/domain/parseListRequest.js';

const item = (function_name: string, status: FailedEventStatus) => ({ function_name, status }) as FailedEvent;

describe('countFailedEvents', () => {
  it('counts per status, overall and per function', () => {
    // Act
    const counts = countFailedEvents([
      item('lake', 'failed'),
      item('enrich', 'failed'),
      item('enrich', 'replayed'),
      item('enrich', 'retrying'),
    ]);

    // Assess
    expect(counts).toStrictEqual({
      retrying: 1,
      failed: 2,
      replaying: 0,
      replayed: 1,
      by_function: [
        { function_name: 'enrich', retrying: 1, failed: 1, replaying: 0, replayed: 1 },
        { function_name: 'lake', retrying: 0, failed: 1, replaying: 0, replayed: 0 },
      ],
    });
  });
});

describe('parseListRequest', () => {
  it('defaults to the newest 100 failed records and names every bad parameter', () => {
    // Act
    const defaults = parseListRequest(undefined);
    const chosen = parseListRequest({ status: 'replayed', limit: '5' });
    const bad = (() => {
      try {
        parseListRequest({ status: 'lost', limit: '0', shard: 'x' });
        return 'accepted';
      } catch (error) {
        return (error as Error).message;
      }
    })();

    // Assess
    expect([defaults, chosen]).toStrictEqual([
      { status: 'failed', limit: 100 },
      { status: 'replayed', limit: 5 },
    ]);
    expect(bad).toContain("status must be one of failed, retrying, replaying, replayed; got 'lost'.");
    expect(bad).toContain("'shard' is not a query parameter");
  });
});
