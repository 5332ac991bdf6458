import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SyncResourceName, SyncSchedule } from '@ebay-connector/contract';
import { apiRequest } from '../../../lib/api-client';

export interface ScheduleInput {
  accountId: string;
  resource: SyncResourceName;
  intervalMinutes: number;
  enabled: boolean;
}

/** `PUT /api/ebay/sync/schedules`: upserts the given schedules. */
export function putSchedules(schedules: ScheduleInput[]) {
  return apiRequest<{ schedules: SyncSchedule[] }>('/api/ebay/sync/schedules', { method: 'PUT', body: { schedules } });
}

export function usePutSchedules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putSchedules,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['sync'] }),
  });
}
