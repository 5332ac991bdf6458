import { Button, Group, Modal, NativeSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { createUserRequestSchema, roles, type Role } from '@ebay-connector/contract';
import { ErrorAlert } from '../../../components/error-alert';
import { allOnFields, serverFieldErrors, withoutField } from '../../../lib/field-errors';
import { useCreateUser } from '../api/create-user';
import { roleDescriptions } from '../roles';

const fields = ['email', 'password', 'role'] as const;
type Field = (typeof fields)[number];

function validate(values: { email: string; password: string }): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!values.email.trim()) errors.email = 'Enter an email address';
  else if (!createUserRequestSchema.shape.email.safeParse(values.email.trim()).success)
    errors.email = 'Enter a valid email address';
  const password = createUserRequestSchema.shape.password.safeParse(values.password);
  if (!password.success) errors.password = `Password must be ${password.error.issues[0]?.message ?? 'valid'}`;
  return errors;
}

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const createUser = useCreateUser();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const errors = { ...serverFieldErrors(createUser.error, fields), ...clientErrors };

  const close = () => {
    setEmail('');
    setPassword('');
    setRole('viewer');
    setClientErrors({});
    createUser.reset();
    onClose();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validate({ email, password });
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    createUser.mutate({ email: email.trim(), password, role }, { onSuccess: close });
  };

  return (
    <Modal opened={opened} onClose={close} title="Add user" centered>
      <form onSubmit={onSubmit} noValidate aria-label="Add user">
        <Stack gap="md">
          {createUser.error && !allOnFields(createUser.error, fields) && <ErrorAlert error={createUser.error} title="The user was not created" />}
          <TextInput
            label="Email"
            type="email"
            required
            data-autofocus
            value={email}
            onChange={(e) => {
              setEmail(e.currentTarget.value);
              setClientErrors((errs) => withoutField(errs, 'email'));
            }}
            error={errors.email}
          />
          <PasswordInput
            label="Initial password"
            description="At least 10 characters; share it with the user over a safe channel."
            required
            autoComplete="new-password"
            value={password}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
              setClientErrors((errs) => withoutField(errs, 'password'));
            }}
            error={errors.password}
          />
          <NativeSelect
            label="Role"
            description={roleDescriptions[role]}
            data={[...roles]}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as Role)}
            error={errors.role}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={createUser.isPending}>
              Create user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
