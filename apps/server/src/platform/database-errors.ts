const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);
// admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections
const postgresCodes = new Set(['57P01', '57P02', '57P03', '53300']);
const messages = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection terminated unexpectedly',
  'connect ECONNREFUSED',
];

/** True when `err` means "Postgres cannot be reached right now" (as opposed to a bad query). */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (networkCodes.has(code) || postgresCodes.has(code) || code.startsWith('08')) return true;
  }
  if (err instanceof AggregateError) return err.errors.some(isDatabaseUnavailable);
  if (messages.some((m) => err.message.includes(m))) return true;
  return err.cause !== undefined && err.cause !== err && isDatabaseUnavailable(err.cause);
}
