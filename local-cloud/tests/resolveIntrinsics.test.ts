import { resolveIntrinsics, type IntrinsicContext } from '../src/project/resolveIntrinsics.js';

const ACCOUNT = '000000000000';
const REGION = 'us-east-1';

/** Local resources as provisioning would report them; an unknown id fails the test loudly. */
const RESOURCES: Record<string, { ref: string; attributes: Record<string, string> }> = {
  RawEventsStream: {
    ref: 'sdp-raw-events-local',
    attributes: { Arn: `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/sdp-raw-events-local` },
  },
  AggregationsTable: {
    ref: 'sdp-aggregations-local',
    attributes: {
      Arn: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/sdp-aggregations-local`,
      StreamArn: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/sdp-aggregations-local/stream/2025-11-22T00:00:00.000`,
    },
  },
  ModelCache: { ref: 'sdp-model-cache', attributes: { 'RedisEndpoint.Address': '127.0.0.1' } },
};

const PSEUDO_PARAMETERS: Record<string, string> = {
  'AWS::Region': REGION,
  'AWS::AccountId': ACCOUNT,
  'AWS::Partition': 'aws',
};

const context: IntrinsicContext = {
  ref: (logicalId) => {
    const value = PSEUDO_PARAMETERS[logicalId] ?? RESOURCES[logicalId]?.ref;
    if (value === undefined) throw new Error(`unexpected Ref ${logicalId}`);
    return value;
  },
  getAtt: (logicalId, attribute) => {
    const value = RESOURCES[logicalId]?.attributes[attribute];
    if (value === undefined) throw new Error(`unexpected Fn::GetAtt ${logicalId}.${attribute}`);
    return value;
  },
};

const RAW_EVENTS_ARN = `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/sdp-raw-events-local`;
const TABLE_ARN = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/sdp-aggregations-local`;

describe('resolveIntrinsics', () => {
  it.each([
    ['a string', 'sdp-raw-events'],
    ['a number', 128],
    ['a boolean', true],
    ['null', null],
    ['undefined', undefined],
  ])('returns %s as it is', (_, value) => {
    // Act
    const resolved = resolveIntrinsics(value, context);

    // Assess
    expect(resolved).toStrictEqual(value);
  });

  it('resolves Ref to the resource name', () => {
    // Act
    const resolved = resolveIntrinsics({ Ref: 'RawEventsStream' }, context);

    // Assess
    expect(resolved).toBe('sdp-raw-events-local');
  });

  it('resolves Ref to a pseudo parameter', () => {
    // Act
    const resolved = resolveIntrinsics({ Ref: 'AWS::Region' }, context);

    // Assess
    expect(resolved).toBe(REGION);
  });

  it('resolves Fn::GetAtt in its list form', () => {
    // Act
    const resolved = resolveIntrinsics({ 'Fn::GetAtt': ['AggregationsTable', 'StreamArn'] }, context);

    // Assess
    expect(resolved).toBe(`${TABLE_ARN}/stream/2025-11-22T00:00:00.000`);
  });

  it('resolves Fn::GetAtt in its dotted string form', () => {
    // Act
    const resolved = resolveIntrinsics({ 'Fn::GetAtt': 'RawEventsStream.Arn' }, context);

    // Assess
    expect(resolved).toBe(RAW_EVENTS_ARN);
  });

  it('splits a dotted Fn::GetAtt at its first dot only, so attributes may contain dots', () => {
    // Act
    const resolved = [
      resolveIntrinsics({ 'Fn::GetAtt': 'ModelCache.RedisEndpoint.Address' }, context),
      resolveIntrinsics({ 'Fn::GetAtt': ['ModelCache', 'RedisEndpoint.Address'] }, context),
    ];

    // Assess
    expect(resolved).toStrictEqual(['127.0.0.1', '127.0.0.1']);
  });

  describe('Fn::Sub', () => {
    it('substitutes pseudo parameters, resource names and attributes', () => {
      // Prepare
      const value = {
        'Fn::Sub':
          'arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/${RawEventsStream} at ${AggregationsTable.Arn}',
      };

      // Act
      const resolved = resolveIntrinsics(value, context);

      // Assess
      expect(resolved).toBe(`arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/sdp-raw-events-local at ${TABLE_ARN}`);
    });

    it('returns a template without variables as written', () => {
      // Act
      const resolved = resolveIntrinsics({ 'Fn::Sub': 'sdp-raw-events-local' }, context);

      // Assess
      expect(resolved).toBe('sdp-raw-events-local');
    });

    it('prefers the variables it is given, resolving intrinsics inside them', () => {
      // Prepare
      const value = {
        'Fn::Sub': [
          '${Table}/index/*:${Stage}:${AWS::Region}',
          { Table: { 'Fn::GetAtt': ['AggregationsTable', 'Arn'] }, Stage: 'local' },
        ],
      };

      // Act
      const resolved = resolveIntrinsics(value, context);

      // Assess
      expect(resolved).toBe(`${TABLE_ARN}/index/*:local:${REGION}`);
    });

    it('accepts the list form without variables', () => {
      // Act
      const resolved = resolveIntrinsics({ 'Fn::Sub': ['${RawEventsStream}-dlq'] }, context);

      // Assess
      expect(resolved).toBe('sdp-raw-events-local-dlq');
    });

    it('writes ${!Literal} as the literal ${Literal}, as CloudFormation does', () => {
      // Act
      const resolved = resolveIntrinsics({ 'Fn::Sub': 'echo ${!Name} in ${AWS::Region}' }, context);

      // Assess
      expect(resolved).toBe(`echo \${Name} in ${REGION}`);
    });
  });

  it('resolves Fn::Join over parts that are intrinsics themselves', () => {
    // Prepare
    const value = {
      'Fn::Join': [
        ':',
        ['arn', { Ref: 'AWS::Partition' }, 'kinesis', { Ref: 'AWS::Region' }, { Ref: 'AWS::AccountId' }, 'stream/x'],
      ],
    };

    // Act
    const resolved = resolveIntrinsics(value, context);

    // Assess
    expect(resolved).toBe(`arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/x`);
  });

  it('resolves Fn::Join with an empty separator', () => {
    // Act
    const resolved = resolveIntrinsics(
      { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['RawEventsStream', 'Arn'] }, '/*']] },
      context,
    );

    // Assess
    expect(resolved).toBe(`${RAW_EVENTS_ARN}/*`);
  });

  it('resolves Fn::Select by a number or a numeric string, from a list with intrinsics', () => {
    // Act
    const resolved = [
      resolveIntrinsics({ 'Fn::Select': [1, ['a', { Ref: 'RawEventsStream' }, 'c']] }, context),
      resolveIntrinsics({ 'Fn::Select': ['2', ['a', 'b', { Ref: 'AggregationsTable' }]] }, context),
      resolveIntrinsics({ 'Fn::Select': [0, [{ 'Fn::GetAtt': 'RawEventsStream.Arn' }]] }, context),
    ];

    // Assess
    expect(resolved).toStrictEqual(['sdp-raw-events-local', 'sdp-aggregations-local', RAW_EVENTS_ARN]);
  });

  it('resolves intrinsics anywhere inside objects and lists', () => {
    // Prepare
    const properties = {
      environment: {
        RAW_EVENTS_STREAM_NAME: { Ref: 'RawEventsStream' },
        AGGREGATIONS_TABLE_NAME: { Ref: 'AggregationsTable' },
        LOG_LEVEL: 'INFO',
        MEMORY: 1024,
      },
      events: [
        { stream: { type: 'kinesis', arn: { 'Fn::GetAtt': ['RawEventsStream', 'Arn'] }, batchSize: 100 } },
        { stream: { type: 'dynamodb', arn: { 'Fn::GetAtt': 'AggregationsTable.StreamArn' } } },
      ],
      policy: [
        {
          Effect: 'Allow',
          Resource: [{ 'Fn::Sub': '${AggregationsTable.Arn}/index/*' }, [{ Ref: 'RawEventsStream' }]],
        },
      ],
    };

    // Act
    const resolved = resolveIntrinsics(properties, context);

    // Assess
    expect(resolved).toStrictEqual({
      environment: {
        RAW_EVENTS_STREAM_NAME: 'sdp-raw-events-local',
        AGGREGATIONS_TABLE_NAME: 'sdp-aggregations-local',
        LOG_LEVEL: 'INFO',
        MEMORY: 1024,
      },
      events: [
        { stream: { type: 'kinesis', arn: RAW_EVENTS_ARN, batchSize: 100 } },
        { stream: { type: 'dynamodb', arn: `${TABLE_ARN}/stream/2025-11-22T00:00:00.000` } },
      ],
      policy: [{ Effect: 'Allow', Resource: [`${TABLE_ARN}/index/*`, ['sdp-raw-events-local']] }],
    });
  });

  it('does not change the value it was given', () => {
    // Prepare
    const value = { environment: { NAME: { Ref: 'RawEventsStream' } } };

    // Act
    resolveIntrinsics(value, context);

    // Assess
    expect(value).toStrictEqual({ environment: { NAME: { Ref: 'RawEventsStream' } } });
  });

  it('leaves functions it does not know as written', () => {
    // Prepare
    const value = {
      vpc: { 'Fn::ImportValue': 'shared-vpc-id' },
      zones: { 'Fn::GetAZs': '' },
      encoded: { 'Fn::Base64': 'hello' },
    };

    // Act
    const resolved = resolveIntrinsics(value, context);

    // Assess
    expect(resolved).toStrictEqual({
      vpc: { 'Fn::ImportValue': 'shared-vpc-id' },
      zones: { 'Fn::GetAZs': '' },
      encoded: { 'Fn::Base64': 'hello' },
    });
  });

  it('treats an object with more keys than a function name as plain data', () => {
    // Prepare
    const value = { Ref: 'RawEventsStream', Description: 'not an intrinsic: it has two keys' };

    // Act
    const resolved = resolveIntrinsics(value, context);

    // Assess
    expect(resolved).toStrictEqual({ Ref: 'RawEventsStream', Description: 'not an intrinsic: it has two keys' });
  });

  it('keeps a single-key object that is not a function, resolving its value', () => {
    // Act
    const resolved = resolveIntrinsics({ StreamName: { Ref: 'RawEventsStream' } }, context);

    // Assess
    expect(resolved).toStrictEqual({ StreamName: 'sdp-raw-events-local' });
  });
});
