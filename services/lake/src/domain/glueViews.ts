import { DERIVED_VIEWS, type ViewColumnType, type ViewSettings } from '@sdp/shared-lake';

/** A CloudFormation value, plain or an intrinsic function. */
type CfnJson = string | number | boolean | CfnJson[] | { [key: string]: CfnJson };

const HIVE_TYPES: Record<ViewColumnType, string> = {
  VARCHAR: 'string',
  BIGINT: 'bigint',
  DOUBLE: 'double',
  TIMESTAMP: 'timestamp',
  INTEGER: 'int',
};
const pascal = (name: string) => name.replace(/(^|_)(\w)/g, (_, __, letter: string) => letter.toUpperCase());

/**
 * The CloudFormation resources that define the lake's derived views (derivedViews.ts) in the Glue Data
 * Catalog as views Athena runs: Glue tables of type VIRTUAL_VIEW whose ViewOriginalText is a Presto view
 * (the Trino spelling of the view, the schema it resolves tables in, and its typed columns, as JSON in
 * base64) and whose storage columns are the same columns in Hive types. `database` and `settings` may
 * hold Serverless variables: the JSON is base64-encoded by CloudFormation (Fn::Base64), after they are
 * resolved.
 *
 * @example
 * glueViewResources({ database: 'sdp_lake_${sls:stage}', settings: { bidsSessionTimeoutMs: 300000, clicksSessionTimeoutMs: 300000, botEventsPerMinute: 120 } })
 * // { AggregatesGlueView: { Type: 'AWS::Glue::Table', Properties: { …, TableInput: { Name: 'aggregates', TableType: 'VIRTUAL_VIEW', … } } }, … }
 */
export function glueViewResources(options: {
  database: string;
  settings: ViewSettings;
}): Record<string, { Type: string; Properties: Record<string, CfnJson> }> {
  return Object.fromEntries(
    DERIVED_VIEWS.map((view) => {
      const prestoView = {
        originalSql: view.sql('trino', options.settings),
        catalog: 'awsdatacatalog',
        schema: options.database,
        columns: view.columns.map((column) => ({ name: column.name, type: column.type.toLowerCase() })),
      };
      const resource = {
        Type: 'AWS::Glue::Table',
        Properties: {
          CatalogId: { Ref: 'AWS::AccountId' },
          DatabaseName: { Ref: 'LakeDatabase' },
          TableInput: {
            Name: view.name,
            Description: view.description,
            TableType: 'VIRTUAL_VIEW',
            Parameters: { presto_view: 'true', comment: 'Presto View' },
            ViewOriginalText: {
              'Fn::Join': ['', ['/* Presto View: ', { 'Fn::Base64': JSON.stringify(prestoView) }, ' */']],
            },
            ViewExpandedText: '/* Presto View */',
            StorageDescriptor: {
              Columns: view.columns.map((column) => ({ Name: column.name, Type: HIVE_TYPES[column.type] })),
            },
          },
        },
      };
      return [`${pascal(view.name)}GlueView`, resource];
    }),
  );
}
