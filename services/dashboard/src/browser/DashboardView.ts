import { describeFailure } from '../domain/describeFailure.js';
import {
  formatChangePercent,
  formatCount,
  formatDuration,
  formatPercent,
  formatUsd,
  formatUtcInstant,
} from '../domain/formatters.js';
import type { CampaignsPanel, DashboardSnapshot, PanelResult, PriceChangesPanel } from '../domain/loadSnapshot.js';
import type { ModelRow } from '../domain/toModelRows.js';
import type {
  BotCounts,
  CampaignTotals,
  CostReport,
  EventRateSeries,
  FreshnessRow,
  ProductActivity,
} from '../domain/types.js';
import { TimeChart } from './TimeChart.js';

const EVENT_COLORS = { bid: '#5b8def', imp: '#f2a93b', click: '#e5484d' };
/** Services listed in the cost panel, most expensive first */
const COST_SERVICES = 6;
const CAMPAIGN_COLORS = ['#5b8def', '#f2a93b', '#3dd68c', '#e5484d', '#b48ef7'];

type PanelState = 'loading' | 'ok' | 'empty' | 'error';

/**
 * The page's panels (found by `data-panel` in index.html) and how a snapshot is drawn on them. Each
 * panel gets `data-state` and a status line of its own, so one failing API greys out one panel only.
 * Text goes in with textContent only: API data never becomes markup.
 */
export class DashboardView {
  private readonly root: Document;
  private readonly eventRates: TimeChart;
  private readonly campaignCharts: Record<'bids' | 'impressions' | 'clicks', TimeChart>;

  public constructor(root: Document) {
    this.root = root;
    this.eventRates = new TimeChart(this.element('event-rates', '.chart'), 'events/s');
    this.campaignCharts = {
      bids: new TimeChart(this.element('campaign-bids', '.chart'), 'bids/min'),
      impressions: new TimeChart(this.element('campaign-impressions', '.chart'), 'impressions/min'),
      clicks: new TimeChart(this.element('campaign-clicks', '.chart'), 'clicks/min'),
    };
  }

  public render(snapshot: DashboardSnapshot, refreshMs: number): void {
    this.renderEventRates(snapshot.eventRates);
    this.renderCampaigns(snapshot.campaigns);
    this.renderProducts(snapshot.products);
    this.renderPriceChanges(snapshot.priceChanges, snapshot.at);
    this.renderOrphans(snapshot.orphans);
    this.renderBots(snapshot.bots);
    this.renderFailedEvents(snapshot.failedEvents);
    this.renderFreshness(snapshot.freshness);
    this.renderModels(snapshot.models);
    this.renderCost(snapshot.cost);
    const updated = this.element('header', '.updated');
    updated.textContent = `updated ${snapshot.at.toISOString().slice(11, 19)} UTC in ${refreshMs} ms`;
    const body = this.root.body;
    body.dataset.refreshes = String(Number(body.dataset.refreshes ?? 0) + 1);
  }

  public resize(): void {
    [this.eventRates, ...Object.values(this.campaignCharts)].forEach((chart) => chart.resize());
  }

  /** Shows a problem that stops every panel (an unreadable config.json). */
  public fail(message: string): void {
    for (const panel of this.root.querySelectorAll<HTMLElement>('[data-panel]'))
      this.setState(panel.dataset.panel!, 'error', message);
  }

  private renderEventRates(result: PanelResult<EventRateSeries>): void {
    if (!result.ok) return this.setFailed('event-rates', result.error);
    const { seconds, events } = result.value;
    this.eventRates.update(seconds, [
      { label: 'bids', color: EVENT_COLORS.bid, values: events.bid },
      { label: 'impressions', color: EVENT_COLORS.imp, values: events.imp },
      { label: 'clicks', color: EVENT_COLORS.click, values: events.click },
    ]);
    const landed = events.bid.filter((value) => value !== null).length;
    if (landed === 0)
      return this.setState(
        'event-rates',
        'empty',
        'No data yet: no event of the last 2 minutes has landed in the lake.',
      );
    this.setState(
      'event-rates',
      'ok',
      `the newest ${seconds.length - landed} s are not drawn: still landing in the lake`,
    );
  }

  private renderCampaigns(result: PanelResult<CampaignsPanel>): void {
    const panels = ['campaign-bids', 'campaign-impressions', 'campaign-clicks', 'totals', 'top-campaigns'];
    if (!result.ok) return panels.forEach((panel) => this.setFailed(panel, result.error));
    const { series, top, overall, overallTruncated } = result.value;
    const empty = top.length === 0 ? 'No data yet: no campaign has bids in the last hour.' : undefined;
    for (const count of ['bids', 'impressions', 'clicks'] as const) {
      this.campaignCharts[count].update(
        series.minutes,
        series.campaigns.map((id, i) => ({
          label: String(id),
          color: CAMPAIGN_COLORS[i % CAMPAIGN_COLORS.length]!,
          values: series[count][i]!,
        })),
      );
      const message =
        empty ?? `top ${top.length} campaigns by bids, per minute (UTC); the last minute is still running`;
      this.setState(`campaign-${count}`, empty ? 'empty' : 'ok', message);
    }
    this.renderTotals(overall, overallTruncated);
    this.fillTable(
      'top-campaigns',
      top.map(({ lastHour, allTime }) => [
        String(lastHour.campaign_item_id),
        formatCount(lastHour.bids),
        formatCount(lastHour.impressions),
        formatCount(lastHour.clicks),
        formatPercent(lastHour.win_rate),
        formatPercent(lastHour.ctr),
        formatCount(lastHour.spend),
        formatCount(allTime.spend),
      ]),
    );
    this.setState(
      'top-campaigns',
      empty ? 'empty' : 'ok',
      empty ?? 'last hour; spend in the bidder’s smallest currency unit',
    );
  }

  private renderProducts(result: PanelResult<ProductActivity[]>): void {
    if (!result.ok) return this.setFailed('top-products', result.error);
    this.fillTable(
      'top-products',
      result.value.map((product) => [
        product.product_id,
        formatCount(product.views),
        formatCount(product.carts),
        formatCount(product.checkouts),
        formatCount(product.purchases),
        formatCount(product.units_sold),
        formatPercent(product.view_to_cart),
        formatPercent(product.view_to_purchase),
      ]),
    );
    const empty = result.value.length === 0;
    this.setState(
      'top-products',
      empty ? 'empty' : 'ok',
      empty
        ? 'No data yet: no product was viewed, carted or bought in the last hour.'
        : 'last hour, by event time; conversion = purchases / views',
    );
  }

  private renderPriceChanges(result: PanelResult<PriceChangesPanel>, now: Date): void {
    if (!result.ok) return this.setFailed('price-changes', result.error);
    const { products, rows } = result.value;
    this.fillTable(
      'price-changes',
      rows.map((row) => [
        formatUtcInstant(row.at, now),
        row.productId,
        `${formatUsd(row.oldPriceCents / 100)} → ${formatUsd(row.newPriceCents / 100)}`,
        `${row.held ? 'held ' : ''}${formatChangePercent(row.changePercent)}`,
        row.modelVersion,
        row.reason,
      ]),
    );
    if (rows.length === 0)
      return this.setState(
        'price-changes',
        'empty',
        'No price has moved yet: dynamic pricing moves a trending product’s price once a demand model is live.',
      );
    const held = rows.some((row) => row.held) ? '; held: a move the plausibility guards stopped, the price stayed' : '';
    const read = products === 1 ? 'the top product above' : `the ${products} top products above`;
    this.setState('price-changes', 'ok', `the newest moves of ${read}${held}`);
  }

  private renderTotals(overall: CampaignTotals, truncated: boolean): void {
    this.setText('totals', 'bids', formatCount(overall.bids));
    this.setText('totals', 'impressions', formatCount(overall.impressions));
    this.setText('totals', 'clicks', formatCount(overall.clicks));
    this.setText('totals', 'win-rate', formatPercent(overall.winRate));
    this.setText('totals', 'ctr', formatPercent(overall.ctr));
    this.setText('totals', 'spend', formatCount(overall.spend));
    const covered = truncated ? `the ${overall.campaigns} most active campaigns` : `${overall.campaigns} campaigns`;
    this.setState('totals', overall.campaigns === 0 ? 'empty' : 'ok', `last hour, ${covered}`);
  }

  private renderOrphans(result: PanelResult<{ impressions: number; clicks: number }>): void {
    if (!result.ok) return this.setFailed('orphans', result.error);
    this.setText('orphans', 'impressions', formatCount(result.value.impressions));
    this.setText('orphans', 'clicks', formatCount(result.value.clicks));
    this.setState('orphans', 'ok', 'never joined within their session timeout, event time in the last 24 hours');
  }

  private renderBots(result: PanelResult<BotCounts>): void {
    if (!result.ok) return this.setFailed('bots', result.error);
    const { clickstream, impressions, clicks } = result.value;
    this.setText('bots', 'clickstream', formatCount(clickstream.bot));
    this.setText('bots', 'impressions', formatCount(impressions.bot));
    this.setText('bots', 'clicks', formatCount(clicks.bot));
    const all = clickstream.bot + clickstream.human;
    const share = all === 0 ? 0 : Math.round((100 * clickstream.bot) / all);
    this.setState('bots', 'ok', `last hour, kept out of the counts; ${share}% of clickstream events`);
  }

  private renderFailedEvents(result: PanelResult<{ failed: number; retrying: number; replayed: number }>): void {
    if (!result.ok) return this.setFailed('failed-events', result.error);
    this.setText('failed-events', 'failed', formatCount(result.value.failed));
    this.setText('failed-events', 'retrying', formatCount(result.value.retrying));
    this.setText('failed-events', 'replayed', formatCount(result.value.replayed));
    const hint =
      result.value.failed > 0 ? 'set aside by the stream consumers: npm run failed -- list' : 'nothing set aside';
    this.setState('failed-events', 'ok', hint);
  }

  private renderFreshness(result: PanelResult<FreshnessRow[]>): void {
    if (!result.ok) return this.setFailed('freshness', result.error);
    this.fillTable(
      'freshness',
      result.value.map((row) => [
        row.tableName,
        row.newestEvent === null ? '—' : `${row.newestEvent.slice(11, 19)} UTC`,
        formatDuration(row.lagMs),
        formatDuration(row.landingP50Ms),
        formatDuration(row.landingP95Ms),
        formatCount(row.rowsLast5Min),
      ]),
    );
    const landed = result.value.some((row) => row.newestEvent !== null);
    this.setState(
      'freshness',
      landed ? 'ok' : 'empty',
      landed
        ? 'lag: now − the table’s newest event time (reads high for sparse tables); landing: event time to row in the lake, last 5 min'
        : 'No data yet: the lake has no rows.',
    );
  }

  private renderModels(result: PanelResult<ModelRow[]>): void {
    if (!result.ok) return this.setFailed('models', result.error);
    this.fillTable(
      'models',
      result.value.map((row) => [
        row.model,
        row.liveVersion ?? '—',
        row.liveAuc === null ? '—' : row.liveAuc.toFixed(3),
        row.pendingVersion ?? '—',
        row.lastPromotion
          ? `${row.lastPromotion.version} ${row.lastPromotion.status} ${row.lastPromotion.at.slice(11, 19)} UTC` +
            (row.lastPromotion.reason ? `: ${row.lastPromotion.reason}` : '')
          : '—',
        formatCount(row.versions),
      ]),
    );
    const pending = result.value.some((row) => row.pendingVersion !== null);
    const anyLive = result.value.some((row) => row.liveVersion !== null);
    this.setState(
      'models',
      'ok',
      pending
        ? 'a promotion is pending while the endpoint takes the version; the live version serves meanwhile'
        : anyLive
          ? 'the live versions answer predictions and prices; npm run models -- list shows every version'
          : 'no model is live yet: retrain trains one once enough labelled examples are in the lake',
    );
  }

  private renderCost(result: PanelResult<CostReport>): void {
    if (!result.ok) return this.setFailed('cost', result.error);
    const report = result.value;
    this.setText('cost', 'total', formatUsd(report.total_usd));
    this.setText('cost', 'per-million', formatUsd(report.usd_per_million_events));
    this.setText('cost', 'events', formatCount(report.events_ingested));
    this.fillTable(
      'cost',
      report.services.slice(0, COST_SERVICES).map(({ service, usd }) => [service, formatUsd(usd)]),
    );
    const source =
      report.source === 'local-meter' ? 'this machine’s work priced as AWS would bill it' : 'CloudWatch usage metrics';
    const unmetered = ['dynamoDbWriteRequestUnit', 'kinesisPutPayloadUnit'].some((unit) =>
      report.not_metered.includes(unit),
    )
      ? '; DynamoDB and Kinesis not metered (npm start -- --meter)'
      : '';
    this.setState(
      'cost',
      'ok',
      `since ${report.from.slice(11, 16)} UTC, ${source}, list prices of ${report.prices.as_of}${unmetered}`,
    );
  }

  private fillTable(panel: string, rows: string[][]): void {
    const body = this.element(panel, 'tbody');
    body.replaceChildren(
      ...rows.map((cells) => {
        const row = this.root.createElement('tr');
        row.append(...cells.map((text) => Object.assign(this.root.createElement('td'), { textContent: text })));
        return row;
      }),
    );
  }

  private setText(panel: string, field: string, text: string): void {
    this.element(panel, `[data-field="${field}"]`).textContent = text;
  }

  private setFailed(panel: string, error: Error): void {
    const { state, message } = describeFailure(error);
    this.setState(panel, state, message);
  }

  private setState(panel: string, state: PanelState, message: string): void {
    this.element(panel).dataset.state = state;
    this.element(panel, '.status').textContent = message;
  }

  private element(panel: string, selector?: string): HTMLElement {
    const section = this.root.querySelector<HTMLElement>(`[data-panel="${panel}"]`);
    const found = selector ? section?.querySelector<HTMLElement>(selector) : section;
    if (!found) throw new Error(`index.html has no ${selector ?? 'element'} in panel ${panel}`);
    return found;
  }
}
