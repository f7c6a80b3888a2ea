import { LruCache } from '../src/auth/LruCache.js';

describe('LruCache', () => {
  it('forgets the least recently used entry first, reading an entry keeps it', () => {
    // Prepare
    const cache = new LruCache<string, number>(2);

    // Act
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    cache.set('a', 10);

    // Assess
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toStrictEqual([10, undefined, 3, 2]);
  });
});
