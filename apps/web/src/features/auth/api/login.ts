import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, LoginResponse, MeResponse } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';
import { meQueryKey } from './get-me';

export function login(body: LoginRequest): Promise<LoginResponse> {
  return api.post<LoginResponse>('/api/auth/login', body);
}

/** Signs in; the server sets the session cookie. Starts from an empty cache so no other user's data lingers. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    meta: { skipAuthRedirect: true },
    onSuccess: (data) => {
      queryClient.clear();
      queryClient.setQueryData<MeResponse>(meQueryKey, { user: data.user });
    },
  });
}
