/**
 * The key of a transaction in enrich's join state (and so in every reader of its named copies, through
 * `@sdp/enrich`): its `tx_id` within the tenant that sent it, so tenants that pick the same
 * `tx_id` have two transactions that never join. Events written before tenants were stamped have no
 * tenant and keep the bare `tx_id`. Tenant names never hold '/', so the key is unambiguous.
 *
 * @example
 * transactionKeyOf({ tenant: 'acme', tx_id: 'tx-1' }) // 'acme/tx-1'
 * transactionKeyOf({ tx_id: 'tx-1' })                 // 'tx-1'
 */
export function transactionKeyOf(event: { tenant?: string; tx_id: string }): string {
  return event.tenant === undefined ? event.tx_id : `${event.tenant}/${event.tx_id}`;
}
