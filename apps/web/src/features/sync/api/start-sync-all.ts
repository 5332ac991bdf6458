import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SyncResourceName } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';
import { refreshAfterStart, type SyncModeName } from './start-sync';

export interface StartAllResponse {
  runs: { resource: SyncResourceName; runId: string | null; activeRunId: string | null }[];
}

/** `POST /api/ebay/sync/all`: one run per resource; resources already running report `activeRunId`. */
export function startSyncAll(input: { accountId: string; mode: SyncModeName }) {
  return api.post<StartAllResponse>('/api/ebay/sync/all', input);
}

export function useStartSyncAll() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: startSyncAll, onSettled: (_data, error) => refreshAfterStart(queryClient, error) });
}
