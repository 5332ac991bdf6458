import { Badge, Code, Drawer, Group, ScrollArea, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { EbayCallDetail } from '@ebay-connector/contract';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingState } from '../../../components/loading-state';
import { useLog } from '../api/get-log';
import { CallStatusBadge } from './call-status-badge';
import { utcText } from '../../../lib/utc-time';
import { CopyCode } from './copy-code';
import { formatBody } from './format-body';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2} miw={0}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

function OptionalId({ value, label }: { value: string | null; label: string }) {
  return value ? <CopyCode value={value} label={label} /> : <Text size="sm" c="dimmed">—</Text>;
}

function Body({ title, body }: { title: string; body: string | null }) {
  const formatted = body === null ? null : formatBody(body);
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        {formatted && (
          <Badge size="xs" variant="outline" color="gray">
            {formatted.language}
          </Badge>
        )}
      </Group>
      {formatted ? (
        <ScrollArea.Autosize mah={360} type="auto">
          <Code block data-testid={`${title.toLowerCase().replace(' ', '-')}`} style={{ whiteSpace: 'pre' }}>
            {formatted.text}
          </Code>
        </ScrollArea.Autosize>
      ) : (
        <Text size="sm" c="dimmed">
          No body
        </Text>
      )}
    </Stack>
  );
}

function Detail({ call }: { call: EbayCallDetail }) {
  return (
    <Stack gap="md" data-testid="call-detail">
      <Group gap="xs">
        <Badge variant="outline">{call.method}</Badge>
        <Text fw={600}>
          {call.api} · {call.operation}
        </Text>
        <CallStatusBadge status={call.status} errorKind={call.errorKind} />
      </Group>
      <Fact label="URL">
        <CopyCode value={call.url} label="URL" />
      </Fact>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Fact label="Time (UTC)">
          <Text size="sm">{utcText(call.createdAt, 'milliseconds') ?? call.createdAt}</Text>
        </Fact>
        <Fact label="Duration / attempt">
          <Text size="sm">
            {call.durationMs} ms · attempt {call.attempt}
          </Text>
        </Fact>
        <Fact label="Ledger id">
          <CopyCode value={call.id} label="ledger id" />
        </Fact>
        <Fact label="eBay request id">
          <OptionalId value={call.ebayRequestId} label="eBay request id" />
        </Fact>
        <Fact label="Request id">
          <OptionalId value={call.requestId} label="request id" />
        </Fact>
        <Fact label="Correlation id">
          <OptionalId value={call.correlationId} label="correlation id" />
        </Fact>
        <Fact label="Run id">
          <OptionalId value={call.runId} label="run id" />
        </Fact>
        <Fact label="Account id">
          <OptionalId value={call.accountId} label="account id" />
        </Fact>
        <Fact label="eBay error">
          <Text size="sm">
            {call.ebayErrorId ?? '—'}
            {call.errorKind ? ` (${call.errorKind})` : ''}
          </Text>
        </Fact>
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        Tokens, secrets and authorization codes are redacted by the server before bodies are stored; buyers' personal details stay as eBay sent them.
      </Text>
      <Body title="Request body" body={call.requestBody} />
      <Body title="Response body" body={call.responseBody} />
    </Stack>
  );
}

export function CallDetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const detail = useLog(id);
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size="min(760px, 100%)"
      title={id ? `eBay call #${id}` : 'eBay call'}
    >
      {detail.isPending && id !== null && <LoadingState label="Loading the call" />}
      {detail.isError && <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.data && <Detail call={detail.data.call} />}
    </Drawer>
  );
}
