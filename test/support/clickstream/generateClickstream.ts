import { seededRandom } from '../../../shared/src/random/seededRandom.js';
import type { PostedClick } from './sessionsOracle.js';

export interface ClickstreamWorkload {
  /** Every event in the order it is posted (late ones later, copies included) */
  arrivals: PostedClick[];
  /** How many of the arrivals are copies of an earlier one */
  copies: number;
  /** Events held back so they bridge two visits that are otherwise separate sessions */
  bridges: number;
}

const NAMES = ['navigate', 'search', 'category', 'detail', 'detail', 'add_to_cart', 'checkout', 'purchase'];
/** Events that name a product (`checkout` one time in two, as a shop may or may not say which cart line) */
const PRODUCT_EVENTS = new Set(['detail', 'add_to_cart', 'checkout', 'purchase']);
const DEVICES = ['mobile', 'desktop', 'tablet'];

export interface ClickstreamOptions {
  users: number;
  seed: number;
  /** The session gap the visits are spaced around */
  gapMs: number;
  /** Event time of the first visits (they start within a minute of it) */
  startMs: number;
  /** Users are `<userPrefix>0000`, `<userPrefix>0001`, …; `shopper-` (the demo shop's) by default */
  userPrefix?: string;
  /** Products are `<productPrefix>001` … `<productPrefix>012`; `sku-` (the demo catalog's) by default */
  productPrefix?: string;
}

/**
 * A seeded shop clickstream: `users` users, each making 2–6 visits of 2–12 events 0.2–8 s apart,
 * visits 12–90 s apart. Arrival order is event time plus a random delay of up to 20 s; one in 25
 * events arrives 1–4 minutes late; one in 30 is posted twice. For one in four visit pairs whose gap
 * is under twice the session gap, an event is added in the middle of the gap and held back until
 * the rest has arrived, so it merges two sessions late. Product events name one of 12 products (the
 * first of them a third of the time) and carts and purchases a quantity of 1–3, drawn from a second
 * seeded sequence so the sessions of a seed stay the same. Suites that share a cloud give their
 * own user and product prefixes (test/support/namespaces.ts).
 *
 * @example
 * generateClickstream({ users: 100, seed: 4242, gapMs: 10_000, startMs, userPrefix: 'demand-shopper-', productPrefix: 'demand-sku-' })
 * // { arrivals: [{ user_id: 'demand-shopper-0026', event_name: 'navigate', … }, … { user_id: 'demand-shopper-0053', event_name: 'detail', product_id: 'demand-sku-004', … }, …], copies: 97, bridges: 12 }
 */
export function generateClickstream(options: ClickstreamOptions): ClickstreamWorkload {
  const { users, seed, gapMs, startMs, userPrefix = 'shopper-', productPrefix = 'sku-' } = options;
  const products = Array.from({ length: 12 }, (_, i) => `${productPrefix}${String(i + 1).padStart(3, '0')}`);
  const random = seededRandom(seed);
  const productRandom = seededRandom(seed + 1);
  const productFields = (eventName: string): Partial<PostedClick> => {
    if (!PRODUCT_EVENTS.has(eventName) || (eventName === 'checkout' && productRandom() < 0.5)) return {};
    const product_id =
      productRandom() < 1 / 3 ? products[0]! : products[Math.floor(productRandom() * products.length)]!;
    return eventName === 'add_to_cart' || eventName === 'purchase'
      ? { product_id, quantity: 1 + Math.floor(productRandom() * 3) }
      : { product_id };
  };
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const timed: { event: PostedClick; arrivesAt: number }[] = [];
  const heldBack: PostedClick[] = [];
  for (let u = 0; u < users; u++) {
    const userId = `${userPrefix}${String(u).padStart(4, '0')}`;
    const device = pick(DEVICES);
    let at = startMs + Math.floor(random() * 60_000);
    const visits = 2 + Math.floor(random() * 5);
    for (let v = 0; v < visits; v++) {
      const events = 2 + Math.floor(random() * 11);
      let lastAt = at;
      for (let e = 0; e < events; e++) {
        const eventName = e === 0 ? 'navigate' : pick(NAMES);
        const event: PostedClick = {
          user_id: userId,
          event_timestamp: at,
          event_name: eventName,
          event_type: 'click',
          device_type: random() < 0.9 ? device : pick(DEVICES),
          ...productFields(eventName),
        };
        const late = random() < 0.04 ? 60_000 + random() * 180_000 : 0;
        timed.push({ event, arrivesAt: at + random() * 20_000 + late });
        lastAt = at;
        at += 200 + Math.floor(random() * 7_800);
      }
      const gap = gapMs + 2_000 + Math.floor(random() * 78_000);
      if (gap < 2 * gapMs && random() < 0.25) {
        heldBack.push({
          user_id: userId,
          event_timestamp: lastAt + Math.floor(gap / 2),
          event_name: 'search',
          event_type: 'click',
          device_type: device,
        });
      }
      at = lastAt + gap;
    }
  }
  timed.sort((a, b) => a.arrivesAt - b.arrivesAt);
  const arrivals: PostedClick[] = [];
  let copies = 0;
  for (const { event } of timed) {
    arrivals.push(event);
    if (random() < 1 / 30) {
      arrivals.push({ ...event });
      copies++;
    }
  }
  arrivals.push(...heldBack);
  return { arrivals, copies, bridges: heldBack.length };
}
