import { QueryCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CONSUMER_PROGRESS_KEY, progressEntryOf } from '@sdp/shared-streams';
import type { ProgressItem } from '../domain/reconcile.js';

/**
 * Every progress entry of one consumer (the table keeps them for three days), read through the item
 * schema of their writer, `dynamoDbConsumerProgress` in `@sdp/shared-streams` (`progressEntryOf`).
 */
export function readConsumerProgress(
  client: DynamoDBClient,
  tableName: string,
): (functionName: string) => Promise<ProgressItem[]> {
  return async (functionName) => {
    const items: ProgressItem[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: `${CONSUMER_PROGRESS_KEY} = :fn`,
          ExpressionAttributeValues: { ':fn': { S: functionName } },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        const { at, ...entry } = progressEntryOf(item);
        items.push({ ...entry, writtenAt: at.toISOString() });
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  };
}
