import type { ErrorObject } from 'ajv';
import { validateBid } from '../src/generated/validators.js';
import { toViolations } from '../src/toViolations.js';

function ajvError(overrides: Partial<ErrorObject> & Pick<ErrorObject, 'keyword' | 'params'>): ErrorObject {
  return { instancePath: '', schemaPath: `#/${overrides.keyword}`, ...overrides };
}

function missing(property: string, instancePath = ''): ErrorObject {
  return ajvError({
    keyword: 'required',
    instancePath,
    params: { missingProperty: property },
    message: `must have required property '${property}'`,
  });
}

function unknownField(property: string, instancePath = ''): ErrorObject {
  return ajvError({
    keyword: 'additionalProperties',
    instancePath,
    params: { additionalProperty: property },
    message: 'must NOT have additional properties',
  });
}

describe('toViolations', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an empty list', []],
  ])('returns no violations for %s', (_, errors) => {
    // Act
    const violations = toViolations(errors);

    // Assess
    expect(violations).toStrictEqual([]);
  });

  it('points a missing required field at the field itself', () => {
    // Prepare
    const errors = [missing('tx_id')];

    // Act
    const violations = toViolations(errors);

    // Assess
    expect(violations).toStrictEqual([{ path: '$.tx_id', message: 'is required' }]);
  });

  it('points an unknown field at the field and says how to fix it', () => {
    // Prepare
    const errors = [unknownField('campaign_id')];

    // Act
    const violations = toViolations(errors);

    // Assess
    expect(violations).toStrictEqual([
      { path: '$.campaign_id', message: 'is not a known field; remove it or check its spelling' },
    ]);
  });

  it('lists every allowed value of an enum as JSON', () => {
    // Prepare
    const errors = [
      ajvError({
        keyword: 'enum',
        instancePath: '/type',
        params: { allowedValues: ['bid', 'imp', 'click'] },
        message: 'must be equal to one of the allowed values',
      }),
    ];

    // Act
    const violations = toViolations(errors);

    // Assess
    expect(violations).toStrictEqual([{ path: '$.type', message: 'must be one of "bid", "imp", "click"' }]);
  });

  it('names the one allowed value of a const as JSON', () => {
    // Prepare
    const errors = [
      ajvError({
        keyword: 'const',
        instancePath: '/schema_version',
        params: { allowedValue: 1 },
        message: 'must be equal to constant',
      }),
    ];

    // Act
    const violations = toViolations(errors);

    // Assess
    expect(violations).toStrictEqual([{ path: '$.schema_version', message: 'must be 1' }]);
  });

  it("keeps ajv's message for other keywords such as type", () => {
    // Prepare
    const errors = [
      ajvError({
        keyword: 'type',
        instancePath: '/campaign_item_id',
        params: { type: 'integer' },
        message: 'must be integer',
      }),
    ];

    // Act
    const violations = toViolations(errors);

    // Assess
    expect(violations).toStrictEqual([{ path: '$.campaign_item_id', message: 'must be integer' }]);
  });

  it('names the failed keyword when ajv gave no message', () => {
    // Prepare
    const errors = [ajvError({ keyword: 'multipleOf', instancePath: '/win_price', params: { multipleOf: 5 } })];

    // Act
    const violations = toViolations(errors);

    // Assess
    expect(violations).toStrictEqual([{ path: '$.win_price', message: 'fails multipleOf' }]);
  });

  it('reports a problem with the whole body at the root path', () => {
    // Prepare
    const errors = [ajvError({ keyword: 'type', params: { type: 'object' }, message: 'must be object' })];

    // Act
    const violations = toViolations(errors);

    // Assess
    expect(violations).toStrictEqual([{ path: '$', message: 'must be object' }]);
  });

  it('writes array indices in brackets within nested paths', () => {
    // Prepare
    const errors = [
      missing('tx_id', '/events/3'),
      ajvError({
        keyword: 'minimum',
        instancePath: '/events/12/win_price',
        params: { comparison: '>=', limit: 0 },
        message: 'must be >= 0',
      }),
      ajvError({
        keyword: 'type',
        instancePath: '/matrix/0/1',
        params: { type: 'integer' },
        message: 'must be integer',
      }),
    ];

    // Act
    const violations = toViolations(errors);

    // Assess
    expect(violations).toStrictEqual([
      { path: '$.events[3].tx_id', message: 'is required' },
      { path: '$.events[12].win_price', message: 'must be >= 0' },
      { path: '$.matrix[0][1]', message: 'must be integer' },
    ]);
  });

  it('prefixes every path with the base path given', () => {
    // Prepare
    const errors = [
      missing('tx_id'),
      ajvError({
        keyword: 'type',
        instancePath: '/win_price',
        params: { type: 'integer' },
        message: 'must be integer',
      }),
    ];

    // Act
    const violations = toViolations(errors, '$.events[7]');

    // Assess
    expect(violations).toStrictEqual([
      { path: '$.events[7].tx_id', message: 'is required' },
      { path: '$.events[7].win_price', message: 'must be integer' },
    ]);
  });

  it('quotes path segments that are not identifiers, unescaping JSON pointer ~0 and ~1', () => {
    // Prepare
    const errors = [
      ajvError({ keyword: 'type', instancePath: '/a.b', params: { type: 'string' }, message: 'must be string' }),
      ajvError({ keyword: 'type', instancePath: '/first name', params: { type: 'string' }, message: 'must be string' }),
      ajvError({ keyword: 'type', instancePath: '/a~1b', params: { type: 'string' }, message: 'must be string' }),
      ajvError({
        keyword: 'type',
        instancePath: '/til~0de/9lives',
        params: { type: 'string' },
        message: 'must be string',
      }),
      ajvError({ keyword: 'type', instancePath: '/say "hi"', params: { type: 'string' }, message: 'must be string' }),
      ajvError({ keyword: 'type', instancePath: '/', params: { type: 'string' }, message: 'must be string' }),
    ];

    // Act
    const violations = toViolations(errors);

    // Assess
    expect(violations).toStrictEqual([
      { path: '$["a.b"]', message: 'must be string' },
      { path: '$["first name"]', message: 'must be string' },
      { path: '$["a/b"]', message: 'must be string' },
      { path: '$["til~de"]["9lives"]', message: 'must be string' },
      { path: '$["say \\"hi\\""]', message: 'must be string' },
      { path: '$[""]', message: 'must be string' },
    ]);
  });

  // A client that sends `{"tx id": "t1"}` must be told which field to remove, in the same
  // bracket notation used for odd keys everywhere else in a path.
  it('quotes an unknown or missing field whose name is not an identifier', () => {
    // Prepare
    const errors = [unknownField('tx id'), unknownField('a.b', '/events/0'), missing('odd-key')];

    // Act
    const violations = toViolations(errors);

    // Assess
    expect(violations).toStrictEqual([
      { path: '$["tx id"]', message: 'is not a known field; remove it or check its spelling' },
      { path: '$.events[0]["a.b"]', message: 'is not a known field; remove it or check its spelling' },
      { path: '$["odd-key"]', message: 'is required' },
    ]);
  });

  it('reports each path and message once, keeping the first occurrence order', () => {
    // Prepare: ajv repeats errors when a value fails the same rule through several schema branches
    const errors = [
      missing('tx_id'),
      ajvError({
        keyword: 'type',
        instancePath: '/win_price',
        params: { type: 'integer' },
        message: 'must be integer',
      }),
      { ...missing('tx_id'), schemaPath: '#/oneOf/1/required' },
      ajvError({
        keyword: 'minimum',
        instancePath: '/win_price',
        params: { comparison: '>=', limit: 0 },
        message: 'must be >= 0',
      }),
      { ...missing('tx_id'), schemaPath: '#/oneOf/2/required' },
    ];

    // Act
    const violations = toViolations(errors);

    // Assess
    expect(violations).toStrictEqual([
      { path: '$.tx_id', message: 'is required' },
      { path: '$.win_price', message: 'must be integer' },
      { path: '$.win_price', message: 'must be >= 0' },
    ]);
  });

  it('turns the errors of a generated contract validator into one violation per problem', () => {
    // Prepare
    const body = { tx_id: '', campaign_item_id: -1, win_price: 1.5, type: 'imp', campaign: 7 };
    validateBid(body);

    // Act
    const violations = toViolations(validateBid.errors);

    // Assess
    expect(violations).toStrictEqual([
      { path: '$.app_uid', message: 'is required' },
      { path: '$.campaign', message: 'is not a known field; remove it or check its spelling' },
      { path: '$.tx_id', message: 'must NOT have fewer than 1 characters' },
      { path: '$.campaign_item_id', message: 'must be >= 0' },
      { path: '$.win_price', message: 'must be integer' },
      { path: '$.type', message: 'must be one of "bid"' },
    ]);
  });
});
