/** An invocation body the endpoint cannot read; the message says what to send instead. */
export class InvalidInvocationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidInvocationError';
  }
}

/**
 * The feature rows of an InvokeEndpoint body, in the two formats SageMaker's linear learner reads:
 * `text/csv` (one row per line, numbers only) and `application/json` (`{"instances":[{"features":[…]}]}`
 * or a single `{"features":[…]}`). Every row must have `width` finite numbers.
 *
 * @example
 * parseInvocationBody('text/csv', '0,1,4.5\n1,0,2', 3) // [[0, 1, 4.5], [1, 0, 2]]
 */
export function parseInvocationBody(contentType: string | undefined, body: string, width: number): number[][] {
  const mediaType = (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
  let rows: unknown[];
  if (mediaType === 'text/csv') {
    rows = body
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .map((line) => line.split(',').map((cell) => (cell.trim() === '' ? Number.NaN : Number(cell))));
  } else if (mediaType === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new InvalidInvocationError('The body is not valid JSON; send {"instances":[{"features":[…]}]}.');
    }
    const object = parsed as { instances?: unknown; features?: unknown } | null;
    if (Array.isArray(object?.instances))
      rows = object.instances.map((instance) => (instance as { features?: unknown } | null)?.features);
    else if (object && 'features' in object) rows = [object.features];
    else throw new InvalidInvocationError('Send {"instances":[{"features":[…]}]} or {"features":[…]}.');
  } else {
    throw new InvalidInvocationError(
      `Content type '${contentType ?? ''}' is not supported; send text/csv or application/json.`,
    );
  }
  if (rows.length === 0) throw new InvalidInvocationError('The body holds no rows.');
  return rows.map((row, i) => {
    if (
      !Array.isArray(row) ||
      row.length !== width ||
      !row.every((value) => typeof value === 'number' && Number.isFinite(value))
    ) {
      throw new InvalidInvocationError(`Row ${i + 1} must hold ${width} finite numbers (the model's feature width).`);
    }
    return row as number[];
  });
}
