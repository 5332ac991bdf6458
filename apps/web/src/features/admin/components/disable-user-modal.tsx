import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { User } from '@ebay-connector/contract';
import { ErrorAlert } from '../../../components/error-alert';
import { useUpdateUser } from '../api/update-user';

/** Asks before disabling `user`: their sessions end at once and they cannot sign in until enabled again. */
export function DisableUserModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const update = useUpdateUser();
  // Keeps naming the user while the modal fades out after `user` went back to null.
  const [shown, setShown] = useState(user);
  if (user !== null && user !== shown) setShown(user);

  const close = () => {
    update.reset();
    onClose();
  };

  const confirm = () => {
    if (user) update.mutate({ id: user.id, disabled: true }, { onSuccess: close });
  };

  return (
    <Modal opened={user !== null} onClose={close} title="Disable user" centered>
      <Stack gap="md">
        <Text size="sm">
          Disable <strong>{shown?.email}</strong>?
        </Text>
        <Text size="sm">
          Every session of this user ends at once, and they cannot sign in until an admin enables the account again.
          Their role is kept.
        </Text>
        {update.error && <ErrorAlert error={update.error} title="The user was not disabled" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-autofocus>
            Cancel
          </Button>
          <Button color="red" onClick={confirm} loading={update.isPending}>
            Disable user
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
