import { countEachOnce, EVENTS_PER_TRANSACTION } from '../src/windows/countEachOnce.js';

/** A claim table in memory: a chunk applies only if none of its keys was claimed, else it names them. */
function claimTable(claimed = new Set<string>()) {
  const chunks: string[][] = [];
  const countChunk = async (chunk: { eventKey: string }[]) => {
    const keys = chunk.map((record) => record.eventKey);
    chunks.push(keys);
    const alreadyCounted = keys.filter((key) => claimed.has(key));
    if (alreadyCounted.length === 0) for (const key of keys) claimed.add(key);
    return { alreadyCounted };
  };
  return { claimed, chunks, countChunk };
}

const records = (count: number, prefix = 'e') => Array.from({ length: count }, (_, i) => ({ eventKey: `${prefix}${i}` }));

describe('countEachOnce', () => {
  it('counts in chunks DynamoDB accepts and retries a chunk without the keys claimed before', async () => {
    // Prepare
    const table = claimTable(new Set(['e3', 'e150']));

    // Act
    const outcome = await countEachOnce(records(200), table.countChunk, () => new Error('refused'));

    // Assess
    expect(outcome).toStrictEqual({ counted: 198, duplicates: 2 });
    expect(table.chunks.map((chunk) => chunk.length)).toStrictEqual([EVENTS_PER_TRANSACTION, 98, 99, 98, 2]);
    expect(table.claimed.size).toBe(200);
  });

  it('rejects with the caller’s error when a refusal names no key, instead of looping', async () => {
    // Act
    const act = countEachOnce(records(3), async () => ({ alreadyCounted: ['not-in-the-chunk'] }), () => new Error('refused without a reason'));

    // Assess
    await expect(act).rejects.toThrow('refused without a reason');
  });
});
