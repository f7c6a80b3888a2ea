import type { DemoCampaign } from './planTransaction.js';

const DOMAINS = [
  'www.google.com',
  'news.example.com',
  'weather.example.net',
  'recipes.example.org',
  'games.example.io',
  'sports.example.com',
];
const CATEGORIES = ['travel', 'finance', 'gaming', 'retail', 'automotive', 'food'];

/**
 * A few dozen campaigns whose win rates (10–40%) and click-through rates (1–8%) differ, as real
 * campaigns do, so reports and models have something to tell apart. Deterministic for a given count.
 */
export function demoCampaigns(count = 36): DemoCampaign[] {
  return Array.from({ length: count }, (_, i) => ({
    campaignItemId: 1463517 + i,
    winRate: 0.1 + ((i * 7) % 31) / 100,
    clickThroughRate: 0.01 + ((i * 5) % 8) / 100,
    domains: DOMAINS.filter((_, d) => (d + i) % 3 !== 0),
    creatives: Array.from({ length: 3 }, (_, c) => ({
      id: `creative-${i}-${c}`,
      category: CATEGORIES[(i + c) % CATEGORIES.length]!,
    })),
  }));
}
