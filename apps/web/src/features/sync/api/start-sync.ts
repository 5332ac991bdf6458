import { useMutation, useQueryClient } from '@tanstack/react-query';
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

export function useStartSync() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startSync,
    onSettled: (_data, error) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['sync'] }),
        // Refused because the account is no longer connected: its status here is stale.
        isApiError(error) && error.code === 'account_not_connected'
          ? queryClient.invalidateQueries({ queryKey: ['ebay', 'accounts'] })
          : undefined,
      ]),
  });
}
