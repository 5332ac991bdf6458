import { Alert, Button, Group, Modal, NumberInput, Switch, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { syncResourceValues, type SyncResourceName } from '@ebay-connector/contract';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingState } from '../../../components/loading-state';
import { useSchedules } from '../api/get-schedules';
import { usePutSchedules, type ScheduleInput } from '../api/put-schedules';
import { intervalError, maxInterval, minInterval } from './format';

/** The interval as typed: kept as text until saved, so an empty or wrong value is shown as such, not replaced. */
type DraftRow = Omit<ScheduleInput, 'intervalMinutes'> & { intervalMinutes: number | string };

/** Interval and enabled flag per resource of one account; read-only for viewers. */
export function SchedulesModal(props: {
  account: { id: string; label: string; status: string } | null;
  canOperate: boolean;
  onClose: () => void;
}) {
  const { account, canOperate } = props;
  const schedules = useSchedules();
  const save = usePutSchedules();
  const [draft, setDraft] = useState<DraftRow[]>([]);
  const [errors, setErrors] = useState<Partial<Record<SyncResourceName, string>>>({});
  // In the order of the account's table on the sync page.
  const rows = schedules.data?.schedules
    .filter((s) => s.accountId === account?.id)
    .sort((a, b) => syncResourceValues.indexOf(a.resource) - syncResourceValues.indexOf(b.resource));

  useEffect(() => {
    if (rows) setDraft(rows.map(({ accountId, resource, intervalMinutes, enabled }) => ({ accountId, resource, intervalMinutes, enabled })));
    setErrors({});
    // Reset the draft when the modal opens for another account or the server answers.
  }, [account?.id, schedules.data]);

  const update = (resource: SyncResourceName, patch: Partial<DraftRow>) => {
    setDraft((d) => d.map((s) => (s.resource === resource ? { ...s, ...patch } : s)));
    if (patch.intervalMinutes !== undefined) setErrors((e) => ({ ...e, [resource]: undefined }));
    save.reset();
  };

  const onSave = () => {
    const found: Partial<Record<SyncResourceName, string>> = {};
    for (const row of draft) {
      const error = intervalError(row.intervalMinutes);
      if (error) found[row.resource] = error;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(draft.map((row) => ({ ...row, intervalMinutes: Number(row.intervalMinutes) })));
  };

  return (
    <Modal
      opened={account !== null}
      onClose={props.onClose}
      title={`Schedules of ${account?.label ?? ''}`}
      size="lg"
      styles={{ title: { minWidth: 0, overflowWrap: 'anywhere', lineHeight: 1.35 } }}
    >
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
                    {/* The field keeps its width whatever is typed; a message wraps under it. */}
                    <NumberInput
                      size="xs"
                      w={220}
                      styles={{ wrapper: { width: 120 } }}
                      min={minInterval}
                      max={maxInterval}
                      // Typed as is (decimals and signs kept), so a value out of range is refused with a
                      // message rather than silently rewritten (1.5 became 15).
                      clampBehavior="none"
                      value={s.intervalMinutes}
                      disabled={!canOperate}
                      error={errors[s.resource]}
                      aria-label={`Interval of ${s.resource} in minutes`}
                      onChange={(v) => update(s.resource, { intervalMinutes: v })}
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
          {Object.values(errors).some(Boolean) && (
            <Text size="sm" c="red" mt="xs" role="alert" data-testid="schedules-invalid">
              Not saved: fix the intervals marked above.
            </Text>
          )}
          {save.isSuccess && <Text size="sm" c="teal" mt="xs">Saved.</Text>}
          {canOperate && (
            <Group justify="flex-end" mt="md">
              <Button loading={save.isPending} disabled={draft.length === 0} onClick={onSave}>
                Save schedules
              </Button>
            </Group>
          )}
        </>
      )}
    </Modal>
  );
}
