import { DynamoDBClient, type UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { dynamoDbDemandFeaturesTable } from '../src/adapters/demandFeaturesTable.js';
import { features } from './support/pricingFixtures.js';

/** A DynamoDB client that records each update and answers with the next version. */
function recordingClient() {
  const client = new DynamoDBClient({ region: 'us-east-1' });
  const updates: UpdateItemCommand['input'][] = [];
  client.send = (async (command: UpdateItemCommand) => {
    updates.push(command.input);
    return { Attributes: { features_version: { N: String(updates.length) } } };
  }) as DynamoDBClient['send'];
  return { client, updates };
}

const fingerprintOf = (input: UpdateItemCommand['input']) => input.ExpressionAttributeValues?.[':fingerprint']?.S;

describe('dynamoDbDemandFeaturesTable', () => {
  it('writes a new version only on condition that the fingerprint changed, whatever the time or key order', async () => {
    // Prepare
    const { client, updates } = recordingClient();
    const table = dynamoDbDemandFeaturesTable(client, 'demand-features');
    const { features_version: _version, ...base } = features({ attributes: { colour: 'black', material: 'mesh' } });

    // Act
    const version = await table.writeIfChanged(base);
    await table.writeIfChanged({ ...base, as_of: '2026-12-04T16:00:00.000Z', attributes: { material: 'mesh', colour: 'black' } });
    await table.writeIfChanged({ ...base, attributes: { colour: 'white', material: 'mesh' } });

    // Assess
    expect(version).toBe(1);
    expect(updates[0]).toMatchObject({ ConditionExpression: 'attribute_not_exists(fingerprint) OR fingerprint <> :fingerprint', ReturnValues: 'UPDATED_NEW' });
    expect(updates[0]!.UpdateExpression).toMatch(/ADD features_version :one$/);
    expect(fingerprintOf(updates[1]!)).toBe(fingerprintOf(updates[0]!));
    expect(fingerprintOf(updates[2]!)).not.toBe(fingerprintOf(updates[0]!));
  });
});
