const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const rates = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
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
