import { Alert, Button, Group, Modal, NumberInput, Switch, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SyncResourceName } from '@ebay-connector/contract';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingState } from '../../../components/loading-state';
import { useSchedules } from '../api/get-schedules';
import { usePutSchedules, type ScheduleInput } from '../api/put-schedules';

/** Interval and enabled flag per resource of one account; read-only for viewers. */
export function SchedulesModal(props: {
  account: { id: string; label: string; status: string } | null;
  canOperate: boolean;
  onClose: () => void;
}) {
  const { account, canOperate } = props;
  const schedules = useSchedules();
  const save = usePutSchedules();
  const [draft, setDraft] = useState<ScheduleInput[]>([]);
  const rows = schedules.data?.schedules.filter((s) => s.accountId === account?.id);

  useEffect(() => {
    if (rows) setDraft(rows.map(({ accountId, resource, intervalMinutes, enabled }) => ({ accountId, resource, intervalMinutes, enabled })));
    // Reset the draft when the modal opens for another account or the server answers.
  }, [account?.id, schedules.data]);

  const update = (resource: SyncResourceName, patch: Partial<ScheduleInput>) =>
    setDraft((d) => d.map((s) => (s.resource === resource ? { ...s, ...patch } : s)));

  return (
    <Modal opened={account !== null} onClose={props.onClose} title={`Schedules of ${account?.label ?? ''}`} size="lg">
      {schedules.isPending && <LoadingState label="Loading schedules" />}
      {schedules.isError && <ErrorAlert error={schedules.error} onRetry={() => void schedules.refetch()} />}
      {account && account.status !== 'active' && (
        <Alert color="orange" variant="light" mb="sm">
          Paused until the account is reconnected; the settings below apply again after that.
        </Alert>
      )}
      {schedules.data && (
        <>
          <Table data-testid="schedules-table">
            <Table.Thead>
              <Table.Tr><Table.Th>Resource</Table.Th><Table.Th>Every (minutes)</Table.Th><Table.Th>Enabled</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {draft.map((s) => (
                <Table.Tr key={s.resource}>
                  <Table.Td>{s.resource}</Table.Td>
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      w={120}
                      min={1}
                      max={10080}
                      value={s.intervalMinutes}
                      disabled={!canOperate}
                      aria-label={`Interval of ${s.resource} in minutes`}
                      onChange={(v) => update(s.resource, { intervalMinutes: typeof v === 'number' ? v : Number(v) || 1 })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      checked={s.enabled}
                      disabled={!canOperate}
                      aria-label={`Schedule ${s.resource}`}
                      onChange={(e) => update(s.resource, { enabled: e.currentTarget.checked })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {save.isError && <ErrorAlert error={save.error} title="The schedules were not saved" />}
          {save.isSuccess && <Text size="sm" c="teal" mt="xs">Saved.</Text>}
          {canOperate && (
            <Group justify="flex-end" mt="md">
              <Button loading={save.isPending} disabled={draft.length === 0} onClick={() => save.mutate(draft)}>
                Save schedules
              </Button>
            </Group>
          )}
        </>
      )}
    </Modal>
  );
}
