/**
 * The host and port of a connection string (DATABASE_URL, REDIS_URL), for
 * error messages and logs: connection strings may hold a password, so they
 * are never shown whole.
 */
export function connectionHost(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return 'the configured address'
  }
}
