import { QueryReader, type QueryParameters } from '@sdp/shared-http';

export type ModelName = 'bid-win' | 'demand';

const MODEL_NAMES: readonly ModelName[] = ['bid-win', 'demand'];

/**
 * The `model` a `/models` request is about: `bid-win` (default) or `demand`; anything else is a 400
 * naming the choices.
 *
 * @example
 * parseModelName({ model: 'demand' }) // 'demand'
 * parseModelName(undefined) // 'bid-win'
 */
export function parseModelName(parameters: QueryParameters): ModelName {
  const query = new QueryReader(parameters);
  const model = query.oneOf('model', MODEL_NAMES, 'bid-win');
  query.finish();
  return model;
}
