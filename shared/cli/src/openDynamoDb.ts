import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * DynamoDB for the command-line tools that write tables directly (`npm run keys`, `catalog`): the
 * deployed stage's with the usual AWS credentials when `stage` is given, else the running local
 * cloud's DynamoDB Local (from `<dataDir>/endpoints.json`) under stage `local`. Table names follow
 * `sdp-<service>-<stage>-<table>`.
 *
 * @throws Error with what to do when neither a stage nor a running local cloud is found.
 *
 * @example
 * const { client, stage } = await openDynamoDb({ dataDir: '.data/local' });
 * dynamoDbApiKeysTable(client, `sdp-access-${stage}-api-keys`);
 */
export async function openDynamoDb(options: {
  stage?: string;
  region?: string;
  dataDir: string;
}): Promise<{ client: DynamoDBClient; stage: string }> {
  if (options.stage)
    return { client: new DynamoDBClient(options.region ? { region: options.region } : {}), stage: options.stage };
  const endpointsFile = path.join(options.dataDir, 'endpoints.json');
  const endpoints = JSON.parse(await readFile(endpointsFile, 'utf8').catch(() => '{}')) as { dynamoDb?: string };
  if (!endpoints.dynamoDb)
    throw new Error(
      `No local cloud found (${endpointsFile}): start it with npm start, or pass --stage <stage> for AWS.`,
    );
  const client = new DynamoDBClient({
    endpoint: endpoints.dynamoDb,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return { client, stage: 'local' };
}
