import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SyncRun } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';

/** `POST /api/ebay/sync/runs/{id}/stop`: asks the run to stop; answers with the run (often already `cancelled`). */
export function stopRun(runId: string) {
  return api.post<{ run: SyncRun }>(`/api/ebay/sync/runs/${encodeURIComponent(runId)}/stop`);
}

export function useStopRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: stopRun,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['sync'] }),
  });
}
