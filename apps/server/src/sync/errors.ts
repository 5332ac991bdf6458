import { isDatabaseUnavailable } from '../platform/database-errors';

/** Why a run's signal was aborted by the engine itself. */
export class RunStopped extends Error {
  constructor(readonly reason: 'cancel' | 'shutdown' | 'lost') {
    super(
      reason === 'cancel'
        ? 'Stopped by a user'
        : reason === 'shutdown'
          ? 'The worker is shutting down'
          : 'The run was taken over',
    );
    this.name = 'RunStopped';
  }
}

export type FailureClass =
  { kind: 'transient'; code: string; message: string } | { kind: 'fatal'; code: string; message: string };

interface EbayLikeError {
  kind?: unknown;
  retryable?: unknown;
  retryAfterMs?: unknown;
  oauthError?: unknown;
  code?: unknown;
  message: string;
}

/**
 * A Retry-After beyond this is not waited out by retrying: it is longer than every retry of a run spans together
 * (in process, then the queue's), e.g. eBay's daily call quota used up. The run fails at once instead of spending
 * its attempts on calls eBay refuses; the next run continues from the checkpoint.
 */
export const LONGEST_RETRY_WAIT_MS = 5 * 60_000;

/**
 * Sorts a failure: transient ones (eBay 5xx/429/network after the client's own retries, Postgres unreachable)
 * are retried from the checkpoint, unless eBay asks to wait longer than `LONGEST_RETRY_WAIT_MS`; an account whose
 * grant is gone fails as `reauth_required`; the rest fail.
 */
export function classifyFailure(err: unknown): FailureClass {
  if (isDatabaseUnavailable(err))
    return { kind: 'transient', code: 'database_unavailable', message: messageOf(err) };
  if (err instanceof Error) {
    const e = err as EbayLikeError;
    if (err.name === 'TokenUnavailableError') {
      const code = typeof e.code === 'string' ? e.code : 'reauth_required';
      return {
        kind: 'fatal',
        code: code === 'reauth_required' ? 'reauth_required' : code,
        message: err.message,
      };
    }
    if (err.name === 'EbayApiError' || err.name === 'AbortError') {
      if (e.kind === 'auth' || e.oauthError === 'invalid_grant') {
        return { kind: 'fatal', code: 'reauth_required', message: err.message };
      }
      const retryAfterMs = typeof e.retryAfterMs === 'number' ? e.retryAfterMs : null;
      if (e.kind === 'rate_limited' && retryAfterMs !== null && retryAfterMs > LONGEST_RETRY_WAIT_MS) {
        const minutes = Math.ceil(retryAfterMs / 60_000);
        const wait = minutes < 120 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
        return {
          kind: 'fatal',
          code: 'ebay_rate_limited',
          message: `${err.message} eBay's call limit is used up; it accepts calls again in about ${wait}`,
        };
      }
      if (e.retryable === true)
        return { kind: 'transient', code: `ebay_${String(e.kind)}`, message: err.message };
      return { kind: 'fatal', code: `ebay_${String(e.kind)}`, message: err.message };
    }
  }
  return { kind: 'fatal', code: 'internal_error', message: messageOf(err) };
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
