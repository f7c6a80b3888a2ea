import { isOrphan, orphanedBefore } from '../src/domain/orphanedBefore.js';

const TIMEOUT_MS = 5 * 60_000;
const now = new Date('2026-03-29T12:05:00.000Z');

describe('orphanedBefore', () => {
  it('is the timeout before now', () => {
    // Act
    const cutoff = orphanedBefore(now, TIMEOUT_MS);

    // Assess
    expect(cutoff).toStrictEqual(new Date('2026-03-29T12:00:00.000Z'));
  });
});

describe('isOrphan', () => {
  it.each([
    ['more than the timeout ago', '2026-03-29T11:59:59.999Z', true],
    ['exactly the timeout ago, when a partner arriving now could still join', '2026-03-29T12:00:00.000Z', false],
    ['within the timeout', '2026-03-29T12:04:00.000Z', false],
    ['after now', '2026-03-29T12:06:00.000Z', false],
  ])('answers for an event %s', (_, eventTime, expected) => {
    // Act
    const orphan = isOrphan(new Date(eventTime), now, TIMEOUT_MS);

    // Assess
    expect(orphan).toBe(expected);
  });
});
