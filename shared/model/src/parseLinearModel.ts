import { InvalidModelArtifactError } from './errors.js';
import {
  DEMAND_FEATURE_FIELDS,
  featureWidth,
  type CategoricalField,
  type DemandFeatureField,
  type FeatureSpec,
  type ModelFeatureSpec,
} from './featureSpec.js';
import type { LinearModel } from './linearModel.js';

const CATEGORICAL_FIELDS: readonly CategoricalField[] = ['campaignItemId', 'domain', 'creativeId', 'creativeCategory'];
/** Header-safe: the version travels back to callers in `X-Amzn-SageMaker-Custom-Attributes: model_version=<version>`. */
const VERSION_PATTERN = /^[A-Za-z0-9._:+-]{1,128}$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Checks that a parsed `model.json` is a `LinearModel` this code can serve: the format, a
 * header-safe version, a feature spec it knows, one finite weight per feature column, a finite bias
 * and a threshold in [0, 1]. Throws `InvalidModelArtifactError` naming the first problem.
 *
 * @example
 * parseLinearModel(JSON.parse(await readFile('/opt/ml/model/model.json', 'utf8')), '/opt/ml/model/model.json')
 */
export function parseLinearModel(value: unknown, source: string): LinearModel {
  const fail = (problem: string): never => {
    throw new InvalidModelArtifactError(source, problem);
  };
  if (!isRecord(value)) return fail('the model must be a JSON object');
  if (value.format !== 'sdp-logistic-v1')
    return fail(`format is ${JSON.stringify(value.format)}, expected "sdp-logistic-v1"`);
  if (typeof value.version !== 'string' || !VERSION_PATTERN.test(value.version)) {
    fail('version must be 1 to 128 characters of A-Z a-z 0-9 . _ : + -');
  }
  const spec = parseFeatureSpec(value.featureSpec, fail);
  const width = featureWidth(spec);
  if (!Array.isArray(value.weights) || value.weights.length !== width || !value.weights.every(isFiniteNumber)) {
    fail(`weights must be ${width} finite numbers (${'kind' in spec ? 'one per field' : 'hashBuckets + 1'})`);
  }
  if (!isFiniteNumber(value.bias)) fail('bias must be a finite number');
  if (!isFiniteNumber(value.threshold) || value.threshold < 0 || value.threshold > 1)
    fail('threshold must be a number from 0 to 1');
  return {
    format: 'sdp-logistic-v1',
    version: value.version as string,
    featureSpec: spec,
    weights: value.weights as number[],
    bias: value.bias as number,
    threshold: value.threshold as number,
  };
}

function parseFeatureSpec(value: unknown, fail: (problem: string) => never): ModelFeatureSpec {
  if (!isRecord(value) || value.version !== 1) return fail('featureSpec.version must be 1');
  if (value.kind === 'demand') {
    const { fields } = value;
    if (
      !Array.isArray(fields) ||
      fields.length === 0 ||
      !fields.every((field) => DEMAND_FEATURE_FIELDS.includes(field as DemandFeatureField))
    ) {
      fail(`featureSpec.fields must list fields among ${DEMAND_FEATURE_FIELDS.join(', ')}`);
    }
    return { version: 1, kind: 'demand', fields: fields as DemandFeatureField[] };
  }
  return parseBidFeatureSpec(value, fail);
}

function parseBidFeatureSpec(value: Record<string, unknown>, fail: (problem: string) => never): FeatureSpec {
  const { hashBuckets, categorical, price } = value;
  if (!Number.isInteger(hashBuckets) || (hashBuckets as number) < 1 || (hashBuckets as number) > 1 << 20) {
    fail('featureSpec.hashBuckets must be an integer from 1 to 1048576');
  }
  if (
    !Array.isArray(categorical) ||
    !categorical.every((field) => CATEGORICAL_FIELDS.includes(field as CategoricalField))
  ) {
    fail(`featureSpec.categorical must list fields among ${CATEGORICAL_FIELDS.join(', ')}`);
  }
  if (!isRecord(price) || price.field !== 'winPrice' || price.transform !== 'log1p') {
    fail('featureSpec.price must be { "field": "winPrice", "transform": "log1p" }');
  }
  return {
    version: 1,
    hashBuckets: hashBuckets as number,
    categorical: categorical as CategoricalField[],
    price: { field: 'winPrice', transform: 'log1p' },
  };
}
