/**
 * What the erasure asks of a service that keeps users' data (its eraser function, invoked by the ops
 * service's `completeErasures`): remove everything of these users it holds.
 */
export interface EraseUsersRequest {
  erase_users: string[];
}

/** What a service's eraser removed, per user and per kind of thing it counts (`session_items`, `order_lines`, …). */
export interface EraseUsersResult {
  removed: Record<string, Record<string, number>>;
}
