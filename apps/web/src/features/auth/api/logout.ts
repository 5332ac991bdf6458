import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export function logout(): Promise<void> {
  return api.post<void>('/api/auth/logout');
}

/** Signs out and forgets every cached answer, whether or not the server could be told. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    meta: { skipAuthRedirect: true },
    onSettled: () => {
      queryClient.clear();
    },
  });
}
