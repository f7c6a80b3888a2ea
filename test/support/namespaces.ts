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
  /**
   * Enriched events written straight to the stream, with event times on 2025-06-01; counted-event keys
   * `aggregate-tx-<n>#<type>`. The suite runs on a cloud of its own (it counts its trigger's deliveries)
   * but keeps to these ids all the same.
   */
  aggregate: { txPrefix: 'aggregate-tx-', campaigns: [101, 202, 303] },
  /**
   * Windows written straight to the table, 2026-03-28 to 2026-03-30, the days its campaign lists cover;
   * campaign 999 and the first week of January 2025 stay empty.
   */
  report: { campaigns: [1001, 1002, 1003, 1004], emptyCampaign: 999 },
  /** Bids and clickstream events that must not be written, and the tenants of the API keys it creates. */
  auth: { txPrefix: 'auth-', userPrefix: 'auth-user-', campaigns: [7, 8], tenantPrefix: 'auth-' },
  /**
   * The demo catalog (`npm run catalog -- seed`: products sku-001 … sku-040 and their 200 orders,
   * order-00001 …), which no other suite on the shared cloud seeds; sku-999 stays unknown.
   */
  catalog: { products: { first: 'sku-001', last: 'sku-040' }, unknownProduct: 'sku-999' },
  /**
   * Hostile requests: the fuzzer's transactions (`fuzz-<n>`, and `after-fuzz` when it is done) and
   * shoppers (`fuzz-user-0` … `fuzz-user-49`, events of the last minute), the campaigns its bids get
   * accepted for (the seed's, whose report it only asks for, and the hostile 0 and 1), and the one
   * valid Idempotency-Key it sends on clicks (a click's event_id derives from it). Its mutated events
   * also carry the hostile strings of test/fuzz.test.ts (HOSTILE_VALUES, `x`, `raw`) as tx_id and
   * user_id: it counts a record with such an id that arrived during its run as its own, so no other
   * suite may use them.
   */
  fuzz: {
    txPrefix: 'fuzz-',
    afterTxId: 'after-fuzz',
    userPrefix: 'fuzz-user-',
    campaigns: [1463517, 0, 1],
    idempotencyKeys: ['ok-key'],
  },
  /** Shoppers, late and rejected users, and their products; event times in the last hour. */
  sessions: { userPrefix: 'sessions-', productPrefix: 'sessions-sku-' },
  /**
   * Shoppers and products, and the time from 25 to 22 hours before the suite runs: its events start
   * `eventsHoursAgo` hours ago, since `GET /reports/products` ranks every product active in a range
   * and the other suites post events of the last two hours. Demand counts events however late they
   * arrive, and sessions takes them up to 48 hours late (`sessionLatenessHours`).
   */
  demand: { userPrefix: 'demand-', productPrefix: 'demand-sku-', eventsHoursAgo: 24 },
  /**
   * A history imported with `npm run import`: transactions, campaigns, shoppers and products of its
   * own, with event times from `hoursAgo` hours before the suite runs to 10 minutes before.
   */
  import: {
    txPrefix: 'import-tx-',
    campaigns: [9101, 9102, 9103, 9104, 9105],
    userPrefix: 'import-',
    productPrefix: 'import-sku-',
    hoursAgo: 3,
  },
  /**
   * Shoppers, products and orders (`erasure-order-…`) of the erasure suite; event times in the last
   * hour and one event 50 hours ago (set aside as too late). It scans every table and lake file for
   * its erased user's id, which no other suite uses.
   */
  erasure: { userPrefix: 'erasure-', productPrefix: 'erasure-sku-', orderPrefix: 'erasure-order-' },
  /** Shoppers and crawlers, their products, and the transactions and campaign of the bot suite; event times in the last minutes. */
  bots: { userPrefix: 'bots-', productPrefix: 'bots-sku-', txPrefix: 'bots-tx-', campaigns: [9201] },
} as const;
