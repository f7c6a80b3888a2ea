import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { featureSpecOf, LIVE_POINTER, liveVersionOf, modelRegistryKeyOf } from '@sdp/retrain';
import type { FeatureSpec } from '@sdp/shared-model';

/** The live model's version and the feature spec it was trained with, or undefined before any is live. */
export type LiveModelSpec = () => Promise<{ version: string; featureSpec: FeatureSpec } | undefined>;

/**
 * Reads the live pointer and the live version's feature spec from the model registry (retrain's
 * table, through the item schema retrain publishes in `@sdp/retrain`), cached for `ttlMs` so a prediction costs no extra read; a promotion shows within that time.
 */
export function registryLiveModelSpec(
  tableName: string,
  ttlMs = 5_000,
  client = new DynamoDBClient({}),
): LiveModelSpec {
  const documents = DynamoDBDocumentClient.from(client);
  let cached: { at: number; value: Awaited<ReturnType<LiveModelSpec>> } | undefined;
  return async () => {
    if (cached && Date.now() - cached.at < ttlMs) return cached.value;
    const { Item: live } = await documents.send(
      new GetCommand({ TableName: tableName, Key: modelRegistryKeyOf(LIVE_POINTER) }),
    );
    const version = liveVersionOf(live);
    const value = version
      ? await documents
          .send(new GetCommand({ TableName: tableName, Key: modelRegistryKeyOf(version) }))
          .then(({ Item }) => (Item ? { version, featureSpec: featureSpecOf(Item) as FeatureSpec } : undefined))
      : undefined;
    cached = { at: Date.now(), value };
    return value;
  };
}
