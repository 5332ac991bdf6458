import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { passwordSchema, type User } from '@ebay-connector/contract';
import { ErrorAlert } from '../../../components/error-alert';
import { allOnFields, serverFieldErrors } from '../../../lib/field-errors';
import { useResetUserPassword } from '../api/reset-user-password';

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const reset = useResetUserPassword();
  const [password, setPassword] = useState('');
  const [clientError, setClientError] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const error = clientError ?? serverFieldErrors(reset.error, ['password'] as const).password;

  const close = () => {
    setPassword('');
    setClientError(undefined);
    setDone(false);
    reset.reset();
    onClose();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!user) return;
    const parsed = passwordSchema.safeParse(password);
    setClientError(parsed.success ? undefined : `Password must be ${parsed.error.issues[0]?.message ?? 'valid'}`);
    if (!parsed.success) return;
    reset.mutate({ id: user.id, password }, { onSuccess: () => setDone(true) });
  };

  return (
    <Modal opened={user !== null} onClose={close} title="Reset password" centered>
      {done ? (
        <Stack>
          <Text size="sm" role="status">
            The password of {user?.email} was changed.
          </Text>
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-label="Reset password">
          <Stack gap="md">
            <Text size="sm">
              Set a new password for <strong>{user?.email}</strong>.
            </Text>
            {reset.error && !allOnFields(reset.error, ['password']) && <ErrorAlert error={reset.error} title="The password was not changed" />}
            <PasswordInput
              label="New password"
              required
              data-autofocus
              autoComplete="new-password"
              value={password}
              onChange={(e) => {
                setPassword(e.currentTarget.value);
                setClientError(undefined);
              }}
              error={error}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={reset.isPending}>
                Set password
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
