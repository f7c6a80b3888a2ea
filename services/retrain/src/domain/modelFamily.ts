import {
  buildDemandFeatures,
  buildSparseFeatures,
  DEFAULT_DEMAND_FEATURE_SPEC,
  DEFAULT_FEATURE_SPEC,
  type DemandFeatureInput,
  type FeatureInput,
  type ModelFeatureSpec,
  type SparseFeatures,
} from '@sdp/shared-model';
import { toDemandExamples, type DemandTrainingRow } from './toDemandExamples.js';
import { toTrainingExample, type TrainingRow } from './toTrainingExample.js';
import type { TrainingExample } from './types.js';

/**
 * What one kind of model is trained on and how: its feature spec, how the lake's rows become
 * labelled examples, and how an example is featurised under another version's spec (the live
 * model's, to score it on the same validation window). `retrainOnce` is the same for every family.
 */
export interface ModelFamily<Row> {
  /** What the examples are, in messages: e.g. 'labelled bids' */
  examplesAre: string;
  spec: ModelFeatureSpec;
  /** The examples of the rows the lake holds for the training window [`from`, `to`) */
  examplesOf(rows: readonly Row[], window: { from: Date; to: Date }): TrainingExample[];
  featuresUnder(example: TrainingExample, spec: ModelFeatureSpec): SparseFeatures;
}

/** The bid-win model: does this bid win at this price (ADR 11). */
export const bidWinFamily: ModelFamily<TrainingRow> = {
  examplesAre: 'labelled bids',
  spec: DEFAULT_FEATURE_SPEC,
  examplesOf: (rows) => rows.map((row) => toTrainingExample(row, DEFAULT_FEATURE_SPEC)),
  featuresUnder(example, spec) {
    if ('kind' in spec) throw new Error(`A bid-win model cannot carry a ${spec.kind} feature spec`);
    return buildSparseFeatures(example.input as FeatureInput, spec);
  },
};

/**
 * The demand model: will this product's views surge over the next horizon (`toDemandExamples`,
 * ADR 18); examples are labelled only once their next horizon is over.
 */
export function demandFamily(horizons: {
  recentMinutes: number;
  baselineMinutes: number;
}): ModelFamily<DemandTrainingRow> {
  const featuresUnder = (input: DemandFeatureInput, spec: ModelFeatureSpec): SparseFeatures => {
    if (!('kind' in spec)) throw new Error('A demand model must carry a demand feature spec');
    const dense = buildDemandFeatures(input, spec);
    const indices = [...dense.keys()].filter((i) => dense[i] !== 0);
    return { indices, values: indices.map((i) => dense[i]!) };
  };
  return {
    examplesAre: 'product demand examples',
    spec: DEFAULT_DEMAND_FEATURE_SPEC,
    examplesOf: (rows, window) =>
      toDemandExamples(rows, { ...horizons, to: window.to }).map((example) => ({
        ...example,
        features: featuresUnder(example.input as DemandFeatureInput, DEFAULT_DEMAND_FEATURE_SPEC),
      })),
    featuresUnder: (example, spec) => featuresUnder(example.input as DemandFeatureInput, spec),
  };
}
