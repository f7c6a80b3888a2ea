import { asCrawler, CRAWLER_USER_AGENTS } from '../src/demo/demoCrawlers.js';

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
