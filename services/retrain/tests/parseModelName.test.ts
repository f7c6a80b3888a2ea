import { InvalidRequestError } from '@sdp/shared-http';
import { parseModelName } from '../src/domain/parseModelName.js';

describe('parseModelName', () => {
  it('reads the model a /models request is about, the bid-win model by default, and refuses others naming the choices', () => {
    // Act & Assess
    expect(parseModelName(undefined)).toBe('bid-win');
    expect(parseModelName({ model: 'demand' })).toBe('demand');
    expect(() => parseModelName({ model: 'pricing' })).toThrow(InvalidRequestError);
    expect(() => parseModelName({ model: 'pricing' })).toThrow(/model must be one of bid-win, demand/);
  });
});
