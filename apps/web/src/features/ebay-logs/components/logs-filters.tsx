import { Autocomplete, Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { EbayAccount } from '@ebay-connector/contract';
import type { LogFilters } from '../api/get-logs';
import { accountOptionLabel, accountSelectLook } from '../../../lib/account-option';
import { isUuid } from '../../../lib/uuid';

const statusPattern = /^([1-5][0-9]{2}|[1-5]xx|error)$/;

export function LogsFiltersForm(props: {
  value: LogFilters;
  accounts: EbayAccount[];
  onApply: (filters: LogFilters) => void;
}) {
  const { value, accounts, onApply } = props;
  const [accountId, setAccountId] = useState(value.accountId ?? '');
  const [status, setStatus] = useState(value.status ?? '');
  const [requestId, setRequestId] = useState(value.requestId ?? '');
  const [runId, setRunId] = useState(value.runId ?? '');
  const [errors, setErrors] = useState<{ status?: string; runId?: string }>({});

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: { status?: string; runId?: string } = {};
    if (status.trim() && !statusPattern.test(status.trim())) found.status = 'A code like 401, a class like 5xx, or "error"';
    if (runId.trim() && !isUuid(runId.trim())) found.runId = 'A run id is a UUID';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    onApply({
      accountId: accountId || undefined,
      status: status.trim() || undefined,
      requestId: requestId.trim() || undefined,
      runId: runId.trim() || undefined,
    });
  };

  const reset = () => {
    setAccountId('');
    setStatus('');
    setRequestId('');
    setRunId('');
    setErrors({});
    onApply({});
  };

  return (
    <form onSubmit={onSubmit} aria-label="Filter API calls" noValidate>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label="Account"
          {...accountSelectLook(accounts, accountId)}
          value={accountId}
          onChange={(e) => setAccountId(e.currentTarget.value)}
          data={[{ value: '', label: 'All accounts' }, ...accounts.map((a) => ({ value: a.id, label: accountOptionLabel(a) }))]}
          w={200}
        />
        <Autocomplete
          label="Status"
          placeholder="401, 4xx, error"
          value={status}
          onChange={setStatus}
          data={['2xx', '4xx', '5xx', 'error', '401', '429']}
          error={errors.status}
          w={140}
        />
        <TextInput
          label="Request id"
          placeholder="ours, correlation or eBay's"
          value={requestId}
          onChange={(e) => setRequestId(e.currentTarget.value)}
          w={220}
        />
        <TextInput
          label="Run id"
          value={runId}
          onChange={(e) => setRunId(e.currentTarget.value)}
          error={errors.runId}
          w={220}
        />
        <Group gap="xs">
          <Button type="submit">Apply</Button>
          <Button variant="default" onClick={reset}>
            Reset
          </Button>
        </Group>
      </Group>
    </form>
  );
}
