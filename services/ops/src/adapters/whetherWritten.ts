/**
 * Whether a conditional write happened: true when it did, false when DynamoDB refused it on its
 * condition (a failed condition, or a transaction cancelled by one); any other error is thrown.
 *
 * @example
 * await whetherWritten(client.send(new UpdateItemCommand({ …, ConditionExpression: '#status = :failed' }))) // false
 */
export function whetherWritten(write: Promise<unknown>): Promise<boolean> {
  return write.then(
    () => true,
    (error: Error) => {
      if (error.name === 'ConditionalCheckFailedException' || error.name === 'TransactionCanceledException')
        return false;
      throw error;
    },
  );
}
