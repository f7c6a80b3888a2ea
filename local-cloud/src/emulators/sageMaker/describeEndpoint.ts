import type { ProductionVariant, StoredEndpoint } from './types.js';

const weightOf = (variant: ProductionVariant): number => variant.InitialVariantWeight ?? 1;

/**
 * DescribeEndpoint's output for a stored endpoint: the deployed variants (with the image SageMaker
 * resolved, their weights and instance counts) and, while an update runs, the configuration it is
 * moving to in `PendingDeploymentSummary`. `EndpointConfigName` stays the one being served until the
 * new one has taken over, and goes back to it when the update fails.
 */
export function describeEndpoint(endpoint: StoredEndpoint): Record<string, unknown> {
  const { deployed, pending } = endpoint;
  return {
    EndpointName: endpoint.EndpointName,
    EndpointArn: endpoint.EndpointArn,
    EndpointConfigName: deployed?.endpointConfigName ?? pending?.endpointConfigName,
    ...(deployed
      ? {
          ProductionVariants: deployed.variants.map(({ variant, image, resolvedAt }) => ({
            VariantName: variant.VariantName,
            DeployedImages: [{ SpecifiedImage: image, ResolvedImage: image, ResolutionTime: resolvedAt }],
            CurrentWeight: weightOf(variant),
            DesiredWeight: weightOf(variant),
            CurrentInstanceCount: variant.InitialInstanceCount ?? 1,
            DesiredInstanceCount: variant.InitialInstanceCount ?? 1,
          })),
        }
      : {}),
    EndpointStatus: endpoint.EndpointStatus,
    ...(endpoint.FailureReason === undefined ? {} : { FailureReason: endpoint.FailureReason }),
    CreationTime: endpoint.CreationTime,
    LastModifiedTime: endpoint.LastModifiedTime,
    ...(pending && deployed
      ? {
          PendingDeploymentSummary: {
            EndpointConfigName: pending.endpointConfigName,
            ProductionVariants: pending.variants.map((variant) => ({
              VariantName: variant.VariantName,
              DesiredWeight: weightOf(variant),
              DesiredInstanceCount: variant.InitialInstanceCount ?? 1,
              VariantStatus: [{ Status: 'Creating', StartTime: pending.startedAt }],
            })),
            StartTime: pending.startedAt,
          },
        }
      : {}),
  };
}
