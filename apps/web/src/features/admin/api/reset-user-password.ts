import { useMutation } from '@tanstack/react-query';
import type { ResetPasswordRequest } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';

export function resetUserPassword(id: string, body: ResetPasswordRequest): Promise<void> {
  return api.post<void>(`/api/admin/users/${encodeURIComponent(id)}/password`, body);
}

export function useResetUserPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) => resetUserPassword(id, { password }),
  });
}
