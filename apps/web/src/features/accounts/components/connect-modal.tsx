import { Button, Group, Loader, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ebayEnvironments, updateAccountRequestSchema, type EbayEnvironment } from '@ebay-connector/contract';
import { ErrorAlert } from '../../../components/error-alert';
import { useAccounts } from '../../../lib/api/get-accounts';
import { useStartOauth } from '../api/start-oauth';

const environmentLabels: Record<EbayEnvironment, string> = {
  emulator: 'Emulator (offline eBay)',
  sandbox: 'eBay sandbox',
  production: 'eBay production',
};

export function ConnectModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const serverEnvironment = useAccounts();
  const start = useStartOauth();
  const [label, setLabel] = useState('');
  const [labelError, setLabelError] = useState<string | null>(null);
  const environment = serverEnvironment.data?.environment;

  const close = () => {
    setLabel('');
    setLabelError(null);
    start.reset();
    onClose();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (label.trim() && !updateAccountRequestSchema.safeParse({ label }).success) {
      setLabelError('Use at most 100 characters');
      return;
    }
    start.mutate({ label });
  };

  return (
    <Modal opened={opened} onClose={close} title="Connect to eBay" centered>
      <form onSubmit={onSubmit} noValidate aria-label="Connect to eBay">
        <Stack gap="md">
          <Text size="sm">
            You will sign in at eBay and grant this connector access to the seller account; eBay then sends you back
            here.
          </Text>
          {serverEnvironment.isPending && (
            <Group gap="xs">
              <Loader size="xs" aria-hidden />
              <Text size="sm" c="dimmed">
                Checking which eBay environment this server connects…
              </Text>
            </Group>
          )}
          {serverEnvironment.isError && (
            <ErrorAlert error={serverEnvironment.error} title="The connect flow cannot start" onRetry={() => void serverEnvironment.refetch()} />
          )}
          {environment && (
            <Radio.Group
              label="eBay environment"
              description={`This server is configured for ${environmentLabels[environment]} (EBAY_ENV=${environment}); other environments need a server configured for them.`}
              value={environment}
              data-testid="connect-environment"
            >
              <Stack gap={6} mt={6}>
                {ebayEnvironments.map((env) => (
                  <Radio key={env} value={env} label={environmentLabels[env]} disabled={env !== environment} />
                ))}
              </Stack>
            </Radio.Group>
          )}
          <TextInput
            label="Label"
            description="Optional; defaults to the eBay username."
            placeholder="e.g. Main store"
            value={label}
            error={labelError}
            maxLength={100}
            data-autofocus
            onChange={(e) => {
              setLabel(e.currentTarget.value);
              setLabelError(null);
            }}
          />
          {start.error && <ErrorAlert error={start.error} title="The connect flow did not start" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={start.isPending || start.isSuccess} disabled={!environment}>
              Continue to eBay
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
