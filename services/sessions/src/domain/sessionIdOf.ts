/**
 * The public id of a user's N-th session.
 *
 * @example
 * sessionIdOf('u1', 3) // 'u1_3'
 */
export function sessionIdOf(userId: string, sessionNo: number): string {
  return `${userId}_${sessionNo}`;
}
