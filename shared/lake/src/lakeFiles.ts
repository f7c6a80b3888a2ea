import { MANIFEST_DIR, resolvePartition } from './resolvePartition.js';
import type { CompactionManifest, PartitionState } from './types.js';
import type { ObjectStore } from './objectStore.js';

/** The state of one partition (`<table>/year=…/hour=HH`): its visible files and stored ranges. */
export async function readPartitionState(store: ObjectStore, partition: string): Promise<PartitionState> {
  const keys = await store.list(`${partition}/`);
  return resolveListedPartition(
    store,
    partition,
    keys.map((key) => key.slice(partition.length + 1)),
  );
}

/** Every partition of a table with its state, from one listing of the table. */
export async function readTablePartitions(store: ObjectStore, table: string): Promise<Map<string, PartitionState>> {
  const byPartition = new Map<string, string[]>();
  for (const key of await store.list(`${table}/`)) {
    const match = /^(.*\/hour=\d{2})\/(.+)$/.exec(key);
    if (!match) continue;
    const names = byPartition.get(match[1]!) ?? [];
    names.push(match[2]!);
    byPartition.set(match[1]!, names);
  }
  const states = await Promise.all(
    [...byPartition].map(
      async ([partition, names]) => [partition, await resolveListedPartition(store, partition, names)] as const,
    ),
  );
  return new Map(states);
}

/** Every key a reader of the table reads, in partition order. */
export async function visibleTableFiles(store: ObjectStore, table: string): Promise<string[]> {
  return [...(await readTablePartitions(store, table)).values()].flatMap((state) => state.visible);
}

async function resolveListedPartition(
  store: ObjectStore,
  partition: string,
  names: readonly string[],
): Promise<PartitionState> {
  const manifestNames = names.filter((name) => name.startsWith(`${MANIFEST_DIR}/`) && name.endsWith('.json'));
  const manifests = await Promise.all(
    manifestNames.map(async (name) => {
      const body = await store.get(`${partition}/${name}`);
      return body ? (JSON.parse(Buffer.from(body).toString('utf8')) as CompactionManifest) : undefined;
    }),
  );
  return resolvePartition(
    partition,
    names.filter((name) => !name.includes('/')),
    manifests.filter((manifest): manifest is CompactionManifest => manifest !== undefined),
  );
}
