import { toEventRateSeries } from '../src/domain/toEventRateSeries.js';

const now = new Date('2026-11-22T06:00:05.400Z');
const at = (second: number) => `2026-11-22T06:00:0${second}.000Z`;
const secondOf = (second: number) => Date.parse(at(second)) / 1000;

describe('toEventRateSeries', () => {
  it('draws one series per type over the whole seconds before now, zero where a landed second has no row', () => {
    // Prepare
    const rows = [
      { second: at(0), type: 'bid', events: 12 },
      { second: at(0), type: 'imp', events: 3 },
      { second: at(2), type: 'bid', events: 10 },
      { second: at(3), type: 'click', events: 1 },
    ];

    // Act
    const series = toEventRateSeries(rows, { now, seconds: 5, settlingSeconds: 0 });

    // Assess
    expect(series).toStrictEqual({
      seconds: [0, 1, 2, 3, 4].map(secondOf),
      events: { bid: [12, 0, 10, 0, null], imp: [3, 0, 0, 0, null], click: [0, 0, 0, 1, null] },
    });
  });

  it('leaves the newest landed seconds out while they settle', () => {
    // Prepare
    const rows = [0, 1, 2, 3, 4].map((second) => ({ second: at(second), type: 'bid', events: 10 }));

    // Act
    const { events } = toEventRateSeries(rows, { now, seconds: 5, settlingSeconds: 2 });

    // Assess
    expect(events.bid).toStrictEqual([10, 10, 10, null, null]);
  });

  it('shows nothing as landed when the lake has no rows', () => {
    // Act
    const { events } = toEventRateSeries([], { now, seconds: 3, settlingSeconds: 0 });

    // Assess
    expect(events).toStrictEqual({ bid: [null, null, null], imp: [null, null, null], click: [null, null, null] });
  });

  it('reads counts sent as strings and ignores rows of other types, outside the range (the running second too) or without a time', () => {
    // Prepare
    const rows = [
      { second: at(4), type: 'bid', events: '7' },
      { second: at(4), type: 'view', events: 99 },
      { second: at(5), type: 'bid', events: 99 },
      { second: '2026-11-22T05:59:00.000Z', type: 'bid', events: 99 },
      { second: 'yesterday', type: 'bid', events: 99 },
      { second: at(4), type: 'imp', events: 'many' },
    ];

    // Act
    const { events } = toEventRateSeries(rows, { now, seconds: 2, settlingSeconds: 0 });

    // Assess
    expect(events).toStrictEqual({ bid: [0, 7], imp: [0, 0], click: [0, 0] });
  });
});
