/**
 * The ids and time ranges each suite that shares the run's cloud keeps to, so that no suite can see
 * another's data: a suite posts only under its own prefixes and campaigns, and reads streams, tables,
 * reports and the lake only through them. Suites with clouds of their own (startTestCloud) are not
 * listed: they may read whole streams and tables.
 *
 * A new suite on the shared cloud takes a prefix and a campaign range of its own here; reports that
 * list everything in a time range (`GET /reports/campaigns`, `GET /reports/products`, `GET /orphans`)
 * are read only through ranges or ids no other suite writes.
 */
export const NAMESPACES = {
  /** The seed's own transaction and campaign (the README's curl commands) belong to the ingest suite. */
  ingest: { txPrefix: 'ingest-', seedTxId: '44db4cf3-c372-4f7c-8443-9d2a1e725473', campaigns: [1463517] },
  enrich: { txPrefix: 'enrich-tx-', campaigns: [11, 22] },
  /** Enriched events written straight to the stream, with event times on 2025-06-01. */
  aggregate: { txPrefix: 'aggregate-tx-', campaigns: [101, 202, 303] },
  /** Windows written straight to the table, 2026-03-28 to 2026-03-30; campaign 999 and January 2025 stay empty. */
  report: { campaigns: [1001, 1002, 1003, 1004], emptyCampaign: 999 },
  auth: { txPrefix: 'auth-', userPrefix: 'auth-user-', campaigns: [7], tenantPrefix: 'auth-' },
  /** Hostile requests: the fuzzer's transactions and shoppers, and the seed campaign it posts valid bids to. */
  fuzz: { txPrefix: 'fuzz-', userPrefix: 'fuzz-user-', campaigns: [1463517] },
  sessions: { userPrefix: 'sessions-' },
  demand: { userPrefix: 'demand-', productPrefix: 'demand-sku-' },
  /** The oracle workload's transactions are `tx-<seed>-<n>`. */
  pipeline: { txPrefix: 'tx-20261122-', campaigns: range(20_000, 32) },
} as const;

function range(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => first + i);
}
