import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateUserRequest, User, UserListResponse } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';
import { usersQueryKey } from './get-users';

export function updateUser(id: string, body: UpdateUserRequest): Promise<{ user: User }> {
  return api.patch<{ user: User }>(`/api/admin/users/${encodeURIComponent(id)}`, body);
}

type Variables = { id: string } & UpdateUserRequest;

function patchList(list: UserListResponse | undefined, id: string, patch: Partial<User>) {
  return list && { users: list.users.map((u) => (u.id === id ? { ...u, ...patch } : u)) };
}

/** Changes a user's role or disables / enables the account; the table shows the change at once. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Variables) => updateUser(id, body),
    onMutate: async ({ id, ...body }) => {
      await queryClient.cancelQueries({ queryKey: usersQueryKey });
      const previous = queryClient.getQueryData<UserListResponse>(usersQueryKey);
      const patch: Partial<User> = {};
      if (body.role !== undefined) patch.role = body.role;
      if (body.disabled !== undefined) patch.disabled = body.disabled;
      queryClient.setQueryData<UserListResponse>(usersQueryKey, (list) => patchList(list, id, patch));
      return { previous };
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(usersQueryKey, context.previous);
    },
    onSuccess: ({ user }) => {
      queryClient.setQueryData<UserListResponse>(usersQueryKey, (list) => patchList(list, user.id, user));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
