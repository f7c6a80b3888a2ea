/**
 * Maps items with at most `limit` calls in flight, results in input order. Hand-written (a dozen
 * lines) rather than p-map, which ships ESM only and would need the Jest transform list widened.
 *
 * @example
 * await mapWithConcurrency(groups, 8, (group) => countWindowGroup(group, counter, options))
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  map: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
