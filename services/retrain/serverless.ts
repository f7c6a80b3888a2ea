import {
  allow,
  apiFunction,
  DEMAND_WINDOWS,
  defineService,
  getAtt,
  lambdaFunction,
  param,
  readKinesisStream,
  ref,
  regionalArn,
  s3Arn,
  SESSION_TIMEOUTS,
  BOT_RATE,
  sub,
  table,
  privateBucket,
  bucketPolicy,
  type CfnValue,
  type IamStatement,
} from '../../config/src/index.js';

const MODEL_ENDPOINT_NAME = 'sdp-bid-win-${sls:stage}';
// The demand model dynamic pricing asks (services/pricing, docs/adr/0018-dynamic-pricing.md).
const DEMAND_MODEL_ENDPOINT_NAME = 'sdp-demand-price-${sls:stage}';

/**
 * Promotion serves a version on an endpoint: a SageMaker model and an endpoint config per version,
 * named at run time under the endpoint's name, then the endpoint created or switched to it.
 * CreateEndpoint and UpdateEndpoint are authorised on both the endpoint and the config.
 */
const promoteOn = (endpoint: string): IamStatement[] => [
  allow(['sagemaker:CreateModel'], regionalArn('sagemaker', `model/${endpoint}-*`)),
  allow(['sagemaker:CreateEndpointConfig'], regionalArn('sagemaker', `endpoint-config/${endpoint}-*`)),
  allow(
    ['sagemaker:CreateEndpoint', 'sagemaker:UpdateEndpoint', 'sagemaker:DescribeEndpoint'],
    [regionalArn('sagemaker', `endpoint/${endpoint}`), regionalArn('sagemaker', `endpoint-config/${endpoint}-*`)],
  ),
];
// CreateModel hands SageMaker the role its endpoint runs with.
const passModelRole = allow(['iam:PassRole'], getAtt('SageMakerExecutionRole', 'Arn'), {
  StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' },
});

const oneOrList = (resources: CfnValue[]): CfnValue => (resources.length === 1 ? resources[0]! : resources);

/**
 * The training set comes from the lake through Athena, which reads the catalog and these tables' files
 * with the caller's role and writes the results where the work group puts them (results/).
 */
const readLakeTables = (tables: string[]): IamStatement[] => [
  allow(
    ['athena:StartQueryExecution', 'athena:GetQueryExecution', 'athena:GetQueryResults', 'athena:StopQueryExecution'],
    regionalArn('athena', `workgroup/${param('lakeWorkGroupName')}`),
  ),
  allow(
    ['glue:GetDatabase', 'glue:GetTable', 'glue:GetTables', 'glue:GetPartition', 'glue:GetPartitions'],
    [
      regionalArn('glue', 'catalog'),
      regionalArn('glue', `database/${param('lakeDatabaseName')}`),
      ...tables.map((name) => regionalArn('glue', `table/${param('lakeDatabaseName')}/${name}`)),
    ],
  ),
  allow(['s3:GetBucketLocation', 's3:ListBucket'], s3Arn(param('lakeBucketName'))),
  allow(['s3:GetObject'], oneOrList(tables.map((name) => s3Arn(`${param('lakeBucketName')}/${name}/*`)))),
  allow(['s3:GetBucketLocation', 's3:ListBucket'], s3Arn(param('lakeQueryResultsBucketName'))),
  allow(
    ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'],
    s3Arn(`${param('lakeQueryResultsBucketName')}/results/*`),
  ),
];

/** How a promotion waits for its endpoint (services/retrain/src/domain/constants.ts has the defaults). */
const PROMOTION_ENVIRONMENT = {
  PROMOTION_GRACE_SECONDS: param('promotionGraceSeconds', ''),
  PROMOTION_TIMEOUT_MINUTES: param('promotionTimeoutMinutes', ''),
};

/** Where both models' versions live, and how to serve them. */
const MODEL_ENVIRONMENT = {
  ...PROMOTION_ENVIRONMENT,
  MODEL_REGISTRY_TABLE_NAME: ref('ModelRegistryTable'),
  MODEL_ARTIFACTS_BUCKET: ref('ModelArtifactsBucket'),
  MODEL_ENDPOINT_NAME,
  DEMAND_MODEL_REGISTRY_TABLE_NAME: ref('DemandModelRegistryTable'),
  DEMAND_MODEL_ENDPOINT_NAME,
  // The model server image built from services/predict/container and pushed to ECR (docs/adr/0010).
  MODEL_IMAGE_URI: param('modelImageUri', 'sdp-bid-win-model:latest'),
  SAGEMAKER_EXECUTION_ROLE_ARN: getAtt('SageMakerExecutionRole', 'Arn'),
};

/** What a training reads besides its own settings. */
const TRAINING_ENVIRONMENT = {
  ...MODEL_ENVIRONMENT,
  LAKE_BUCKET: param('lakeBucketName'),
  GLUE_DATABASE: param('lakeDatabaseName'),
  ATHENA_WORK_GROUP: param('lakeWorkGroupName'),
  // Unused by the training queries, required by the shared lake client's views.
  ...SESSION_TIMEOUTS,
  ...BOT_RATE,
  VALIDATION_FRACTION: '0.2',
  MIN_AUC_GAIN: param('minAucGain', '0.005'),
};

// Saves the candidate's artifact and loads the live model's, under models/<version>/.
const readWriteArtifacts = allow(['s3:GetObject', 's3:PutObject'], sub('${ModelArtifactsBucket.Arn}/models/*'));

/** A training: one at a time (each compares itself with the live model it read), up to 15 minutes. */
const training = { memorySize: 3008, timeout: 900, reservedConcurrency: 1 };

export default defineService({
  service: 'sdp-retrain',
  functions: [
    lambdaFunction({
      name: 'retrainDemandModel',
      description:
        "Trains the demand model of dynamic pricing from the lake's product windows, gates it against the live one and promotes it",
      ...training,
      statements: [
        // The live pointer and the version records.
        allow(
          ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
          getAtt('DemandModelRegistryTable', 'Arn'),
        ),
        readWriteArtifacts,
        // toDemandExamples.ts reads product_window_changes.
        ...readLakeTables(['product_window_changes']),
        // Promotion serves the version on the demand endpoint, as for the bid-win model.
        ...promoteOn(DEMAND_MODEL_ENDPOINT_NAME),
        passModelRole,
      ],
      environment: {
        ...TRAINING_ENVIRONMENT,
        TRAINING_WINDOW_MINUTES: param('demandTrainingWindowMinutes', '1440'),
        // A label is known once its next horizon is over; toDemandExamples leaves younger anchors out.
        LABEL_DELAY_MINUTES: '0',
        MIN_TRAINING_ROWS: param('demandMinTrainingRows', '300'),
        // The model learns demand as pricing reads it.
        ...DEMAND_WINDOWS,
      },
      events: [{ schedule: param('demandRetrainSchedule', 'rate(1 hour)') }],
    }),
    lambdaFunction({
      name: 'retrainModel',
      description: 'Trains the bid-win model from the lake, gates it against the live one and promotes it',
      ...training,
      statements: [
        // Counts new bids on the enriched stream (its Kinesis event source reads with this role).
        readKinesisStream(param('enrichedEventsStreamArn')),
        // The new-bid counter, the live pointer and the version records.
        allow(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], getAtt('ModelRegistryTable', 'Arn')),
        readWriteArtifacts,
        // toTrainingExample.ts reads bids and joined_impressions.
        ...readLakeTables(['bids', 'joined_impressions']),
        ...promoteOn(MODEL_ENDPOINT_NAME),
        passModelRole,
      ],
      environment: {
        ...TRAINING_ENVIRONMENT,
        TRAINING_WINDOW_MINUTES: param('trainingWindowMinutes', '1440'),
        // A bid's label is final once the bids session timeout has passed.
        LABEL_DELAY_MINUTES: param('labelDelayMinutes', '6'),
        MIN_TRAINING_ROWS: param('minTrainingRows', '1000'),
        RETRAIN_EVERY_NEW_BIDS: param('retrainEveryNewBids', '5000'),
      },
      events: [
        { schedule: param('retrainSchedule', 'rate(1 hour)') },
        // Not a consumer of the platform's kind: it only counts new bids, from the latest, and may miss some.
        {
          stream: {
            type: 'kinesis',
            arn: param('enrichedEventsStreamArn'),
            batchSize: 10000,
            batchWindow: 30,
            startingPosition: 'LATEST',
            maximumRetryAttempts: 2,
          },
        },
      ],
    }),
    apiFunction({
      name: 'listModels',
      description: 'GET /models; every version of either model with its metrics, and which is live',
      routes: ['GET /models'],
      statements: [
        // Every version (Scan) and the live pointer (GetItem), of either model.
        allow(
          ['dynamodb:GetItem', 'dynamodb:Scan'],
          [getAtt('ModelRegistryTable', 'Arn'), getAtt('DemandModelRegistryTable', 'Arn')],
        ),
      ],
      environment: {
        MODEL_REGISTRY_TABLE_NAME: ref('ModelRegistryTable'),
        DEMAND_MODEL_REGISTRY_TABLE_NAME: ref('DemandModelRegistryTable'),
      },
    }),
    lambdaFunction({
      name: 'completePromotions',
      description:
        'Every minute: makes a pending promotion live once its endpoint serves the version, or failed when the endpoint could not take it',
      statements: [
        // The live pointer with the pending promotion, and the version's promotion record, of either model.
        allow(
          ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
          [getAtt('ModelRegistryTable', 'Arn'), getAtt('DemandModelRegistryTable', 'Arn')],
        ),
        allow(
          ['sagemaker:DescribeEndpoint'],
          [MODEL_ENDPOINT_NAME, DEMAND_MODEL_ENDPOINT_NAME].map((endpoint) =>
            regionalArn('sagemaker', `endpoint/${endpoint}`),
          ),
        ),
      ],
      environment: MODEL_ENVIRONMENT,
      events: [
        { schedule: param('promotionCheckSchedule', 'rate(1 minute)') },
        // At once when an endpoint settles (SageMaker sends its status changes to EventBridge); the schedule catches what this misses.
        {
          eventBridge: {
            pattern: {
              source: ['aws.sagemaker'],
              'detail-type': ['SageMaker Endpoint State Change'],
              detail: { EndpointName: [MODEL_ENDPOINT_NAME, DEMAND_MODEL_ENDPOINT_NAME] },
            },
          },
        },
      ],
    }),
    apiFunction({
      name: 'promoteModel',
      description: 'POST /models/{version}/promote; makes a recorded version of either model live (rollback)',
      routes: ['POST /models/{version}/promote'],
      statements: [
        // The version's record, the live pointer, and the conditional switch of it, of either model.
        allow(
          ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
          [getAtt('ModelRegistryTable', 'Arn'), getAtt('DemandModelRegistryTable', 'Arn')],
        ),
        ...promoteOn(MODEL_ENDPOINT_NAME),
        ...promoteOn(DEMAND_MODEL_ENDPOINT_NAME),
        passModelRole,
      ],
      timeout: 29,
      environment: MODEL_ENVIRONMENT,
    }),
  ],
  resources: {
    // One item per model version (key `version`) plus `@live`, the live pointer.
    ModelRegistryTable: table({ name: 'model-registry', key: { version: 'S' } }),
    // The demand model's versions and `@live`, as the model registry's.
    DemandModelRegistryTable: table({ name: 'demand-model-registry', key: { version: 'S' } }),
    ModelArtifactsBucket: privateBucket(),
    ModelArtifactsBucketPolicy: bucketPolicy('ModelArtifactsBucket'),
    SageMakerExecutionRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        },
        Policies: [
          {
            PolicyName: 'read-model-artifacts',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                allow(['s3:GetObject'], sub('${ModelArtifactsBucket.Arn}/models/*')),
                // Pulling the model image; ECR authorization tokens are not resource-scoped (AWS requires '*').
                allow(['ecr:GetAuthorizationToken'], '*'),
                allow(
                  ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
                  regionalArn('ecr', `repository/${param('modelImageRepository', 'sdp-bid-win-model')}`),
                ),
                // SageMaker names the endpoint's log groups itself, under /aws/sagemaker/Endpoints/<endpoint>.
                allow(
                  ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
                  [MODEL_ENDPOINT_NAME, DEMAND_MODEL_ENDPOINT_NAME].map((endpoint) =>
                    regionalArn('logs', `log-group:/aws/sagemaker/Endpoints/${endpoint}:*`),
                  ),
                ),
              ],
            },
          },
        ],
      },
    },
  },
  outputs: {
    ModelRegistryTableName: ref('ModelRegistryTable'),
    ModelRegistryTableArn: getAtt('ModelRegistryTable', 'Arn'),
    ModelEndpointName: MODEL_ENDPOINT_NAME,
    DemandModelRegistryTableName: ref('DemandModelRegistryTable'),
    DemandModelEndpointName: DEMAND_MODEL_ENDPOINT_NAME,
  },
});
