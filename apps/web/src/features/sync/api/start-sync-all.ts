import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SyncResourceName } from '@ebay-connector/contract';
import { api, isApiError } from '../../../lib/api-client';
import type { SyncModeName } from './start-sync';

export interface StartAllResponse {
  runs: { resource: SyncResourceName; runId: string | null; activeRunId: string | null }[];
}

/** `POST /api/ebay/sync/all`: one run per resource; resources already running report `activeRunId`. */
export function startSyncAll(input: { accountId: string; mode: SyncModeName }) {
  return api.post<StartAllResponse>('/api/ebay/sync/all', input);
}

export function useStartSyncAll() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startSyncAll,
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
