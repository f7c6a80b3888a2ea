import { NAMESPACES } from './support/namespaces.js';
import { sharedTestCloud } from './support/sharedCloud.js';
import { CLOUD_START_TIMEOUT_MS, type TestCloud } from './support/testCloud.js';
import { lakeRows, listedSessions } from './support/platformReads.js';

/** The suite's shoppers, crawlers, products, transactions and campaign (test/support/namespaces.ts). */
const { userPrefix: USERS, productPrefix: PRODUCTS, txPrefix: TXS, campaigns } = NAMESPACES.bots;
const [CAMPAIGN] = campaigns;
const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
const BINGBOT = 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)';

describe('bot traffic through the local cloud', () => {
  let cloud: TestCloud;

  const postJson = (path: string, body: unknown, userAgent?: string) =>
    cloud.fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(userAgent ? { 'user-agent': userAgent } : {}) },
      body: JSON.stringify(body),
    });
  const getJson = async <T>(pathAndQuery: string) => {
    const response = await cloud.fetch(pathAndQuery);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };
  const lake = (sql: string) => lakeRows(cloud, sql);

  beforeAll(async () => {
    cloud = await sharedTestCloud();
  }, CLOUD_START_TIMEOUT_MS);

  afterAll(async () => {
    await cloud?.dispose();
  }, 60_000);

  it('keeps crawlers out of sessions, product demand and campaign counts, and in the lake with the mark', async () => {
    // Prepare: a shopper's visit from Chrome; a crawler posting from its own agent (stamped by ingest);
    // a crawler's event relayed by a backend (the event names its agent, the request is node's).
    const t0 = Date.now() - 5 * 60_000;
    const visit = (userId: string, offsetMs = 0) =>
      ['navigate', 'detail', 'add_to_cart'].map((event_name, i) => ({
        user_id: userId,
        event_timestamp: t0 + offsetMs + i * 1_000,
        event_name,
        product_id: `${PRODUCTS}1`,
      }));
    const human = `${USERS}human-1`;
    const crawler = `${USERS}crawler-1`;
    const relayed = `${USERS}crawler-2`;

    // Act
    const statuses = [];
    for (const event of visit(human)) statuses.push((await postJson('/clickstream', event, CHROME)).status);
    statuses.push((await postJson('/clickstream', { events: visit(crawler, 100) }, GOOGLEBOT)).status);
    statuses.push(
      (await postJson('/clickstream', { events: visit(relayed, 200).map((e) => ({ ...e, user_agent: BINGBOT })) }))
        .status,
    );
    const bid = (tx: string) => ({ tx_id: `${TXS}${tx}`, app_uid: `${USERS}app`, campaign_item_id: CAMPAIGN });
    for (const [tx, userAgent] of [
      ['human', CHROME],
      ['crawler', GOOGLEBOT],
    ] as const) {
      statuses.push((await postJson('/bid', bid(tx), userAgent)).status);
      statuses.push((await postJson('/impression', { tx_id: `${TXS}${tx}`, win_price: 300 }, userAgent)).status);
      statuses.push((await postJson('/click', { tx_id: `${TXS}${tx}` }, userAgent)).status);
    }
    await cloud.waitForIdle();

    // Assess: every request accepted; only the shopper has a session and counts as demand
    expect(statuses).toStrictEqual([202, 202, 202, 200, 200, 202, 202, 202, 202, 202, 202]);
    const sessionsOf = async (userId: string) =>
      (await listedSessions(cloud, userId)).map(({ event_count }) => event_count);
    expect({
      human: await sessionsOf(human),
      crawler: await sessionsOf(crawler),
      relayed: await sessionsOf(relayed),
    }).toStrictEqual({ human: [3], crawler: [], relayed: [] });
    const range = `from=${new Date(t0 - 3_600_000).toISOString()}&to=${new Date(t0 + 3_600_000).toISOString()}`;
    const demand = await getJson<{ totals: { views: number; carts: number } }>(
      `/reports/products/${PRODUCTS}1?${range}`,
    );
    expect({ views: demand.totals.views, carts: demand.totals.carts }).toStrictEqual({ views: 1, carts: 1 });

    // Both bids count (a bid never takes its request's agent: the bidder's server sends it); the
    // crawler's impression and click do not.
    const campaign = await getJson<{ bids: number; impressions: number; clicks: number; spend: number }>(
      `/reports/campaigns/${CAMPAIGN}`,
    );
    expect({
      bids: campaign.bids,
      impressions: campaign.impressions,
      clicks: campaign.clicks,
      spend: campaign.spend,
    }).toStrictEqual({ bids: 2, impressions: 1, clicks: 1, spend: 300 });

    // The lake keeps everything, bots with the mark, so they count on their own.
    const clickstream = await lake(
      `SELECT user_id, bot, user_agent, count(*) AS events FROM clickstream_events WHERE user_id LIKE '${USERS}%' GROUP BY ALL ORDER BY user_id`,
    );
    expect(clickstream.map((row) => ({ ...row, events: Number(row.events) }))).toStrictEqual([
      { user_id: crawler, bot: 'user_agent', user_agent: GOOGLEBOT, events: 3 },
      { user_id: relayed, bot: 'user_agent', user_agent: BINGBOT, events: 3 },
      { user_id: human, bot: null, user_agent: CHROME, events: 3 },
    ]);
    const ads = await lake(
      `SELECT 'imp' AS type, tx_id, bot FROM impressions WHERE tx_id LIKE '${TXS}%' UNION ALL SELECT 'click', tx_id, bot FROM clicks WHERE tx_id LIKE '${TXS}%' UNION ALL SELECT 'bid', tx_id, bot FROM bids WHERE tx_id LIKE '${TXS}%' ORDER BY 1, 2`,
    );
    expect(ads).toStrictEqual([
      { type: 'bid', tx_id: `${TXS}crawler`, bot: null },
      { type: 'bid', tx_id: `${TXS}human`, bot: null },
      { type: 'click', tx_id: `${TXS}crawler`, bot: 'user_agent' },
      { type: 'click', tx_id: `${TXS}human`, bot: null },
      { type: 'imp', tx_id: `${TXS}crawler`, bot: 'user_agent' },
      { type: 'imp', tx_id: `${TXS}human`, bot: null },
    ]);
    // The funnel counts as the campaign report does, and the crawler's impression and click beside.
    const funnel = await lakeRows(cloud, {
      saved: 'funnel',
      params: { from: new Date(t0 - 3_600_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() },
    });
    const campaignRows = funnel.filter((row) => Number(row.campaign_item_id) === CAMPAIGN);
    const funnelTotals = Object.fromEntries(
      ['bids', 'impressions', 'clicks', 'spend', 'bot_impressions', 'bot_clicks'].map((field) => [
        field,
        campaignRows.reduce((sum, row) => sum + Number(row[field]), 0),
      ]),
    );
    expect(funnelTotals).toStrictEqual({
      bids: 2,
      impressions: 1,
      clicks: 1,
      spend: 300,
      bot_impressions: 1,
      bot_clicks: 1,
    });
    // The saved query counts bots apart; other suites (and the dashboard's demo crawlers) post in the same
    // hours, so the suite's own bots are a lower bound of its counts.
    const hourly = await lakeRows(cloud, {
      saved: 'bot_traffic',
      params: { from: new Date(t0 - 3_600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() },
    });
    const botEvents = { clickstream: 0, impressions: 0, clicks: 0 } as Record<string, number>;
    for (const row of hourly) botEvents[String(row.kind)] = (botEvents[String(row.kind)] ?? 0) + Number(row.bot_events);
    expect({
      clickstream: botEvents.clickstream! >= 6,
      impressions: botEvents.impressions! >= 1,
      clicks: botEvents.clicks! >= 1,
    }).toStrictEqual({ clickstream: true, impressions: true, clicks: true });
  }, 600_000);

  it('takes a user past 120 events in a minute for a bot from that event on, whatever its user agent', async () => {
    // Prepare: from a browser's agent, a scraper views 150 products 300 ms apart within one minute (the
    // 121st passes the rate a person makes), then views another product a minute later; a shopper views
    // that product too.
    const t0 = Math.floor((Date.now() - 10 * 60_000) / 60_000) * 60_000;
    const scraper = `${USERS}scraper-1`;
    const shopper = `${USERS}human-2`;
    const view = (userId: string, at: number, product: string) => ({
      user_id: userId,
      event_timestamp: at,
      event_name: 'detail',
      product_id: `${PRODUCTS}${product}`,
    });
    const burst = Array.from({ length: 150 }, (_, i) => view(scraper, t0 + i * 300, `burst-${i % 30}`));
    const range = `from=${new Date(t0 - 3_600_000).toISOString()}&to=${new Date(t0 + 3_600_000).toISOString()}`;

    // Act
    const statuses = [
      (await postJson('/clickstream', { events: burst }, CHROME)).status,
      (await postJson('/clickstream', view(scraper, t0 + 90_000, 'after'), CHROME)).status,
      (await postJson('/clickstream', view(shopper, t0 + 95_000, 'after'), CHROME)).status,
    ];
    await cloud.waitForIdle();

    // Assess: sessions keep the scraper's first 120 events and nothing after; demand and the lake agree
    expect(statuses).toStrictEqual([200, 202, 202]);
    const sessions = await listedSessions(cloud, scraper);
    expect(sessions.map(({ event_count, end }) => ({ event_count, end }))).toStrictEqual([
      { event_count: 120, end: new Date(t0 + 119 * 300).toISOString() },
    ]);
    const after = await getJson<{ totals: { views: number } }>(`/reports/products/${PRODUCTS}after?${range}`);
    expect(after.totals.views).toBe(1);
    // The last product viewed by the burst only (its views 29, 59, 89, 119 and 149; the last one is a bot's)
    const lastOfBurst = await getJson<{ totals: { views: number } }>(`/reports/products/${PRODUCTS}burst-29?${range}`);
    expect(lastOfBurst.totals.views).toBe(4);
    const rateBots = await lake(`SELECT user_id, since FROM rate_bots WHERE user_id LIKE '${USERS}%' ORDER BY user_id`);
    expect(rateBots.map(({ user_id, since }) => ({ user_id, since: new Date(String(since)).getTime() }))).toStrictEqual(
      [{ user_id: scraper, since: t0 + 120 * 300 }],
    );
    // The lake keeps every event of it; the distinct view marks those from the verdict on as a rate bot's.
    const marks = await lake(
      `SELECT bot, count(*) AS events FROM distinct_clickstream_events WHERE user_id = '${scraper}' GROUP BY ALL ORDER BY bot`,
    );
    expect(marks.map(({ bot, events }) => ({ bot, events: Number(events) }))).toStrictEqual([
      { bot: 'rate', events: 31 },
      { bot: null, events: 120 },
    ]);
    const hourly = await lakeRows(cloud, {
      saved: 'bot_traffic',
      // by ingest time: these events were received in the last minute
      params: {
        from: new Date(Date.now() - 5 * 60_000).toISOString(),
        to: new Date(Date.now() + 60_000).toISOString(),
      },
    });
    const clickstreamBots = hourly
      .filter((row) => row.kind === 'clickstream')
      .reduce((sum, row) => sum + Number(row.bot_events), 0);
    expect(clickstreamBots).toBeGreaterThanOrEqual(31);
  }, 600_000);

  it('answers an over-long user_agent with a 400 that names the field', async () => {
    // Act
    const response = await postJson('/clickstream', {
      user_id: `${USERS}long-agent`,
      event_timestamp: Date.now(),
      event_name: 'detail',
      user_agent: 'x'.repeat(513),
    });

    // Assess
    const body = (await response.json()) as { code: string; message: string };
    expect({ status: response.status, code: body.code, namesField: body.message.includes('user_agent') }).toStrictEqual(
      { status: 400, code: 'validation_failed', namesField: true },
    );
  });
});
