import { canonicalTimeZone } from '../src/http/canonicalTimeZone.js';

describe('canonicalTimeZone', () => {
  it.each([
    ['UTC', 'UTC'],
    ['utc', 'UTC'],
    ['Europe/Paris', 'Europe/Paris'],
    ['europe/paris', 'Europe/Paris'],
    ['America/New_York', 'America/New_York'],
  ])('knows %s as %s', (name, expected) => {
    // Act
    const canonical = canonicalTimeZone(name);

    // Assess
    expect(canonical).toBe(expected);
  });

  it.each(['Mars/Olympus', '', '+01:00', 'Europe/Pariss'])('does not know %j', (name) => {
    // Act
    const canonical = canonicalTimeZone(name);

    // Assess
    expect(canonical).toBeUndefined();
  });
});
