import { InvalidRequestError } from '@sdp/shared-http';
import { eventIdFor } from '../src/domain/eventIdFor.js';

const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('eventIdFor', () => {
  it('uses a fresh id when the client sends no Idempotency-Key', () => {
    // Act
    const id = eventIdFor('acme', 'bid', undefined, () => 'fresh-id');

    // Assess
    expect(id).toBe('fresh-id');
  });

  it('derives the same UUID for the same tenant, type and key, and different ones otherwise', () => {
    // Act
    const ids = [
      eventIdFor('acme', 'bid', 'k-1', () => 'unused'),
      eventIdFor('acme', 'bid', 'k-1', () => 'unused'),
      eventIdFor('acme', 'bid', 'k-2', () => 'unused'),
      eventIdFor('acme', 'click', 'k-1', () => 'unused'),
      eventIdFor('globex', 'bid', 'k-1', () => 'unused'),
    ];

    // Assess
    expect(ids.every((id) => UUID_V8.test(id))).toBe(true);
    expect(ids[0]).toBe(ids[1]);
    expect(new Set(ids).size).toBe(4);
  });

  it.each(['', 'has space', 'ümlaut', 'x'.repeat(257)])(
    'refuses the key %j with a message that says what is allowed',
    (key) => {
      // Act
      const act = () => eventIdFor('acme', 'imp', key, () => 'unused');

      // Assess
      expect(act).toThrow(
        new InvalidRequestError('Idempotency-Key must be 1 to 256 visible ASCII characters (no spaces).'),
      );
    },
  );
});
