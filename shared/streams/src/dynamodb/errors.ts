import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/** DynamoDB left keys of a `BatchGetItem` unprocessed round after round (throttling): the caller fails and is retried. */
export class UnreadKeysError extends Error {
  readonly tableName: string;
  readonly unread: readonly Record<string, AttributeValue>[];
  constructor(tableName: string, unread: readonly Record<string, AttributeValue>[], rounds: number) {
    super(
      `DynamoDB left ${unread.length === 1 ? '1 key' : `${unread.length} keys`} of ${tableName} unread after ${rounds} rounds of BatchGetItem.`,
    );
    this.name = 'UnreadKeysError';
    this.tableName = tableName;
    this.unread = unread;
  }
}
