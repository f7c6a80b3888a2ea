import { QueryCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ProgressItem } from '../domain/reconcile.js';

/** Every progress entry of one consumer (the table keeps them for three days). */
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
          KeyConditionExpression: 'function_name = :fn',
          ExpressionAttributeValues: { ':fn': { S: functionName } },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        items.push({
          functionName,
          shardId: item.shard_id!.S!,
          firstSequence: item.first_sequence!.S!,
          lastSequence: item.last_sequence!.S!,
          windows: Object.fromEntries(
            Object.entries(item.windows?.M ?? {}).map(([window, count]) => [window, Number(count.N)]),
          ),
          writtenAt: item.written_at!.S!,
        });
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  };
}
