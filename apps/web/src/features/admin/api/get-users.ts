import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UserListResponse } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';

export const usersQueryKey = ['admin', 'users'] as const;

export function getUsers(signal?: AbortSignal): Promise<UserListResponse> {
  return api.get<UserListResponse>('/api/admin/users', signal ? { signal } : {});
}

export function usersQueryOptions() {
  return queryOptions({ queryKey: usersQueryKey, queryFn: ({ signal }) => getUsers(signal) });
}

export function useUsers() {
  return useQuery(usersQueryOptions());
}
