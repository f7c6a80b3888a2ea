const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const rates = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const changes = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const cents = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const fractionsOfCents = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumSignificantDigits: 3,
});

/** `12345` → `'12,345'`; null → `'—'`. */
export function formatCount(value: number | null): string {
  return value === null ? '—' : counts.format(value);
}

/** `0.1234` → `'12.3%'`. */
export function formatPercent(value: number): string {
  return `${rates.format(value * 100)}%`;
}

/** A change in percent, with its sign: `5` → `'+5%'`, `-2.46` → `'-2.5%'`; null → `'—'`. */
export function formatChangePercent(percent: number | null): string {
  return percent === null ? '—' : `${changes.format(percent)}%`;
}

/**
 * An instant in UTC, its time alone on `now`'s UTC day: `'2026-12-07T06:40:02.000Z'` → `'06:40:02'`;
 * the day before → `'2026-12-06 06:40'`.
 */
export function formatUtcInstant(iso: string, now: Date): string {
  const instant = new Date(iso).toISOString();
  return instant.slice(0, 10) === now.toISOString().slice(0, 10)
    ? instant.slice(11, 19)
    : `${instant.slice(0, 10)} ${instant.slice(11, 16)}`;
}

/** `850` → `'850 ms'`, `2400` → `'2.4 s'`, `180000` → `'3.0 min'`; null → `'—'`. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  if (Math.abs(ms) < 1_000) return `${Math.round(ms)} ms`;
  if (Math.abs(ms) < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

/** US dollars to the cent, or to three significant digits below a cent: `12.3456` → `'$12.35'`, `0.000412` → `'$0.000412'`; null → `'—'`. */
export function formatUsd(value: number | null): string {
  if (value === null) return '—';
  return value === 0 || Math.abs(value) >= 0.01 ? cents.format(value) : fractionsOfCents.format(value);
}
