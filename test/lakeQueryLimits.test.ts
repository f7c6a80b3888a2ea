import { sharedTestCloud } from './support/sharedCloud.js';
import { CLOUD_START_TIMEOUT_MS, type TestCloud } from './support/testCloud.js';

// A request may wait for an instance of its function to start: seconds beside other suites on 2 cores.
jest.setTimeout(90_000);

/*
 * POST /query's resource limits on the shared cloud: a query that would take the machine's memory or
 * answer with more than the byte cap is refused with a 400, and the function keeps answering. Reads no
 * lake data, so it needs no namespace of its own.
 */
describe('POST /query within its resource limits', () => {
  let cloud: TestCloud;

  const post = async (sql: string, limit = 10_000) => {
    const response = await cloud.fetch('/query', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sql, limit }),
    });
    const body = (await response.json()) as { code?: string; rows?: unknown[] };
    return { status: response.status, code: body.code, rows: body.rows };
  };

  beforeAll(async () => {
    cloud = await sharedTestCloud();
  }, CLOUD_START_TIMEOUT_MS);

  afterAll(async () => {
    await cloud?.dispose();
  });

  it('answers a runaway-memory query with 400 query_out_of_memory and the next query with its rows', async () => {
    // Act
    const runaway = await post("SELECT repeat('x', 100000000) FROM range(10000)");
    const next = await post('SELECT 42 AS answer');

    // Assess
    expect({ runaway, next }).toStrictEqual({
      runaway: { status: 400, code: 'query_out_of_memory', rows: undefined },
      next: { status: 200, code: undefined, rows: [{ answer: 42 }] },
    });
  });

  it('answers a result past the byte cap with 400 result_too_large and the next query with its rows', async () => {
    // Act (10,000 rows of 10 kB: 100 MB of JSON, far past the 4 MiB cap)
    const large = await post("SELECT repeat('x', 10000) AS text FROM range(100000)");
    const next = await post('SELECT 42 AS answer');

    // Assess
    expect({ large, next }).toStrictEqual({
      large: { status: 400, code: 'result_too_large', rows: undefined },
      next: { status: 200, code: undefined, rows: [{ answer: 42 }] },
    });
  });
});
