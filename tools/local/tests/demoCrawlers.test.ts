import { asCrawler, CRAWLER_USER_AGENTS, planScraperSweep, SCRAPER_PAGES } from '../src/demo/demoCrawlers.js';

describe('asCrawler', () => {
  it("gives a demo event a crawler's user agent, drawn from the list, and keeps the rest of it", () => {
    // Prepare
    const click = { tx_id: 'tx-1' };

    // Act
    const bodies = [0, 0.3, 0.6, 0.99].map((draw) => asCrawler(click, () => draw));

    // Assess
    expect(bodies).toStrictEqual(CRAWLER_USER_AGENTS.map((user_agent) => ({ tx_id: 'tx-1', user_agent })));
  });
});

describe('planScraperSweep', () => {
  it('views the products in turn, 250 ms apart within the minute before, with a browser’s agent', () => {
    // Prepare
    const nowMs = Date.parse('2026-12-07T10:00:50.000Z');

    // Act
    const { events } = planScraperSweep('scraper-1', nowMs, ['sku-001', 'sku-002', 'sku-003']);

    // Assess: faster than the 120 a minute a person makes, and every event a product view
    expect(events).toHaveLength(SCRAPER_PAGES);
    expect(events.map((event) => event.event_timestamp)).toStrictEqual(
      Array.from({ length: SCRAPER_PAGES }, (_, i) => Date.parse('2026-12-07T09:59:00.000Z') + i * 250),
    );
    expect(events.slice(0, 4).map((event) => event.product_id)).toStrictEqual([
      'sku-001',
      'sku-002',
      'sku-003',
      'sku-001',
    ]);
    expect(
      new Set(events.map(({ user_id, event_name, user_agent }) => `${user_id} ${event_name} ${user_agent}`)),
    ).toStrictEqual(
      new Set([
        'scraper-1 detail Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
      ]),
    );
  });
});
