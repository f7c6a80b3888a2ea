import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Sends a batch request until DynamoDB has processed all of it: what it leaves unprocessed
 * (throttling) is sent again after 50 ms, then twice as long each round up to 1 s; what is still
 * left after `maxRounds` rounds is thrown as `giveUp` says.
 *
 * @example
 * await sendUntilProcessed(keys, async (unread) => (await read(unread)).unprocessed, 8, (left) => new UnreadKeysError(table, left, 8));
 */
export async function sendUntilProcessed<T>(
  pending: readonly T[],
  send: (pending: readonly T[]) => Promise<readonly T[]>,
  maxRounds: number,
  giveUp: (left: readonly T[]) => Error,
): Promise<void> {
  let left = pending;
  for (let round = 0; left.length > 0; round++) {
    if (round === maxRounds) throw giveUp(left);
    if (round > 0) await sleep(Math.min(1000, 25 * 2 ** round));
    left = await send(left);
  }
}
