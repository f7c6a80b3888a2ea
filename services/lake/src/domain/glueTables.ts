import { LAKE_TABLES, type LakeColumn } from '@sdp/shared-lake';

const GLUE_TYPES: Record<LakeColumn['type'], string> = { STRING: 'string', INT64: 'bigint', TIMESTAMP: 'timestamp' };
const PROJECTION = {
  'projection.enabled': 'true',
  'projection.year.type': 'integer',
  'projection.year.range': '2020,2100',
  'projection.month.type': 'integer',
  'projection.month.range': '1,12',
  'projection.month.digits': '2',
  'projection.day.type': 'integer',
  'projection.day.range': '1,31',
  'projection.day.digits': '2',
  'projection.hour.type': 'integer',
  'projection.hour.range': '0,23',
  'projection.hour.digits': '2',
};
const pascal = (name: string) => name.replace(/(^|_)(\w)/g, (_, __, letter: string) => letter.toUpperCase());

/**
 * The CloudFormation resources that define every lake table in the Glue Data Catalog for Athena, with
 * partition projection (no crawler, no MSCK REPAIR: a new hour is queryable as soon as its first file
 * lands). `${…}` placeholders of the location template are split so neither Serverless nor Fn::Sub
 * reads them.
 */
export function glueTableResources(): { Resources: Record<string, unknown> } {
  const location = (table: string, ...path: string[]) => ({
    'Fn::Join': ['', ['s3://', { Ref: 'LakeBucket' }, `/${table}`, ...path]],
  });
  const template = (table: string) =>
    location(table, ...['year', 'month', 'day', 'hour'].flatMap((key) => [`/${key}=`, '$', `{${key}}`]));
  const resources = Object.fromEntries(
    LAKE_TABLES.map((table) => [
      `${pascal(table.name)}GlueTable`,
      {
        Type: 'AWS::Glue::Table',
        Properties: {
          CatalogId: { Ref: 'AWS::AccountId' },
          DatabaseName: { Ref: 'LakeDatabase' },
          TableInput: {
            Name: table.name,
            Description: table.description,
            TableType: 'EXTERNAL_TABLE',
            Parameters: {
              classification: 'parquet',
              EXTERNAL: 'TRUE',
              ...PROJECTION,
              'storage.location.template': template(table.name),
            },
            PartitionKeys: ['year', 'month', 'day', 'hour'].map((Name) => ({ Name, Type: 'int' })),
            StorageDescriptor: {
              Location: location(table.name, '/'),
              InputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
              OutputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
              SerdeInfo: { SerializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe' },
              Columns: table.columns.map((column) => ({ Name: column.name, Type: GLUE_TYPES[column.type] })),
            },
          },
        },
      },
    ]),
  );
  return { Resources: resources };
}
