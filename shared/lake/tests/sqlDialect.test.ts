import { spellingOf } from '../src/sqlDialect.js';
import { sqlDialectFromEnv } from '../src/sqlDialectFromEnv.js';

describe('spellingOf', () => {
  it.each([
    [
      'duckdb',
      {
        percentile: 'quantile_cont(x, 0.95)',
        before: 'CAST(now() AS TIMESTAMP) - INTERVAL (300000) MILLISECOND',
      },
    ],
    [
      'trino',
      {
        percentile: 'approx_percentile(x, 0.95)',
        before: "date_add('millisecond', -(300000), CAST(now() AS TIMESTAMP))",
      },
    ],
  ] as const)('spells a percentile and a span before an instant in %s', (dialect, expected) => {
    // Act
    const { percentile, before } = spellingOf(dialect);

    // Assess
    expect({
      percentile: percentile('x', 0.95),
      before: before('CAST(now() AS TIMESTAMP)', 300_000, 'millisecond'),
    }).toStrictEqual(expected);
  });
});

describe('sqlDialectFromEnv', () => {
  it('reads DuckDB where the local cloud runs the function, Trino (Athena) elsewhere', () => {
    // Act
    const dialects = [sqlDialectFromEnv({ LOCAL_OBJECT_STORE_DIR: '.data/local/s3' }), sqlDialectFromEnv({})];

    // Assess
    expect(dialects).toStrictEqual(['duckdb', 'trino']);
  });
});
