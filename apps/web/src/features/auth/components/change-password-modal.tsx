import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { changePasswordRequestSchema } from '@ebay-connector/contract';
import { ErrorAlert } from '../../../components/error-alert';
import { allOnFields, serverFieldErrors, withoutField } from '../../../lib/field-errors';
import { useChangePassword } from '../api/change-password';

const fields = ['currentPassword', 'newPassword', 'confirmPassword'] as const;
type Field = (typeof fields)[number];
type Values = Record<Field, string>;

const empty: Values = { currentPassword: '', newPassword: '', confirmPassword: '' };

function validate(values: Values): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!values.currentPassword) errors.currentPassword = 'Enter your current password';
  const next = changePasswordRequestSchema.shape.newPassword.safeParse(values.newPassword);
  if (!next.success) errors.newPassword = `Password must be ${next.error.issues[0]?.message ?? 'valid'}`;
  else if (values.confirmPassword !== values.newPassword)
    errors.confirmPassword = 'The two new passwords differ';
  return errors;
}

/** The signed-in user's own password: the current one, the new one twice. `onChanged` runs after the server took it. */
export function ChangePasswordModal({
  opened,
  onClose,
  onChanged,
}: {
  opened: boolean;
  onClose: () => void;
  onChanged: () => void;
}) {
  const change = useChangePassword();
  const [values, setValues] = useState<Values>(empty);
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const errors = { ...serverFieldErrors(change.error, fields), ...clientErrors };

  const close = () => {
    setValues(empty);
    setClientErrors({});
    change.reset();
    onClose();
  };

  const set = (field: Field, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setClientErrors((errs) => withoutField(errs, field));
    // A server message about a field goes once the field is edited.
    if (serverFieldErrors(change.error, [field])[field]) change.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validate(values);
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          close();
          onChanged();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title="Change password" centered>
      <form onSubmit={onSubmit} noValidate aria-label="Change password">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Your other sessions are signed out; this one stays signed in.
          </Text>
          {change.error && !allOnFields(change.error, fields) && (
            <ErrorAlert error={change.error} title="The password was not changed" />
          )}
          <PasswordInput
            label="Current password"
            required
            data-autofocus
            autoComplete="current-password"
            value={values.currentPassword}
            onChange={(e) => set('currentPassword', e.currentTarget.value)}
            error={errors.currentPassword}
          />
          <PasswordInput
            label="New password"
            description="At least 10 characters, different from the current one."
            required
            autoComplete="new-password"
            value={values.newPassword}
            onChange={(e) => set('newPassword', e.currentTarget.value)}
            error={errors.newPassword}
          />
          <PasswordInput
            label="Confirm new password"
            required
            autoComplete="new-password"
            value={values.confirmPassword}
            onChange={(e) => set('confirmPassword', e.currentTarget.value)}
            error={errors.confirmPassword}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
