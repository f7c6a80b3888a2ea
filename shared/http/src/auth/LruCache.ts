/**
 * A bounded map that forgets the least recently used entry first: reading an entry makes it the
 * most recent, so entries in use stay while entries nobody asks for again are evicted.
 *
 * @example
 * const cache = new LruCache<string, number>(2);
 * cache.set('a', 1); cache.set('b', 2); cache.get('a'); cache.set('c', 3);
 * cache.get('b') // undefined: 'b' was the least recently used
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  public constructor(private readonly maxEntries: number) {}

  public get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // A Map iterates in insertion order: moving the entry to the end makes it the most recent.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  public set(key: K, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, value);
  }

  public delete(key: K): void {
    this.entries.delete(key);
  }

  public get size(): number {
    return this.entries.size;
  }
}
