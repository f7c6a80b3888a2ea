import { demandFingerprint } from '../src/domain/demandFingerprint.js';
import { features } from './support/pricingFixtures.js';

describe('demandFingerprint', () => {
  const { features_version: _version, ...hydrated } = features({ attributes: { colour: 'black', material: 'mesh' } });

  it('fingerprints the demand, not when it was hydrated nor in which key order', () => {
    // Act
    const fingerprints = [
      demandFingerprint(hydrated),
      demandFingerprint({
        ...hydrated,
        as_of: '2026-12-04T16:00:00.000Z',
        attributes: { material: 'mesh', colour: 'black' },
      }),
      demandFingerprint({ ...hydrated, attributes: { colour: 'white', material: 'mesh' } }),
    ];

    // Assess
    expect(fingerprints[1]).toBe(fingerprints[0]);
    expect(fingerprints[2]).not.toBe(fingerprints[0]);
  });

  it('keeps the fingerprints stored tables hold: a new hash would write a new version of every product', () => {
    // Act
    const fingerprint = demandFingerprint(hydrated);

    // Assess
    expect(fingerprint).toBe('wW7WD1nb341ehr0110X3N955JOO15Ji3IRjWIYN-hCc');
  });
});
