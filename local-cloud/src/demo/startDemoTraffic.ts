import { randomUUID } from 'node:crypto';
import { demoCampaigns } from './demoCampaigns.js';
import { planTransaction } from './planTransaction.js';

export interface DemoTraffic {
  stats: { sent: number; accepted: number; failed: number };
  stop(): Promise<void>;
}

/**
 * Posts demo ad transactions to the local cloud's public API at `transactionsPerSecond`, each
 * transaction's events at their planned delays. Bounded by design: it targets the given loopback
 * URL only and stops when asked. Every request carries `apiKey` (the local cloud's key).
 */
export function startDemoTraffic(baseUrl: string, apiKey: string | undefined, transactionsPerSecond: number): DemoTraffic {
  const campaigns = demoCampaigns();
  const users = Array.from({ length: 500 }, () => randomUUID());
  const stats = { sent: 0, accepted: 0, failed: 0 };
  const inFlight = new Set<Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  const post = (path: string, body: unknown): void => {
    if (stopped) return;
    stats.sent++;
    const request = fetch(baseUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey ?? '' },
      body: JSON.stringify(body),
    })
      .then(async (response) => {
        await response.arrayBuffer();
        if (response.ok) stats.accepted++;
        else stats.failed++;
      })
      .catch(() => void stats.failed++)
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  };

  const tick = setInterval(() => {
    const perTick = transactionsPerSecond / 10;
    const count = Math.floor(perTick) + (Math.random() < perTick % 1 ? 1 : 0);
    for (let i = 0; i < count; i++) {
      const campaign = campaigns[Math.floor(Math.random() * campaigns.length)]!;
      const user = users[Math.floor(Math.random() * users.length)]!;
      for (const event of planTransaction(campaign, randomUUID(), user, Math.random)) {
        if (event.delayMs === 0) {
          post(event.path, event.body);
          continue;
        }
        const timer = setTimeout(() => {
          timers.delete(timer);
          post(event.path, event.body);
        }, event.delayMs);
        timers.add(timer);
      }
    }
  }, 100);

  return {
    stats,
    async stop() {
      stopped = true;
      clearInterval(tick);
      timers.forEach(clearTimeout);
      await Promise.allSettled([...inFlight]);
    },
  };
}
