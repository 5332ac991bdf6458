import { Alert, Button, Checkbox, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { DisconnectResponse, EbayAccount } from '@ebay-connector/contract';
import { ErrorAlert } from '../../../components/error-alert';
import { useDisconnectAccount } from '../api/disconnect-account';

function DisconnectForm({ account, onClose }: { account: EbayAccount; onClose: () => void }) {
  const disconnect = useDisconnectAccount();
  const [purge, setPurge] = useState(false);
  const [done, setDone] = useState<DisconnectResponse | null>(null);

  if (done) {
    const rows = done.purged.reduce((sum, p) => sum + p.rows, 0);
    return (
      <Stack gap="md">
        <Alert color="teal" variant="light" title="Disconnected" data-testid="disconnect-result">
          <Text size="sm">
            {account.label} is disconnected; its tokens are deleted.
            {done.purged.length > 0 && ` ${rows} synced row${rows === 1 ? '' : 's'} deleted.`}
          </Text>
          {done.purged.length > 0 && (
            <List size="xs" mt={4}>
              {done.purged.map((p) => (
                <List.Item key={p.name}>
                  {p.name}: {p.rows}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose} data-autofocus>
            Close
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Text size="sm">
        The stored tokens of <strong>{account.label}</strong> ({account.username}) are deleted and syncing stops. You
        can connect the account again later.
      </Text>
      <Checkbox
        label="Also delete the synced data of this account"
        description="Orders, finances, messages and everything else synced for it. This cannot be undone."
        checked={purge}
        onChange={(e) => setPurge(e.currentTarget.checked)}
      />
      {disconnect.error && <ErrorAlert error={disconnect.error} title="The account was not disconnected" />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} data-autofocus>
          Cancel
        </Button>
        <Button
          color="red"
          loading={disconnect.isPending}
          onClick={() => disconnect.mutate({ id: account.id, purge }, { onSuccess: setDone })}
        >
          {purge ? 'Disconnect and delete data' : 'Disconnect'}
        </Button>
      </Group>
    </Stack>
  );
}

export function DisconnectModal({ account, onClose }: { account: EbayAccount | null; onClose: () => void }) {
  return (
    <Modal opened={account !== null} onClose={onClose} title={`Disconnect ${account?.label ?? ''}?`} centered>
      {account && <DisconnectForm key={account.id} account={account} onClose={onClose} />}
    </Modal>
  );
}
