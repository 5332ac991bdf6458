/** Per-query / per-mutation flags read by the app's QueryClient. */
export interface RequestMeta extends Record<string, unknown> {
  /** A 401 from this request is an answer to show (wrong password), not an expired session. */
  skipAuthRedirect?: boolean;
}

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: RequestMeta;
    mutationMeta: RequestMeta;
  }
}
