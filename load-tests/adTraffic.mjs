/**
 * Artillery processor for the load scenarios: the bodies a bidder and an ad server send, shaped like
 * the demo traffic of npm start (tools/local/src/demo): 36 campaigns from 1463517 with win rates of
 * 10–40 % and click-through rates of 1–8 %, a few domains and creatives, prices of 1–2000.
 *
 * Plain JavaScript (`.mjs`, which Artillery imports as ESM) on purpose: Artillery bundles a `.ts`
 * processor into `dist/<name>.js`, which this `"type": "module"` repository would load as ESM and
 * fail on; a self-contained `.mjs` runs as is under `npx artillery run`, against any target.
 * Functions use Artillery's callback signature `(context, events, done)`.
 */
import { randomUUID } from 'node:crypto';

const FIRST_CAMPAIGN_ITEM_ID = 1463517;
const CAMPAIGNS = 36;
const DOMAINS = [
  'www.google.com',
  'news.example.com',
  'weather.example.net',
  'recipes.example.org',
  'games.example.io',
  'sports.example.com',
];
const CATEGORIES = ['travel', 'finance', 'gaming', 'retail', 'automotive', 'food'];
/** Events per `POST /events` call, picked at random per call; 500 is the API's maximum. */
const BATCH_SIZES = [20, 50, 100, 250, 500];

const pick = (items) => items[Math.floor(Math.random() * items.length)];

/** One transaction: its bid, and whether it wins (gets an impression) and is clicked, with the same `tx_id`. */
function planTransaction() {
  const index = Math.floor(Math.random() * CAMPAIGNS);
  const creative = Math.floor(Math.random() * 3);
  const winPrice = 1 + Math.floor(Math.random() * 2000);
  const bid = {
    tx_id: randomUUID(),
    app_uid: randomUUID(),
    campaign_item_id: FIRST_CAMPAIGN_ITEM_ID + index,
    domain: pick(DOMAINS),
    creative_id: `creative-${index}-${creative}`,
    creative_category: CATEGORIES[(index + creative) % CATEGORIES.length],
    win_price: winPrice,
  };
  const wins = Math.random() < 0.1 + ((index * 7) % 31) / 100;
  const clicked = wins && Math.random() < 0.01 + ((index * 5) % 8) / 100;
  return { bid, wins, clicked };
}

/**
 * Sets the variables of one funnel: `txId`, `appUid`, `campaignItemId`, `domain`, `creativeId`,
 * `creativeCategory`, `winPrice` for the bid, and `wins` / `clicked` for the steps that follow it.
 */
export function planFunnel(context, _events, done) {
  const { bid, wins, clicked } = planTransaction();
  Object.assign(context.vars, {
    txId: bid.tx_id,
    appUid: bid.app_uid,
    campaignItemId: bid.campaign_item_id,
    domain: bid.domain,
    creativeId: bid.creative_id,
    creativeCategory: bid.creative_category,
    winPrice: bid.win_price,
    wins,
    clicked,
  });
  done();
}

/** Sets `eventBatch` to `{ events: [...] }`: whole transactions (bid, maybe `imp`, maybe `click`) of a random batch size. */
export function planEventBatch(context, _events, done) {
  const size = pick(BATCH_SIZES);
  const events = [];
  while (events.length < size) {
    const { bid, wins, clicked } = planTransaction();
    events.push({ type: 'bid', ...bid });
    if (wins) events.push({ type: 'imp', tx_id: bid.tx_id, win_price: bid.win_price });
    if (clicked) events.push({ type: 'click', tx_id: bid.tx_id });
  }
  context.vars.eventBatch = { events: events.slice(0, size) };
  done();
}

/** Sets `campaignItemId` to one of the campaigns the traffic posts to, for a report read. */
export function pickCampaign(context, _events, done) {
  context.vars.campaignItemId = FIRST_CAMPAIGN_ITEM_ID + Math.floor(Math.random() * CAMPAIGNS);
  done();
}

/**
 * After `POST /events`: counts the events the batch accepted and rejected as Artillery counters
 * `sdp.batch_events.accepted` / `.rejected`, so reports show events, not only calls.
 */
export function countBatchResults(_request, response, _context, events, next) {
  if (response.statusCode === 200) {
    try {
      const { accepted, rejected } = JSON.parse(response.body);
      events.emit('counter', 'sdp.batch_events.accepted', accepted);
      events.emit('counter', 'sdp.batch_events.rejected', rejected);
    } catch {
      events.emit('counter', 'sdp.batch_events.unreadable', 1);
    }
  }
  next();
}
