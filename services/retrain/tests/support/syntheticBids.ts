import { DEFAULT_FEATURE_SPEC, buildSparseFeatures, sigmoid } from '@sdp/shared';
import type { TrainingExample } from '../../src/domain/types.js';

const DOMAINS = {
  'premium.example.com': 1.2,
  'news.example.com': 0.3,
  'games.example.io': -0.4,
  'spam.example.net': -1.5,
} as const;

/**
 * Bids whose win probability truly depends on price and domain:
 * logit = −4 + 0.9·log1p(price) + domain effect. Seeded, one bid per second from `startMs`.
 */
export function syntheticBids(
  count: number,
  seed: number,
  startMs = Date.parse('2026-11-22T00:00:00Z'),
): TrainingExample[] {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const domains = Object.keys(DOMAINS) as (keyof typeof DOMAINS)[];
  return Array.from({ length: count }, (_, i) => {
    const domain = domains[Math.floor(random() * domains.length)]!;
    const winPrice = Math.round(10 + random() * 990);
    const input = {
      campaignItemId: String(1000 + Math.floor(random() * 20)),
      domain,
      creativeId: `c-${Math.floor(random() * 30)}`,
      creativeCategory: 'sports',
      winPrice,
    };
    const label: 0 | 1 = random() < sigmoid(-4 + 0.9 * Math.log1p(winPrice) + DOMAINS[domain]) ? 1 : 0;
    return { input, features: buildSparseFeatures(input, DEFAULT_FEATURE_SPEC), label, at: startMs + i * 1000 };
  });
}
