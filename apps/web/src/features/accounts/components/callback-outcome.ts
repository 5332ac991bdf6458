/**
 * What the OAuth callback reported in the accounts page's URL: `?connected=<id>&created=1|0` (a seller new here, or
 * one connected before whose connection was renewed), or `?error=<code>&requestId=<id>`, each with
 * `reconnecting=<id>` when a reconnect started the flow.
 */
export type CallbackOutcome =
  | { kind: 'connected'; accountId: string; created: boolean | null; reconnecting: string | null }
  | { kind: 'error'; code: string; requestId: string | null; reconnecting: string | null };

/** The query parameters the callback adds; the page reads them once and drops them from its URL. */
export const callbackParams = ['connected', 'created', 'error', 'requestId', 'reconnecting'] as const;

export function readCallbackOutcome(params: URLSearchParams): CallbackOutcome | null {
  const connected = params.get('connected');
  const error = params.get('error');
  const reconnecting = params.get('reconnecting') || null;
  if (connected) {
    const created = params.get('created');
    return { kind: 'connected', accountId: connected, created: created === null ? null : created === '1', reconnecting };
  }
  if (error !== null)
    return {
      kind: 'error',
      code: error || 'oauth_error',
      requestId: params.get('requestId') || null,
      reconnecting,
    };
  return null;
}

export function sameOutcome(a: CallbackOutcome | null, b: CallbackOutcome | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** `params` without the callback's parameters (the others, such as filters, stay). */
export function withoutCallbackParams(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of callbackParams) next.delete(key);
  return next;
}

export function hasCallbackParams(params: URLSearchParams): boolean {
  return callbackParams.some((key) => params.has(key));
}
