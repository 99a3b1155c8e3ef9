// When a device token stops working on its own: after `maxIdleMs` without any request (default 90 days,
// BOUSSOLE_TOKEN_IDLE_DAYS). Each authenticated request renews it, through `last_seen_at` (kept to ten minutes,
// far below any idle period a deployment would set).
export const DEFAULT_TOKEN_IDLE_DAYS = 90;

export function idleExpired(lastSeenAt: string, now: Date, maxIdleMs: number | undefined): boolean {
  return maxIdleMs !== undefined && now.getTime() - Date.parse(lastSeenAt) > maxIdleMs;
}
