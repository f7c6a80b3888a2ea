import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startDemoTraffic, type DemoTraffic } from '../tools/local/src/demo/startDemoTraffic.js';
import { ensureChromium } from './support/ensureChromium.js';
import { repositoryRoot, startTestCloud } from './support/startTestCloud.js';

/*
 * The dashboard in a real (headless) Chromium against a local cloud with demo traffic: every panel
 * is drawn from the public APIs, the charts show data, and the page keeps refreshing by itself.
 */
/** `UPDATE_SCREENSHOTS=1` refreshes the README's screenshot; otherwise it goes to .data/ (ignored by git). */
const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';
const SCREENSHOT = path.join(repositoryRoot, UPDATE_SCREENSHOTS ? 'docs/images' : '.data/screenshots', 'dashboard.png');
const CHARTS = ['event-rates', 'campaign-bids', 'campaign-impressions', 'campaign-clicks'] as const;

interface PageState {
  refreshes: number;
  updated: string;
  states: Record<string, string>;
  charts: Record<string, { points: number; total: number; seriesPixels: number }>;
  tiles: Record<string, string>;
  topCampaignRows: number;
  topProductRows: number;
  freshnessRows: number;
  costRows: number;
  modelRows: string[];
  priceChanges: { state: string; header: string; status: string; rows: number };
}

// The page's DOM as far as the test reads it: the test compiles for Node, without the DOM library.
interface PageElement {
  dataset: Record<string, string | undefined>;
  textContent: string | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}
interface PageCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, width: number, height: number): { data: ArrayLike<number> };
  };
}

/** What the page shows, read from its DOM and its charts' canvases (this function runs in the page). */
function readPage(page: Page): Promise<PageState> {
  return page.evaluate((charts) => {
    const { document } = globalThis as unknown as { document: PageElement & { body: PageElement } };
    const panel = (name: string) => document.querySelector(`[data-panel="${name}"]`)!;
    // Grid and axes are grey and every series has a saturated colour: such pixels mean lines were drawn.
    const seriesPixels = (canvas: PageCanvas | null) => {
      if (!canvas) return 0;
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (
          data[i + 3]! > 200 &&
          Math.max(data[i]!, data[i + 1]!, data[i + 2]!) - Math.min(data[i]!, data[i + 1]!, data[i + 2]!) > 80
        )
          count++;
      }
      return count;
    };
    const tiles: Record<string, string> = {};
    for (const name of ['totals', 'orphans', 'failed-events', 'cost']) {
      for (const tile of Array.from(panel(name).querySelectorAll('[data-field]')))
        tiles[`${name}.${tile.dataset.field}`] = tile.textContent ?? '';
    }
    return {
      refreshes: Number(document.body.dataset.refreshes ?? 0),
      updated: panel('header').querySelector('.updated')?.textContent ?? '',
      states: Object.fromEntries(
        Array.from(document.querySelectorAll('main [data-panel]')).map((p) => [p.dataset.panel!, p.dataset.state!]),
      ),
      charts: Object.fromEntries(
        charts.map((name) => {
          const chart = panel(name).querySelector('.chart')!;
          const canvas = chart.querySelector('canvas') as unknown as PageCanvas | null;
          return [
            name,
            {
              points: Number(chart.dataset.points ?? 0),
              total: Number(chart.dataset.total ?? 0),
              seriesPixels: seriesPixels(canvas),
            },
          ];
        }),
      ),
      tiles,
      topCampaignRows: panel('top-campaigns').querySelectorAll('tbody tr').length,
      topProductRows: panel('top-products').querySelectorAll('tbody tr').length,
      freshnessRows: panel('freshness').querySelectorAll('tbody tr').length,
      costRows: panel('cost').querySelectorAll('tbody tr').length,
      modelRows: Array.from(panel('models').querySelectorAll('tbody tr')).map(
        (row) => row.querySelector('td')?.textContent ?? '',
      ),
      priceChanges: {
        state: panel('price-changes').dataset.state ?? '',
        header: panel('price-changes').querySelector('h2')?.textContent ?? '',
        status: panel('price-changes').querySelector('.status')?.textContent ?? '',
        rows: panel('price-changes').querySelectorAll('tbody tr').length,
      },
    };
  }, CHARTS);
}

/** Polls the page until `done` holds; fails with the last state seen, so a failure says what was missing. */
async function waitForPage(page: Page, done: (state: PageState) => boolean, timeoutMs: number): Promise<PageState> {
  const deadline = Date.now() + timeoutMs;
  let state = await readPage(page);
  while (!done(state)) {
    if (Date.now() > deadline)
      throw new Error(`The dashboard did not get there in ${timeoutMs} ms; it shows ${JSON.stringify(state, null, 2)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    state = await readPage(page);
  }
  return state;
}

describe('the live dashboard in a browser', () => {
  let cloud: Awaited<ReturnType<typeof startTestCloud>> | undefined;
  let demo: DemoTraffic | undefined;
  let browser: Browser | undefined;
  let trafficStarted = 0;

  beforeAll(async () => {
    const executablePath = await ensureChromium();
    cloud = await startTestCloud();
    demo = startDemoTraffic(cloud.url, cloud.apiKey, 20);
    trafficStarted = Date.now();
    browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
  }, 720_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
    await cloud?.dispose();
  }, 60_000);

  it('draws every panel from the public APIs and keeps it up to date without a reload', async () => {
    // Prepare
    // Tall enough for the screenshot to show the top products and their price changes.
    const page = await browser!.newPage({ viewport: { width: 1400, height: 1640 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    // Act
    const response = await page.goto(`${cloud!.url}/dashboard#key=${cloud!.apiKey}`);
    // Every panel drawn; the price changes empty, as no demand model is live in this suite.
    const ready = await waitForPage(
      page,
      (state) =>
        Object.entries(state.states).every(
          ([panel, panelState]) => panelState === (panel === 'price-changes' ? 'empty' : 'ok'),
        ) &&
        state.charts['event-rates']!.total > 0 &&
        state.charts['campaign-bids']!.total > 0 &&
        state.charts['campaign-impressions']!.total > 0 &&
        // The demo shop has a visit every 4 s; a few of them view more than one product.
        state.topProductRows > 1,
      120_000,
    );
    const later = await waitForPage(
      page,
      (state) =>
        state.refreshes >= ready.refreshes + 2 &&
        state.charts['campaign-bids']!.total !== ready.charts['campaign-bids']!.total,
      30_000,
    );
    // A little more traffic, so the screenshot in the README shows some history.
    if (UPDATE_SCREENSHOTS)
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, trafficStarted + 45_000 - Date.now())));
    await page.screenshot({ path: SCREENSHOT });

    // Assess
    expect({ status: response?.status(), url: page.url(), type: response?.headers()['content-type'] }).toStrictEqual({
      status: 200,
      url: `${cloud!.url}/dashboard/`,
      type: 'text/html; charset=utf-8',
    });
    for (const name of CHARTS) {
      expect({
        name,
        points: later.charts[name]!.points > 0,
        drawn: later.charts[name]!.seriesPixels > 0,
      }).toStrictEqual({ name, points: true, drawn: true });
    }
    expect(later.tiles['totals.bids']).toMatch(/^[1-9][\d,]*$/);
    expect(later.tiles['totals.win-rate']).toMatch(/^\d+(\.\d)?%$/);
    expect(later.tiles['totals.ctr']).toMatch(/^\d+(\.\d)?%$/);
    expect(later.tiles['totals.spend']).toMatch(/^[1-9][\d,]*$/);
    expect([later.tiles['orphans.impressions'], later.tiles['orphans.clicks']]).toStrictEqual([
      expect.stringMatching(/^[\d,]+$/),
      expect.stringMatching(/^[\d,]+$/),
    ]);
    expect(['failed', 'retrying', 'replayed'].map((field) => later.tiles[`failed-events.${field}`])).toStrictEqual([
      '0',
      '0',
      '0',
    ]);
    expect(later.topCampaignRows).toBe(5);
    // The demo shop's visits: its trending product and others, viewed in the last hour.
    expect(later.topProductRows).toBeGreaterThan(1);
    expect(later.freshnessRows).toBeGreaterThan(0);
    // The platform's work so far, priced: the demo's events through ingest and the services that processed them.
    expect(later.tiles['cost.total']).toMatch(/^\$\d/);
    expect(later.costRows).toBeGreaterThan(1);
    // Both models' registries, read with the dashboard's key (no model is trained in this suite).
    expect(later.modelRows).toStrictEqual(['bid-win', 'demand']);
    // The top products' price histories, read with the dashboard's key: no demand model is live in this
    // suite, so no price moves and the panel says what to expect (its rows are unit-tested).
    expect(later.priceChanges).toStrictEqual({
      state: 'empty',
      header: 'Price changes dynamic pricing of the top products, newest first',
      status: 'No price has moved yet: dynamic pricing moves a trending product’s price once a demand model is live.',
      rows: 0,
    });
    expect(later.updated).not.toBe(ready.updated);
    expect(pageErrors).toStrictEqual([]);
  }, 240_000);
});
