import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { ListTablesCommand, paginateScan, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { dynamoDbOrdersTable } from '@sdp/catalog';
import { decodeParquet } from '@sdp/lake';
import { DERIVED_VIEWS, LAKE_TABLES, lakeTable, type LakeTableName } from '@sdp/shared-lake';
import { localDynamoDbClient } from '@sdp/local-cloud';
import { NAMESPACES } from './support/namespaces.js';
import { sharedTestCloud } from './support/sharedCloud.js';
import { CLOUD_START_TIMEOUT_MS, type TestCloud } from './support/testCloud.js';
import { lakeRows, listedSessions } from './support/platformReads.js';

const repositoryRoot = path.resolve(__dirname, '..');
/** Every lake table and view with a user_id: what a query can find a shopper in */
const USER_RELATIONS = [...LAKE_TABLES, ...DERIVED_VIEWS]
  .filter((relation) => relation.columns.some((column) => column.name === 'user_id'))
  .map((relation) => relation.name);
const { userPrefix, productPrefix, orderPrefix } = NAMESPACES.erasure;
const RUN = Date.now().toString(36);
/** The user erased, and a shopper whose data must stay */
const USER = `${userPrefix}${RUN}-shopper`;
const OTHER = `${userPrefix}${RUN}-other`;
const PRODUCT = `${productPrefix}${RUN}-a`;

jest.setTimeout(300_000);

interface Entry {
  erasure_id: string;
  action: string;
  status: string;
  removed?: Record<string, unknown>;
}

/** The counts of the erasure `npm run erase` printed (the JSON after its first line) */
const erasedCountsIn = (printed: string) =>
  (JSON.parse(printed.slice(printed.indexOf('\n') + 1)) as { removed: Record<string, unknown> }).removed;

describe('erasing a shopper through the local cloud', () => {
  let cloud: TestCloud;
  let dynamoDb: DynamoDBClient;
  const start = Date.now() - 10 * 60_000;

  const click = (user: string, offsetMs: number, event_name: string, extra: Record<string, unknown> = {}) => ({
    user_id: user,
    event_timestamp: start + offsetMs,
    event_name,
    device_type: 'mobile',
    product_id: PRODUCT,
    ...extra,
  });
  const post = async (events: readonly unknown[]) => {
    const response = await cloud.fetch('/clickstream', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ events }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { accepted: number }).accepted).toBe(events.length);
  };
  const json = async (route: string, init?: RequestInit) => {
    const response = await cloud.fetch(route, init);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const sessionIds = async (user: string) =>
    (await listedSessions(cloud, user, { includeMerged: true })).map((session) => session.session_id);
  const productTotals = async () =>
    (await json(`/reports/products/${PRODUCT}?from=${new Date(start - 3_600_000).toISOString()}`)).body.totals;
  const lakeCount = (table: string, user: string) =>
    lakeRows(cloud, `SELECT count(*) AS n FROM ${table} WHERE user_id = '${user}'`);
  /** The user's rows in every lake table and view that has a user_id */
  const lakeCounts = async (user: string) =>
    Object.fromEntries(
      await Promise.all(
        USER_RELATIONS.map(async (name) => [name, ((await lakeCount(name, user)) as { n: number }[])[0]!.n]),
      ),
    );

  /** Every item of every table of the cloud that holds the text, by table (the tombstones and the erasure log key users by the id's hash) */
  const tablesNaming = async (text: string) => {
    const found: Record<string, number> = {};
    const { TableNames = [] } = await dynamoDb.send(new ListTablesCommand({}));
    for (const table of TableNames)
      for await (const page of paginateScan({ client: dynamoDb }, { TableName: table, ConsistentRead: true }))
        for (const item of page.Items ?? [])
          if (JSON.stringify(item).includes(text)) found[table] = (found[table] ?? 0) + 1;
    return found;
  };
  /** Every file of the object store (the lake and the other buckets) that holds the text: lake files decoded, others as text */
  const filesNaming = async (text: string) => {
    const found: string[] = [];
    for (const file of await readdir(cloud.objectStoreDir, { recursive: true, withFileTypes: true })) {
      if (!file.isFile()) continue;
      const key = path.relative(cloud.objectStoreDir, path.join(file.parentPath, file.name));
      const body = await readFile(path.join(cloud.objectStoreDir, key));
      // <bucket>/<table>/year=…/hour=…/<file>.parquet
      const content = key.endsWith('.parquet')
        ? JSON.stringify(await decodeParquet(lakeTable(key.split('/')[1] as LakeTableName), body))
        : body.toString('utf8');
      if (content.includes(text)) found.push(key);
    }
    return found;
  };
  /** `npm run erase -- <args>` against the test cloud: what it prints */
  const eraseCli = async (...args: string[]) =>
    (
      await promisify(execFile)(
        path.join(repositoryRoot, 'node_modules/.bin/tsx'),
        ['services/ops/scripts/erase.ts', ...args, '--data-dir', cloud.dataDir],
        { cwd: repositoryRoot },
      )
    ).stdout;
  const erasureOf = async (user: string) => json(`/users/${user}/erasure`);
  const waitUntilErased = async (erasureId: string) => {
    for (;;) {
      const { body } = await erasureOf(USER);
      const entry = (body.erasures as Entry[]).find((erasure) => erasure.erasure_id === erasureId)!;
      if (entry.status === 'erased') return entry;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };

  beforeAll(async () => {
    cloud = await sharedTestCloud();
    dynamoDb = localDynamoDbClient(cloud.dynamoDbEndpoint);
  }, CLOUD_START_TIMEOUT_MS);

  afterAll(async () => {
    await cloud?.dispose();
  }, 60_000);

  it('removes the shopper from every table, lake file and query, keeps product totals, drops their later events until un-erased', async () => {
    // Prepare: two visits of the shopper (views, a cart, a purchase), an order, an event too late to
    // sessionize (set aside in the failed-events store); another shopper's visit of the same product.
    await post([
      click(USER, 0, 'detail'),
      click(USER, 2_000, 'detail'),
      click(USER, 4_000, 'add_to_cart', { quantity: 2 }),
      click(USER, 6_000, 'purchase', { quantity: 2 }),
      click(USER, 60_000, 'detail'),
      click(USER, -50 * 3_600_000, 'detail'),
      click(OTHER, 0, 'detail'),
      click(OTHER, 3_000, 'add_to_cart', { quantity: 1 }),
    ]);
    await dynamoDbOrdersTable(dynamoDb, 'sdp-catalog-local-orders').createMissing([
      {
        order_id: `${orderPrefix}${RUN}`,
        user_id: USER,
        ordered_at: new Date(start + 6_000).toISOString(),
        items: [{ product_id: PRODUCT, quantity: 2, price_cents: 9_999 }],
      },
    ]);
    await cloud.waitForIdle();
    const totals = await productTotals();
    const otherSessions = await sessionIds(OTHER);
    // The shopper is everywhere before the erasure (the checks below can fail).
    expect(await sessionIds(USER)).toStrictEqual([`${USER}_1`, `${USER}_2`]);
    expect(USER_RELATIONS.sort()).toStrictEqual([
      'clickstream_events',
      'distinct_clickstream_events',
      'rate_bots',
      'session_changes',
      'sessions',
    ]);
    expect(await lakeCounts(USER)).toMatchObject({
      clickstream_events: 6,
      distinct_clickstream_events: 6,
      sessions: 2,
      session_changes: expect.any(Number) as number,
    });
    expect(Object.keys(await tablesNaming(USER)).sort()).toStrictEqual([
      'sdp-catalog-local-orders',
      'sdp-ops-local-failed-events',
      'sdp-sessions-local-sessions',
    ]);
    expect((await filesNaming(USER)).length).toBeGreaterThan(0);
    expect(totals).toMatchObject({ views: 4, carts: 2, purchases: 1 });

    // Act
    const started = await json(`/users/${USER}`, { method: 'DELETE' });
    const erased = await waitUntilErased(String(started.body.erasure_id));
    await cloud.waitForIdle();

    // Assess: the log says what went where; nothing of the shopper is left; others and totals stay.
    expect(started.status).toBe(202);
    expect(erased).toMatchObject({
      action: 'erase',
      status: 'erased',
      removed: {
        session_items: 1,
        order_lines: 1,
        failed_events: 1,
        lake_rows: { clickstream_events: 6, session_changes: expect.any(Number) as number },
      },
    });
    expect(await tablesNaming(USER)).toStrictEqual({});
    expect(await filesNaming(USER)).toStrictEqual([]);
    expect(await sessionIds(USER)).toStrictEqual([]);
    expect(await lakeCounts(USER)).toStrictEqual(Object.fromEntries(USER_RELATIONS.map((name) => [name, 0])));
    expect(await productTotals()).toStrictEqual(totals);
    expect(await sessionIds(OTHER)).toStrictEqual(otherSessions);
    expect(await lakeCount('clickstream_events', OTHER)).toStrictEqual([{ n: 2 }]);

    // Act: the shopper's events arrive again: posted, imported as history, and as a replay straight
    // into the consumer.
    await post([click(USER, 120_000, 'detail'), click(USER, 121_000, 'add_to_cart', { quantity: 1 })]);
    const imported = await json('/import', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rows: [click(USER, -3_600_000, 'detail'), click(USER, -3_599_000, 'purchase')] }),
    });
    const replay = await cloud.invoke('sdp-sessions-local-sessionizeClickstream', replayEvent(USER, start + 122_000));
    await cloud.waitForIdle();

    // Assess: accepted at the door, dropped everywhere after it.
    expect([imported.status, imported.body.accepted]).toStrictEqual([200, 2]);
    expect(replay).toStrictEqual({ batchItemFailures: [] });
    expect(await tablesNaming(USER)).toStrictEqual({});
    expect(await filesNaming(USER)).toStrictEqual([]);
    expect(await productTotals()).toStrictEqual(totals);

    // Act: un-erase (npm run erase -- --undo), then a new visit.
    const lifted = JSON.parse(await eraseCli('--user', USER, '--undo')) as { tombstone: { status: string } };
    await post([click(USER, 180_000, 'detail'), click(USER, 181_000, 'add_to_cart', { quantity: 1 })]);
    await cloud.waitForIdle();

    // Assess: only the new visit counts; the erased data stays erased.
    expect(lifted.tombstone.status).toBe('lifted');
    expect(await sessionIds(USER)).toStrictEqual([`${USER}_1`]);
    expect(await lakeCount('clickstream_events', USER)).toStrictEqual([{ n: 2 }]);
    expect(await productTotals()).toMatchObject({ views: 5, carts: 3, purchases: 1 });

    // Act: erase again, twice, with npm run erase (which waits until the erasure is done).
    const second = await eraseCli('--user', USER);
    const third = await eraseCli('--user', USER);
    await cloud.waitForIdle();

    // Assess: the second erasure removed the new visit, the third found nothing left; the log has it all.
    expect(erasedCountsIn(second)).toMatchObject({
      session_items: 1,
      order_lines: 0,
      failed_events: 0,
      lake_rows: { clickstream_events: 2 },
    });
    expect(erasedCountsIn(third)).toStrictEqual({
      session_items: 0,
      order_lines: 0,
      failed_events: 0,
      lake_rows: { clickstream_events: 0, session_changes: 0 },
      lake_partitions_rewritten: 0,
    });
    expect(await tablesNaming(USER)).toStrictEqual({});
    expect(await filesNaming(USER)).toStrictEqual([]);
    expect(await productTotals()).toMatchObject({ views: 5, carts: 3, purchases: 1 });
    const log = JSON.parse(await eraseCli('--user', USER, '--show')) as { erasures: Entry[] };
    expect(log.erasures.map((entry) => [entry.action, entry.status])).toStrictEqual([
      ['erase', 'erased'],
      ['erase', 'erased'],
      ['lift', 'lifted'],
      ['erase', 'erased'],
    ]);
  });

  it('answers a bad user id or an unknown parameter with 400, a user never erased with 404, a key without admin with 403', async () => {
    // Act
    const bad = await json(`/users/${encodeURIComponent('a b/c')}`, { method: 'DELETE' });
    const unknownParameter = await json(`/users/${USER}?wait=true`, { method: 'DELETE' });
    const never = await erasureOf(`${userPrefix}${RUN}-never`);
    const notErased = await json(`/users/${userPrefix}${RUN}-never/tombstone`, { method: 'DELETE' });
    const { stdout } = await promisify(execFile)(
      path.join(repositoryRoot, 'node_modules/.bin/tsx'),
      [
        'services/access/scripts/keys.ts',
        'create',
        '--tenant',
        `${userPrefix}${RUN}`,
        '--scopes',
        'report,query',
        '--data-dir',
        cloud.dataDir,
      ],
      { cwd: repositoryRoot },
    );
    const readOnly = await fetch(`${cloud.url}/users/${USER}`, {
      method: 'DELETE',
      headers: { 'x-api-key': stdout.split('\n')[0]! },
    });

    // Assess
    expect([bad.status, bad.body.code]).toStrictEqual([400, 'invalid_request']);
    expect(String(bad.body.message)).toContain('user_id must be 1 to 128 letters');
    expect([unknownParameter.status, unknownParameter.body.message]).toStrictEqual([
      400,
      "'wait' is not a query parameter of this endpoint; it takes none.",
    ]);
    expect([never.status, never.body.code]).toStrictEqual([404, 'not_found']);
    expect([notErased.status, notErased.body.code]).toStrictEqual([404, 'not_found']);
    expect([readOnly.status, ((await readOnly.json()) as { code: string }).code]).toStrictEqual([
      403,
      'insufficient_scope',
    ]);
  });
});

/** A replay of one clickstream record of the user, as `npm run failed -- replay` delivers it. */
function replayEvent(user: string, eventTimestamp: number) {
  const envelope = {
    schema_version: 1,
    event_id: '00000000-0000-4000-8000-00000000e7a5',
    received_at: new Date().toISOString(),
    type: 'clickstream',
    tenant: 'local',
    data: {
      user_id: user,
      event_timestamp: eventTimestamp,
      event_name: 'detail',
      event_type: 'click',
      device_type: 'mobile',
      product_id: PRODUCT,
    },
  };
  return {
    Records: [
      {
        kinesis: {
          kinesisSchemaVersion: '1.0',
          partitionKey: user,
          sequenceNumber: '49000000000000000000000000000000000000000000000000000001',
          data: Buffer.from(JSON.stringify(envelope)).toString('base64'),
          approximateArrivalTimestamp: Date.now() / 1000,
        },
        eventSource: 'aws:kinesis',
        eventVersion: '1.0',
        eventID: 'shardId-000000000000-replay:1',
        eventName: 'aws:kinesis:record',
        invokeIdentityArn: 'arn:aws:iam::000000000000:role/replay',
        awsRegion: 'us-east-1',
        eventSourceARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/sdp-ingest-local-clickstream-replay',
      },
    ],
  };
}
