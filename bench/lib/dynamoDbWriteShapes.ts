/**
 * The DynamoDB write shapes `npm run bench:dynamodb-writes` (bench/dynamoDbWriteShapes.ts) measures,
 * the table they write to, and a probe of how DynamoDB Local answers failed conditions.
 *
 * Every shape writes new keys or moves existing items forward (counter window marks that only grow,
 * versions this process tracks), so its conditions hold unless a shape means them to fail.
 */
import {
  BatchExecuteStatementCommand,
  BatchWriteItemCommand,
  ConditionalCheckFailedException,
  CreateTableCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type AttributeValue,
  type BatchStatementRequest,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';

export const TABLE = 'writes';
/** Counters per window that the UpdateItem shapes spread over */
export const COUNTERS = 50;
/** Items the conditional PartiQL UPDATEs cycle through */
const UPDATE_POOL = 1_000;
/** With the key and other attributes, an item of about 400 bytes */
const PAYLOAD = 'x'.repeat(360);

/** Which of the two DynamoDB Local processes a request goes to: database file on disk, or in memory */
export type Target = 'disk' | 'memory';
/** Item operations of one request with the intended outcome (`done`) and without it (`failed`) */
export interface Outcome {
  done: number;
  failed: number;
  firstError?: string;
}
export interface WriteShape {
  name: string;
  itemsPerRequest: number;
  send: (client: DynamoDBClient, target: Target) => Promise<Outcome>;
}

const s = (value: string): AttributeValue => ({ S: value });
const n = (value: number): AttributeValue => ({ N: String(value) });
export const errorText = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);
let nextKey = 0;
const newItem = (prefix: string) => ({
  pk: s(`${prefix}-${nextKey++}`),
  version: n(1),
  payload: s(PAYLOAD),
  at: n(Date.now()),
});
/** Window marks only grow, over every run and both targets, so a counter update's condition holds. */
let nextMark = 1;
const counterKey = (i: number) => ({ pk: s(`counter-${i % COUNTERS}`) });
const counterUpdate = (i: number, first: number, last: number) => ({
  TableName: TABLE,
  Key: counterKey(i),
  UpdateExpression: 'ADD a :a, b :b SET c = :c, wm = :last',
  ConditionExpression: 'attribute_not_exists(wm) OR wm < :first',
  ExpressionAttributeValues: {
    ':a': n(3),
    ':b': n(1),
    ':c': s('2026-12-06T20:00:00.000Z'),
    ':first': n(first),
    ':last': n(last),
  },
});
/** Versions of the PartiQL UPDATE pool, per target, as this process last wrote them. */
const versions: Record<Target, number[]> = {
  disk: new Array(UPDATE_POOL).fill(1),
  memory: new Array(UPDATE_POOL).fill(1),
};
const nextPoolSlot: Record<Target, number> = { disk: 0, memory: 0 };
const statementOutcome = (responses: { Error?: { Code?: string; Message?: string } }[] = []): Outcome => {
  const failed = responses.filter((response) => response.Error).length;
  const error = responses.find((response) => response.Error)?.Error;
  return {
    done: responses.length - failed,
    failed,
    ...(error ? { firstError: `${error.Code}: ${error.Message}` } : {}),
  };
};
const transactPuts = (count: number): WriteShape => ({
  name: `TransactWriteItems ×${count} conditional puts`,
  itemsPerRequest: count,
  send: async (client) => {
    const TransactItems = Array.from({ length: count }, () => ({
      Put: { TableName: TABLE, Item: newItem('tx'), ConditionExpression: 'attribute_not_exists(pk)' },
    }));
    await client.send(new TransactWriteItemsCommand({ TransactItems }));
    return { done: count, failed: 0 };
  },
});

/** The write shapes in the order they are measured; `send` makes one request and says how its items fared. */
export const WRITE_SHAPES: WriteShape[] = [
  {
    name: 'PutItem, conditional',
    itemsPerRequest: 1,
    send: async (client) => {
      await client.send(
        new PutItemCommand({
          TableName: TABLE,
          Item: newItem('put'),
          ConditionExpression: 'attribute_not_exists(pk) OR version = :v',
          ExpressionAttributeValues: { ':v': n(0) },
        }),
      );
      return { done: 1, failed: 0 };
    },
  },
  {
    name: 'UpdateItem, counters (50 items)',
    itemsPerRequest: 1,
    send: async (client) => {
      const mark = nextMark++;
      try {
        await client.send(new UpdateItemCommand(counterUpdate(mark, mark, mark)));
        return { done: 1, failed: 0 };
      } catch (error) {
        // Two requests for one counter can overtake each other in flight; the later mark then wins.
        if (error instanceof ConditionalCheckFailedException)
          return { done: 0, failed: 1, firstError: errorText(error) };
        throw error;
      }
    },
  },
  {
    name: 'UpdateItem, condition fails, ALL_OLD',
    itemsPerRequest: 1,
    send: async (client) => {
      try {
        await client.send(
          new UpdateItemCommand({ ...counterUpdate(nextMark++, 0, 0), ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }),
        );
        return { done: 0, failed: 1, firstError: 'the condition held' };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        return error.Item ? { done: 1, failed: 0 } : { done: 0, failed: 1, firstError: 'no old item in the error' };
      }
    },
  },
  {
    name: 'BatchWriteItem ×25 puts',
    itemsPerRequest: 25,
    send: async (client) => {
      const requests = Array.from({ length: 25 }, () => ({ PutRequest: { Item: newItem('batch') } }));
      const answer = await client.send(new BatchWriteItemCommand({ RequestItems: { [TABLE]: requests } }));
      const unprocessed = answer.UnprocessedItems?.[TABLE]?.length ?? 0;
      return { done: 25 - unprocessed, failed: unprocessed };
    },
  },
  {
    name: 'BatchExecuteStatement ×25 INSERT',
    itemsPerRequest: 25,
    send: async (client) => {
      const Statements = Array.from({ length: 25 }, (): BatchStatementRequest => {
        const item = newItem('pql');
        return {
          Statement: `INSERT INTO "${TABLE}" VALUE {'pk': ?, 'version': ?, 'payload': ?, 'at': ?}`,
          Parameters: [item.pk, item.version, item.payload, item.at],
        };
      });
      return statementOutcome((await client.send(new BatchExecuteStatementCommand({ Statements }))).Responses);
    },
  },
  {
    name: 'BatchExecuteStatement ×25 UPDATE, conditional',
    itemsPerRequest: 25,
    send: async (client, target) => {
      const slots = Array.from({ length: 25 }, () => nextPoolSlot[target]++ % UPDATE_POOL);
      const Statements = slots.map((slot): BatchStatementRequest => ({
        Statement: `UPDATE "${TABLE}" SET payload = ? SET version = ? WHERE pk = ? AND version = ?`,
        Parameters: [s(PAYLOAD), n(versions[target][slot]! + 1), s(`pool-${slot}`), n(versions[target][slot]!)],
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }));
      const { Responses = [] } = await client.send(new BatchExecuteStatementCommand({ Statements }));
      Responses.forEach((response, i) => {
        // On a failed condition the old item (when returned) says which version the next write must name.
        const known = response.Error
          ? Number(response.Error.Item?.version?.N ?? Number.NaN)
          : versions[target][slots[i]!]! + 1;
        if (Number.isFinite(known)) versions[target][slots[i]!] = known;
      });
      return statementOutcome(Responses);
    },
  },
  transactPuts(25),
  transactPuts(100),
];

/** Whether a failed UpdateItem condition returns the old item, and what BatchExecuteStatement answers per statement. */
export async function probeConditionAnswers(client: DynamoDBClient) {
  let updateAllOld: { returnsOldItem: boolean; attributes?: string[]; error?: string };
  try {
    await client.send(
      new UpdateItemCommand({ ...counterUpdate(0, 0, 0), ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }),
    );
    updateAllOld = { returnsOldItem: false, error: 'the condition held' };
  } catch (error) {
    const item = error instanceof ConditionalCheckFailedException ? error.Item : undefined;
    updateAllOld = item
      ? { returnsOldItem: true, attributes: Object.keys(item).sort() }
      : { returnsOldItem: false, error: errorText(error) };
  }
  const insert = (pk: string): BatchStatementRequest => ({
    Statement: `INSERT INTO "${TABLE}" VALUE {'pk': ?, 'version': ?}`,
    Parameters: [s(pk), n(1)],
  });
  const update = (pk: string, version: number): BatchStatementRequest => ({
    Statement: `UPDATE "${TABLE}" SET version = ? WHERE pk = ? AND version = ?`,
    Parameters: [n(version + 1), s(pk), n(version)],
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
  });
  const statements = {
    'INSERT a new key': insert('probe-new'),
    'INSERT an existing key': insert('probe-1'),
    'UPDATE, right version': update('probe-2', 1),
    'UPDATE, wrong version': update('probe-3', 99),
  };
  const { Responses = [] } = await client.send(
    new BatchExecuteStatementCommand({ Statements: Object.values(statements) }),
  );
  const partiql = Object.fromEntries(
    Object.keys(statements).map((label, i) => {
      const error = Responses[i]?.Error;
      return [
        label,
        error ? { error: `${error.Code}: ${error.Message}`, returnsOldItem: error.Item !== undefined } : 'ok',
      ];
    }),
  );
  return { updateAllOld, batchExecuteStatement: partiql };
}

/** Creates the table and seeds the counters, the PartiQL UPDATE pool and the probe's items. */
export async function prepareTable(client: DynamoDBClient): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: TABLE,
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  const seed = [
    ...Array.from({ length: COUNTERS }, (_, i) => ({ ...counterKey(i), a: n(0), b: n(0), wm: n(0) })),
    ...Array.from({ length: UPDATE_POOL }, (_, i) => ({ pk: s(`pool-${i}`), version: n(1), payload: s(PAYLOAD) })),
    ...[1, 2, 3].map((i) => ({ pk: s(`probe-${i}`), version: n(1) })),
  ];
  for (let i = 0; i < seed.length; i += 25) {
    const RequestItems = { [TABLE]: seed.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) };
    await client.send(new BatchWriteItemCommand({ RequestItems }));
  }
}
