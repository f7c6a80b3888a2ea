import uPlot from 'uplot';

export interface ChartSeries {
  label: string;
  color: string;
  values: (number | null)[];
}

const HEIGHT = 220;

/**
 * A live time chart (uPlot, UTC axis) in `container`. `update` is called on every refresh and only
 * swaps the data, unless the series changed (another top campaign), which rebuilds the chart. The
 * container carries `data-points` (values shown) and `data-total` (their sum), which the browser test
 * reads to tell a drawn, moving chart from an empty one.
 */
export class TimeChart {
  private readonly container: HTMLElement;
  private readonly yLabel: string;
  private plot: uPlot | undefined;
  private labels = '';

  public constructor(container: HTMLElement, yLabel: string) {
    this.container = container;
    this.yLabel = yLabel;
  }

  public update(x: number[], series: ChartSeries[]): void {
    const data: uPlot.AlignedData = [x, ...series.map((s) => s.values)];
    const labels = series.map((s) => `${s.label}:${s.color}`).join('|');
    if (this.plot && labels === this.labels) {
      this.plot.setData(data);
    } else {
      this.plot?.destroy();
      this.plot = new uPlot(this.options(series), data, this.container);
      this.labels = labels;
    }
    const shown = series.flatMap((s) => s.values).filter((value): value is number => value !== null);
    this.container.dataset.points = String(shown.length);
    this.container.dataset.total = String(shown.reduce((sum, value) => sum + value, 0));
  }

  public resize(): void {
    this.plot?.setSize({ width: this.width(), height: HEIGHT });
  }

  private options(series: ChartSeries[]): uPlot.Options {
    return {
      width: this.width(),
      height: HEIGHT,
      tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'UTC'),
      scales: { x: { time: true }, y: { range: (_plot, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
      axes: [
        { stroke: '#9aa4b2', grid: { stroke: '#2a3140' }, values: (_plot, splits) => splits.map(formatUtcTime) },
        { label: this.yLabel, stroke: '#9aa4b2', grid: { stroke: '#2a3140' }, size: 60 },
      ],
      series: [{ label: 'UTC' }, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2 }))],
      legend: { live: false },
    };
  }

  private width(): number {
    return Math.max(280, this.container.clientWidth);
  }
}

/** `HH:MM` on whole minutes, else `HH:MM:SS`, in UTC like the reports. */
function formatUtcTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(11, seconds % 60 === 0 ? 16 : 19);
}
