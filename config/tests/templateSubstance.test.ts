import { differencesOf, substanceOf, type Template } from '../src/templateSubstance.js';

const packaged = (options: { version: string; key: string; statements: unknown[]; batchSize: number }): Template =>
  JSON.parse(
    JSON.stringify({
      Resources: {
        JoinEventsLambdaFunction: {
          Type: 'AWS::Lambda::Function',
          Properties: {
            Code: {
              S3Bucket: { Ref: 'ServerlessDeploymentBucket' },
              S3Key: `serverless/sdp-enrich/dev/${options.key}/joinEvents.zip`,
            },
            Role: { 'Fn::GetAtt': ['JoinEventsIamRoleLambdaExecution', 'Arn'] },
          },
        },
        [`JoinEventsLambdaVersion${options.version}`]: {
          Type: 'AWS::Lambda::Version',
          DeletionPolicy: 'Retain',
          Properties: { FunctionName: { Ref: 'JoinEventsLambdaFunction' }, CodeSha256: options.version },
        },
        JoinEventsIamRoleLambdaExecution: {
          Type: 'AWS::IAM::Role',
          Properties: { Policies: [{ PolicyDocument: { Version: '2012-10-17', Statement: options.statements } }] },
        },
        JoinEventsMapping: { Type: 'AWS::Lambda::EventSourceMapping', Properties: { BatchSize: options.batchSize } },
      },
      Outputs: {
        JoinEventsLambdaFunctionQualifiedArn: { Value: { Ref: `JoinEventsLambdaVersion${options.version}` } },
      },
    }),
  );

const read = { Effect: 'Allow', Action: ['kinesis:GetRecords', 'kinesis:ListShards'], Resource: 'arn:stream' };
const write = { Effect: 'Allow', Action: ['dynamodb:PutItem'], Resource: ['arn:b', 'arn:a'] };

describe('substanceOf and differencesOf', () => {
  it('see two packagings of the same config as the same: code hashes, artifact keys and statement order aside', () => {
    // Prepare
    const before = packaged({
      version: 'a'.repeat(43),
      key: '1796-2026-12-06',
      statements: [read, write],
      batchSize: 500,
    });
    const after = packaged({
      version: 'b'.repeat(43),
      key: '1797-2026-12-07',
      statements: [
        { ...write, Resource: ['arn:a', 'arn:b'] },
        { ...read, Action: ['kinesis:ListShards', 'kinesis:GetRecords'] },
      ],
      batchSize: 500,
    });

    // Act
    const differences = differencesOf(before, after);

    // Assess
    expect(differences).toStrictEqual([]);
    expect(Object.keys(substanceOf(after).Resources)).toContain('JoinEventsLambdaVersion');
    expect(substanceOf(after).Outputs).toStrictEqual({
      JoinEventsLambdaFunctionQualifiedArn: { Value: { Ref: 'JoinEventsLambdaVersion' } },
    });
  });

  it('name every statement, setting and resource that changed', () => {
    // Prepare
    const before = packaged({ version: 'a'.repeat(43), key: 'k', statements: [read, write], batchSize: 500 });
    const after = packaged({ version: 'a'.repeat(43), key: 'k', statements: [read], batchSize: 1000 });
    after.Resources.JoinEventsFailures = { Type: 'AWS::SQS::Queue' };

    // Act
    const differences = differencesOf(before, after);

    // Assess
    expect(differences).toStrictEqual([
      'Resources.JoinEventsIamRoleLambdaExecution.Properties.Policies[0].PolicyDocument.Statement: removed {"Effect":"Allow","Action":["dynamodb:PutItem"],"Resource":["arn:a","arn:b"]}',
      'Resources.JoinEventsMapping.Properties.BatchSize: 500 → 1000',
      'Resources.JoinEventsFailures: added {"Type":"AWS::SQS::Queue"}',
    ]);
  });
});
