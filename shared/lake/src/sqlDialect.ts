/**
 * The SQL the lake is queried in: DuckDB's locally, Trino's on AWS (Athena engine v3). The lake's views
 * and saved queries are written once, in SQL both run, and ask {@link spellingOf} for the few things the
 * two spell differently.
 */
export type SqlDialect = 'duckdb' | 'trino';

/** A unit of a time span both engines know. */
export type TimeUnit = 'millisecond' | 'second' | 'minute';

/** What the two engines spell differently. */
export interface DialectSpelling {
  /** The continuous percentile (0…1) of `expression` over a group: exact in DuckDB, approximate in Trino */
  percentile(expression: string, fraction: number): string;
  /** The timestamp `amount` units before `instant`; `amount` is a whole number or SQL that computes one */
  before(instant: string, amount: number | string, unit: TimeUnit): string;
}

const SPELLINGS: Record<SqlDialect, DialectSpelling> = {
  duckdb: {
    percentile: (expression, fraction) => `quantile_cont(${expression}, ${fraction})`,
    before: (instant, amount, unit) => `${instant} - INTERVAL (${amount}) ${unit.toUpperCase()}`,
  },
  // Trino's interval literals take only a quoted constant, so the span is subtracted with date_add.
  trino: {
    percentile: (expression, fraction) => `approx_percentile(${expression}, ${fraction})`,
    before: (instant, amount, unit) => `date_add('${unit}', -(${amount}), ${instant})`,
  },
};

/**
 * How `dialect` spells what the engines do not share.
 *
 * @example
 * spellingOf('trino').before('CAST(now() AS TIMESTAMP)', 300000, 'millisecond')
 * // "date_add('millisecond', -(300000), CAST(now() AS TIMESTAMP))"
 */
export function spellingOf(dialect: SqlDialect): DialectSpelling {
  return SPELLINGS[dialect];
}
