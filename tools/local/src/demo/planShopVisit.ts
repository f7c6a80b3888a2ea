/** One clickstream event of the demo shop, posted `delayMs` after the visit starts. */
export interface PlannedClick {
  delayMs: number;
  body: {
    user_id: string;
    event_timestamp: number;
    event_name: string;
    event_type: 'click';
    device_type: string;
    product_id?: string;
    quantity?: number;
  };
}

const DEVICES = ['mobile', 'mobile', 'desktop', 'tablet'];
const BROWSING = ['search', 'category', 'detail', 'detail', 'detail', 'navigate'];

/**
 * A shopper's visit to the demo shop: it starts with `navigate`, browses (search, category, product
 * details) a few seconds apart, sometimes adds a product to the cart and checks out and buys it,
 * and one visit in five pauses long enough (12–40 s) to start a second session. Products are drawn
 * from `products`, one of the first `hotCount` of them `hotShare` of the time, so those products trend.
 *
 * @example
 * planShopVisit('shopper-7', Date.now(), ['sku-1', 'sku-2'], 0.3, Math.random)
 * // [{ delayMs: 0, body: { user_id: 'shopper-7', event_name: 'navigate', ... } }, { delayMs: 2300, body: { event_name: 'detail', product_id: 'sku-1', ... } }, ...]
 */
export function planShopVisit(
  userId: string,
  startMs: number,
  products: readonly string[],
  hotShare: number,
  random: () => number,
  hotCount = 1,
): PlannedClick[] {
  const device = DEVICES[Math.floor(random() * DEVICES.length)]!;
  const product = () =>
    random() < hotShare
      ? products[Math.floor(random() * hotCount)]!
      : products[Math.floor(random() * products.length)]!;
  const clicks: PlannedClick[] = [];
  let delayMs = 0;
  const add = (eventName: string, extra: Partial<PlannedClick['body']> = {}) => {
    clicks.push({
      delayMs,
      body: {
        user_id: userId,
        event_timestamp: startMs + delayMs,
        event_name: eventName,
        event_type: 'click',
        device_type: device,
        ...extra,
      },
    });
    delayMs += 500 + Math.floor(random() * 5_500);
  };
  add('navigate');
  const pauseAfter = random() < 0.2 ? 1 + Math.floor(random() * 4) : -1;
  for (let i = 0, views = 2 + Math.floor(random() * 7); i < views; i++) {
    const name = BROWSING[Math.floor(random() * BROWSING.length)]!;
    add(name, name === 'detail' ? { product_id: product() } : {});
    if (i === pauseAfter) delayMs += 12_000 + Math.floor(random() * 28_000);
  }
  if (random() < 0.3) {
    const wanted = product();
    const quantity = 1 + Math.floor(random() * 2);
    add('detail', { product_id: wanted });
    add('add_to_cart', { product_id: wanted, quantity });
    if (random() < 0.6) {
      add('checkout');
      add('purchase', { product_id: wanted, quantity });
    }
  }
  return clicks;
}
