import { InvalidSettingError } from '@sdp/shared-runtime';
import { parsePricingSettings } from '../src/domain/parsePricingSettings.js';

const RAW = {
  recentMinutes: '15',
  baselineMinutes: '120',
  orderedUnitsDays: '7',
  maxStepPercent: '5',
  cooldownMinutes: '10',
  surgeAbove: '0.6',
  calmBelow: '0.3',
};

describe('parsePricingSettings', () => {
  it('takes the defaults of the plausibility caps when their settings are empty or absent', () => {
    // Act
    const settings = parsePricingSettings({ ...RAW, maxViewsPerMinute: '', maxCartsPerMinute: ' ' });

    // Assess
    expect(settings).toStrictEqual({
      recentMinutes: 15,
      baselineMinutes: 120,
      orderedUnitsDays: 7,
      maxStepPercent: 5,
      cooldownMs: 600_000,
      surgeAbove: 0.6,
      calmBelow: 0.3,
      maxViewsPerMinute: 6_000,
      maxCartsPerMinute: 1_200,
      maxCartsPerView: 1,
    });
  });

  it('takes caps a stage sets', () => {
    // Act
    const settings = parsePricingSettings({
      ...RAW,
      maxViewsPerMinute: '300',
      maxCartsPerMinute: '12.5',
      maxCartsPerView: '0.5',
    });

    // Assess
    expect(settings).toMatchObject({ maxViewsPerMinute: 300, maxCartsPerMinute: 12.5, maxCartsPerView: 0.5 });
  });

  it('refuses a cap that is not a positive number, naming the setting, what it takes and its default', () => {
    // Act & Assess
    expect(() => parsePricingSettings({ ...RAW, maxCartsPerMinute: '0' })).toThrow(
      new InvalidSettingError(
        'DEMAND_MAX_CARTS_PER_MINUTE',
        '0',
        'a number from 0.001 to 1000000000, or empty for 1200',
      ),
    );
    expect(() => parsePricingSettings({ ...RAW, maxCartsPerView: 'one' })).toThrow(
      "DEMAND_MAX_CARTS_PER_VIEW must be a number from 0.001 to 1000000000, or empty for 1, got 'one'.",
    );
    expect(() => parsePricingSettings({ ...RAW, maxViewsPerMinute: '-5' })).toThrow(
      /^DEMAND_MAX_VIEWS_PER_MINUTE must be/,
    );
  });
});
