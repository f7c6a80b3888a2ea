/**
 * A packaged CloudFormation template (`.serverless/cloudformation-template-update-stack.json`) as
 * the deployment checks and the deploy plan read it, and resources written short for a reader.
 */

export interface PackagedResource {
  Type: string;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  Properties?: Record<string, unknown>;
}

export interface PackagedTemplate {
  Resources: Record<string, PackagedResource>;
  Outputs?: Record<string, unknown>;
}

/** A value as text: plain values as they are, `Fn::Sub` as its template, `Fn::GetAtt` as `${X.Attr}`, `Ref` as `${X}`. */
export function valueText(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  const intrinsic = value as Record<string, unknown>;
  if ('Fn::Sub' in intrinsic) return String([intrinsic['Fn::Sub']].flat()[0]);
  if ('Fn::GetAtt' in intrinsic) return `\${${[intrinsic['Fn::GetAtt']].flat().join('.')}}`;
  if ('Ref' in intrinsic) return `\${${String(intrinsic.Ref)}}`;
  if ('Fn::Join' in intrinsic) {
    const [separator, parts] = intrinsic['Fn::Join'] as [string, unknown[]];
    return parts.map(valueText).join(separator);
  }
  return JSON.stringify(value);
}

/**
 * A resource of an IAM statement, short: without the ARN's partition, service, region and account
 * (the action names the service), and a resource of the same template by its logical id.
 *
 * @example
 * shortResource('arn:aws:dynamodb:us-east-1:000000000000:table/sdp-access-prod-api-keys') // 'table/sdp-access-prod-api-keys'
 * shortResource({ 'Fn::Sub': '${LakeBucket.Arn}/bids/*' })                              // 'LakeBucket/bids/*'
 * shortResource({ 'Fn::GetAtt': ['SessionsTable', 'StreamArn'] })                        // 'SessionsTable.StreamArn'
 */
export const shortResource = (resource: unknown): string =>
  valueText(resource)
    .replace(/\$\{AWS::(Partition|Region|AccountId)\}/g, '$1')
    .replace(/^arn:[\w-]+:[\w-]+:[\w-]*:[\w-]*:/, '')
    .replace(/\$\{(\w+)(\.Arn)?\}/g, '$1')
    .replace(/\$\{(\w+\.\w+)\}/g, '$1');
