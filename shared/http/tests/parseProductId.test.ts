import { InvalidRequestError } from '../src/http/errors.js';
import { parseProductId } from '../src/http/parseProductId.js';

describe('parseProductId', () => {
  it('takes a product id, URL-encoded or not, and refuses anything else with what it must be', () => {
    // Act & Assess
    expect(parseProductId('sku-001')).toBe('sku-001');
    expect(parseProductId('sku.v2_blue')).toBe('sku.v2_blue');
    expect(() => parseProductId('a%20b')).toThrow(
      new InvalidRequestError("product_id must be 1 to 64 letters, digits or ._-; got 'a b'."),
    );
    expect(() => parseProductId(undefined)).toThrow(InvalidRequestError);
  });
});
