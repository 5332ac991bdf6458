import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { SyncResourceName } from '@ebay-connector/contract';
import { api, isApiError } from '../../../lib/api-client';

export type SyncModeName = 'full' | 'incremental';

/** `POST /api/ebay/sync/{resource}`: 202 with the run id; 409 `sync_already_running` with `details.activeRunId`. */
export function startSync(input: { accountId: string; resource: SyncResourceName; mode: SyncModeName }) {
  return api.post<{ runId: string }>(`/api/ebay/sync/${encodeURIComponent(input.resource)}`, {
    accountId: input.accountId,
    mode: input.mode,
  });
}

/**
 * After a start (one resource or all): the sync status changed; a start refused because the account cannot sync
 * (disconnected, or its grant refused by eBay) means the account status this page shows is stale.
 */
export function refreshAfterStart(queryClient: QueryClient, error: unknown): Promise<unknown> {
  const refused = isApiError(error) && (error.code === 'account_not_connected' || error.code === 'reauth_required');
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['sync'] }),
    refused ? queryClient.invalidateQueries({ queryKey: ['ebay', 'accounts'] }) : undefined,
  ]);
}

export function useStartSync() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: startSync, onSettled: (_data, error) => refreshAfterStart(queryClient, error) });
}
