import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { updateAccountRequestSchema, type EbayAccount } from '@ebay-connector/contract';
import { ErrorAlert } from '../../../components/error-alert';
import { useUpdateAccount } from '../api/update-account';
import { modalWrapStyles } from './long-label';

function RelabelForm({ account, onClose }: { account: EbayAccount; onClose: () => void }) {
  const update = useUpdateAccount();
  const [label, setLabel] = useState(account.label);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!updateAccountRequestSchema.safeParse({ label }).success) {
      setError('Enter 1 to 100 characters');
      return;
    }
    update.mutate({ id: account.id, label: label.trim() }, { onSuccess: onClose });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Rename account">
      <Stack gap="md">
        {update.error && <ErrorAlert error={update.error} title="The label was not saved" />}
        <TextInput
          label="Label"
          required
          data-autofocus
          value={label}
          error={error}
          maxLength={100}
          onChange={(e) => {
            setLabel(e.currentTarget.value);
            setError(null);
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function RelabelModal({ account, onClose }: { account: EbayAccount | null; onClose: () => void }) {
  return (
    <Modal opened={account !== null} onClose={onClose} title={`Rename ${account?.label ?? ''}`} centered styles={modalWrapStyles}>
      {account && <RelabelForm key={account.id} account={account} onClose={onClose} />}
    </Modal>
  );
}
