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
  oauthError?: unknown;
  code?: unknown;
  message: string;
}

/**
 * Sorts a failure: transient ones (eBay 5xx/429/network after the client's own retries, Postgres unreachable)
 * are retried from the checkpoint; an account whose grant is gone fails as `reauth_required`; the rest fail.
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
