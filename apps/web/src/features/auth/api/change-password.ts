import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordRequest } from '@ebay-connector/contract';
import { api } from '../../../lib/api-client';

/**
 * `POST /api/auth/password`: 204. A wrong current password is 422 on `currentPassword`, a new password equal to the
 * current one 422 on `newPassword`; the user's other sessions end, this one stays.
 */
export function changePassword(body: ChangePasswordRequest): Promise<void> {
  return api.post<void>('/api/auth/password', body);
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
