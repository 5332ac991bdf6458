import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserRequest, User } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';
import { usersQueryKey } from './get-users';

export function createUser(body: CreateUserRequest): Promise<{ user: User }> {
  return api.post<{ user: User }>('/api/admin/users', body);
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
