import { Alert, Button, Checkbox, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { DisconnectResponse, EbayAccount } from '@ebay-connector/contract';
import { ErrorAlert } from '../../../components/error-alert';
import { useDisconnectAccount } from '../api/disconnect-account';
import { modalWrapStyles } from './long-label';

/** What a purge deletes (`DELETE /api/ebay/accounts/{id}?purge=true`), for the confirmations to say before it happens. */
const purgeScope =
  'its synced data (orders, finances, payouts, disputes, messages, inventory, offers and purchases), its sync runs and schedules, its rows in the API logs and its live events';

function DoneResult({ done, title, text, onClose }: { done: DisconnectResponse; title: string; text: string; onClose: () => void }) {
  const rows = done.purged.reduce((sum, p) => sum + p.rows, 0);
  return (
    <Stack gap="md">
      <Alert color="teal" variant="light" title={title} data-testid="disconnect-result">
        <Text size="sm">
          {text}
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

function DisconnectForm({ account, onClose }: { account: EbayAccount; onClose: () => void }) {
  const disconnect = useDisconnectAccount();
  const [purge, setPurge] = useState(false);
  const [done, setDone] = useState<DisconnectResponse | null>(null);

  if (done) {
    return (
      <DoneResult done={done} title="Disconnected" text={`${account.label} is disconnected; its tokens are deleted.`} onClose={onClose} />
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
        description={`Deletes ${purgeScope}. This cannot be undone.`}
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
    <Modal opened={account !== null} onClose={onClose} title={`Disconnect ${account?.label ?? ''}?`} centered styles={modalWrapStyles}>
      {account && <DisconnectForm key={account.id} account={account} onClose={onClose} />}
    </Modal>
  );
}

/** Deletes what is stored for an account that is already disconnected (the same DELETE, with `purge`). */
function PurgeForm({ account, onClose }: { account: EbayAccount; onClose: () => void }) {
  const purge = useDisconnectAccount();
  const [done, setDone] = useState<DisconnectResponse | null>(null);

  if (done) {
    return <DoneResult done={done} title="Synced data deleted" text={`The synced data of ${account.label} is deleted.`} onClose={onClose} />;
  }

  return (
    <Stack gap="md" data-testid="purge-confirm">
      <Text size="sm">
        <strong>{account.label}</strong> ({account.username}) is disconnected. This deletes {purgeScope}. eBay calls
        still in flight for it are not recorded afterwards.
      </Text>
      <Text size="sm">
        The account stays on this page, disconnected, and can be connected again; a new sync then fetches its data
        from eBay. This cannot be undone.
      </Text>
      {purge.error && <ErrorAlert error={purge.error} title="The synced data was not deleted" />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} data-autofocus>
          Cancel
        </Button>
        <Button color="red" loading={purge.isPending} onClick={() => purge.mutate({ id: account.id, purge: true }, { onSuccess: setDone })}>
          Delete synced data
        </Button>
      </Group>
    </Stack>
  );
}

export function PurgeModal({ account, onClose }: { account: EbayAccount | null; onClose: () => void }) {
  return (
    <Modal
      opened={account !== null}
      onClose={onClose}
      title={`Delete the synced data of ${account?.label ?? ''}?`}
      centered
      styles={modalWrapStyles}
    >
      {account && <PurgeForm key={account.id} account={account} onClose={onClose} />}
    </Modal>
  );
}
