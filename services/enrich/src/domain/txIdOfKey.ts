/**
 * The `tx_id` its sender gave a transaction, from the transaction's key and tenant.
 *
 * @example
 * txIdOfKey('acme/tx-1', 'acme') // 'tx-1'
 */
export function txIdOfKey(key: string, tenant: string | undefined): string {
  return tenant === undefined ? key : key.slice(tenant.length + 1);
}
