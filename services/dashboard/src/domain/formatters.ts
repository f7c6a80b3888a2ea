const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const rates = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

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
