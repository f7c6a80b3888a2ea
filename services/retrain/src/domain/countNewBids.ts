/** How many bids a batch of the enriched stream holds: each is one new example once its label settles. */
export function countNewBids(records: readonly { data: string }[]): number {
  return records.filter(({ data }) => {
    try {
      return (JSON.parse(data) as { type?: unknown }).type === 'bid';
    } catch {
      return false;
    }
  }).length;
}
