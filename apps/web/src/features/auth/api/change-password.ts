import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordRequest } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';

/**
 * `POST /api/auth/password`: 204. A wrong current password is 422 on `currentPassword`; the user's other sessions
 * end, this one stays.
 */
export function changePassword(body: ChangePasswordRequest): Promise<void> {
  return api.post<void>('/api/auth/password', body);
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
