import {
  bucketPolicy,
  defineService,
  getAtt,
  privateBucket,
  ref,
  stackScopedName,
  sub,
} from '../../config/src/index.js';

export default defineService({
  service: 'sdp-dashboard',
  custom: {
    // The live dashboard: the local cloud builds it and serves it at /dashboard/; `npm run package`
    // builds it into dist/ for upload to SiteBucket (see README.md and docs/adr/0009-dashboard.md).
    staticSite: { path: '/dashboard', dir: 'public', entryPoints: ['src/browser/main.ts'] },
  },
  resources: {
    // Private: only the distribution reads it, signed with the origin access control.
    SiteBucket: privateBucket({ OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } }),
    SiteOriginAccessControl: {
      Type: 'AWS::CloudFront::OriginAccessControl',
      Properties: {
        OriginAccessControlConfig: {
          Name: stackScopedName('site'),
          OriginAccessControlOriginType: 's3',
          SigningBehavior: 'always',
          SigningProtocol: 'sigv4',
        },
      },
    },
    SiteDistribution: {
      Type: 'AWS::CloudFront::Distribution',
      Properties: {
        DistributionConfig: {
          Enabled: true,
          Comment: '${self:service}-${sls:stage} live dashboard',
          DefaultRootObject: 'index.html',
          HttpVersion: 'http2',
          PriceClass: 'PriceClass_100',
          Origins: [
            {
              Id: 'site',
              DomainName: getAtt('SiteBucket', 'RegionalDomainName'),
              OriginAccessControlId: getAtt('SiteOriginAccessControl', 'Id'),
              S3OriginConfig: { OriginAccessIdentity: '' },
            },
          ],
          DefaultCacheBehavior: {
            TargetOriginId: 'site',
            ViewerProtocolPolicy: 'redirect-to-https',
            AllowedMethods: ['GET', 'HEAD'],
            CachedMethods: ['GET', 'HEAD'],
            Compress: true,
            // AWS managed policies: CachingOptimized, SecurityHeadersPolicy.
            CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
            ResponseHeadersPolicyId: '67f7725c-6f97-4210-82d7-5512b31e9d03',
          },
        },
      },
    },
    SiteBucketPolicy: bucketPolicy('SiteBucket', {
      Sid: 'OnlyThisDistributionReads',
      Effect: 'Allow',
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Action: 's3:GetObject',
      Resource: sub('${SiteBucket.Arn}/*'),
      Condition: {
        StringEquals: {
          'AWS:SourceArn': sub('arn:aws:cloudfront::${AWS::AccountId}:distribution/${SiteDistribution}'),
        },
      },
    }),
  },
  outputs: {
    SiteBucketName: ref('SiteBucket'),
    SiteDistributionId: ref('SiteDistribution'),
    SiteUrl: sub('https://${SiteDistribution.DomainName}/'),
  },
});
