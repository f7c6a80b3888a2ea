import type { DeployedVariant, StoredEndpoint } from './types.js';

export type DeploymentOutcome = { variants: DeployedVariant[] } | { failureReason: string };

/**
 * Ends an endpoint's pending deployment the way SageMaker does. Loaded: the new deployment replaces
 * the old one in a single assignment, so an invocation that already read the old one finishes with
 * it and every later one gets the new one (`InService`). Failed: an endpoint that was serving keeps
 * its previous deployment and configuration, back `InService` with the `FailureReason`; a new one
 * is `Failed`.
 *
 * @example
 * settleDeployment(endpoint, { variants }, Date.now() / 1000);
 */
export function settleDeployment(endpoint: StoredEndpoint, outcome: DeploymentOutcome, at: number): void {
  const pending = endpoint.pending;
  if (!pending) return;
  if ('variants' in outcome) {
    endpoint.deployed = { endpointConfigName: pending.endpointConfigName, variants: outcome.variants };
    endpoint.EndpointStatus = 'InService';
    delete endpoint.FailureReason;
  } else {
    endpoint.EndpointStatus = endpoint.deployed ? 'InService' : 'Failed';
    endpoint.FailureReason = outcome.failureReason;
  }
  delete endpoint.pending;
  endpoint.LastModifiedTime = at;
}
