import type { TrainingExample } from './types.js';

/**
 * Train on the older examples and validate on the newest `validationFraction` of them, as the model
 * will be used: on bids after the ones it learnt from. Never a random split, which leaks the future.
 */
export function splitByTime(
  examples: readonly TrainingExample[],
  validationFraction: number,
): { train: TrainingExample[]; validation: TrainingExample[]; validationFrom: number } {
  const sorted = [...examples].sort((a, b) => a.at - b.at);
  const cut = Math.floor(sorted.length * (1 - validationFraction));
  return {
    train: sorted.slice(0, cut),
    validation: sorted.slice(cut),
    validationFrom: sorted[cut]?.at ?? Number.POSITIVE_INFINITY,
  };
}
