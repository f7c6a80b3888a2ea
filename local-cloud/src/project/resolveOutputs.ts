import { NoLocalCounterpartError } from '../errors.js';
import { resolveIntrinsics, type IntrinsicContext } from './resolveIntrinsics.js';
import type { PrintedService } from './types.js';

/**
 * A service's stack outputs as plain strings, resolved against its local resources. An output that
 * refers to a resource the local cloud does not provide (a CloudFront distribution's domain) is left
 * out: nothing runs locally that could use it, and a service whose params need it fails with
 * "has no output", naming it.
 */
export function resolveOutputs(config: PrintedService, context: IntrinsicContext): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const [name, output] of Object.entries(config.resources?.Outputs ?? {})) {
    try {
      resolved[name] = String(resolveIntrinsics(output.Value, context));
    } catch (error) {
      if (!(error instanceof NoLocalCounterpartError)) throw error;
    }
  }
  return resolved;
}
