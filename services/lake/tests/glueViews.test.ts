import { glueViewResources } from '../src/domain/glueViews.js';
import { DERIVED_VIEWS } from '@sdp/shared-lake';

const SETTINGS = {
  bidsSessionTimeoutMs: 'CAST(5 * 60000 AS BIGINT)',
  clicksSessionTimeoutMs: 'CAST(7 * 60000 AS BIGINT)',
  botEventsPerMinute: 'CAST(120 AS BIGINT)',
};

interface ViewResource {
  Type: string;
  Properties: { TableInput: { Name: string; ViewOriginalText: { 'Fn::Join': [string, unknown[]] } } };
}
/** The Presto view JSON CloudFormation will base64-encode into ViewOriginalText. */
const prestoViewOf = (resource: ViewResource) => {
  const [prefix, encoded, suffix] = resource.Properties.TableInput.ViewOriginalText['Fn::Join'][1] as [
    string,
    { 'Fn::Base64': string },
    string,
  ];
  return { prefix, view: JSON.parse(encoded['Fn::Base64']) as unknown, suffix };
};

describe('glueViewResources', () => {
  it('defines every derived view as an Athena view: its Trino spelling, the database and its typed columns', () => {
    // Act
    const resources = glueViewResources({ database: 'sdp_lake_${sls:stage}', settings: SETTINGS });

    // Assess
    expect(Object.values(resources).map((resource) => prestoViewOf(resource as unknown as ViewResource))).toStrictEqual(
      DERIVED_VIEWS.map((view) => ({
        prefix: '/* Presto View: ',
        view: {
          originalSql: view.sql('trino', SETTINGS),
          catalog: 'awsdatacatalog',
          schema: 'sdp_lake_${sls:stage}',
          columns: view.columns.map(({ name, type }) => ({ name, type: type.toLowerCase() })),
        },
        suffix: ' */',
      })),
    );
  });

  it('declares a view as a Glue table of type VIRTUAL_VIEW with Hive column types', () => {
    // Act
    const { OrphanClicksGlueView } = glueViewResources({ database: 'lake', settings: SETTINGS });

    // Assess
    expect({
      ...OrphanClicksGlueView,
      Properties: {
        ...OrphanClicksGlueView!.Properties,
        TableInput: { ...(OrphanClicksGlueView!.Properties.TableInput as object), ViewOriginalText: '…' },
      },
    }).toStrictEqual({
      Type: 'AWS::Glue::Table',
      Properties: {
        CatalogId: { Ref: 'AWS::AccountId' },
        DatabaseName: { Ref: 'LakeDatabase' },
        TableInput: {
          Name: 'orphan_clicks',
          Description:
            'The first click of each transaction that never joined an impression, once its session timed out',
          TableType: 'VIRTUAL_VIEW',
          Parameters: { presto_view: 'true', comment: 'Presto View' },
          ViewOriginalText: '…',
          ViewExpandedText: '/* Presto View */',
          StorageDescriptor: {
            Columns: [
              { Name: 'event_id', Type: 'string' },
              { Name: 'received_at', Type: 'timestamp' },
              { Name: 'tx_id', Type: 'string' },
              { Name: 'source', Type: 'string' },
              { Name: 'user_agent', Type: 'string' },
              { Name: 'bot', Type: 'string' },
              { Name: 'shard_id', Type: 'string' },
              { Name: 'sequence_number', Type: 'string' },
              { Name: 'landed_at', Type: 'timestamp' },
              { Name: 'year', Type: 'int' },
              { Name: 'month', Type: 'int' },
              { Name: 'day', Type: 'int' },
              { Name: 'hour', Type: 'int' },
            ],
          },
        },
      },
    });
  });

  it('waits for the clicks session timeout it is given in the orphan clicks view', () => {
    // Act
    const { OrphanClicksGlueView } = glueViewResources({ database: 'lake', settings: SETTINGS });

    // Assess
    const { view } = prestoViewOf(OrphanClicksGlueView as unknown as ViewResource);
    expect((view as { originalSql: string }).originalSql).toContain(
      "o.received_at < date_add('millisecond', -(CAST(7 * 60000 AS BIGINT)), CAST(now() AS TIMESTAMP))",
    );
  });
});
