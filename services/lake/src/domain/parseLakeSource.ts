import type { LakeSource } from './types.js';

const SOURCES: readonly LakeSource[] = ['raw', 'enriched', 'aggregates', 'clickstream', 'sessions', 'product_windows'];

/** The stream a writer function lands, from its configuration. */
export function parseLakeSource(value: string): LakeSource {
  if (!(SOURCES as readonly string[]).includes(value))
    throw new Error(`LAKE_SOURCE is '${value}'; use one of ${SOURCES.join(', ')}`);
  return value as LakeSource;
}
