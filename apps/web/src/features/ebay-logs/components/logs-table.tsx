import { Code, Table, Text } from '@mantine/core';
import type { EbayCall } from '@ebay-connector/contract';
import { utcText } from '../../../lib/utc-time';
import { CallStatusBadge } from './call-status-badge';
import { AccountLabel } from '../../../components/account-label';

export function LogsTable(props: {
  calls: EbayCall[];
  accountName: (id: string | null) => string;
  onOpen: (id: string) => void;
}) {
  const { calls, accountName, onOpen } = props;
  return (
    // Fits a 1400 px screen beside the navbar: what was called, its method and API share a cell, as do the
    // duration and a retry's attempt number, and eBay's error id and request id. Narrower screens scroll it.
    <Table.ScrollContainer minWidth={760} type="native">
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="logs-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time (UTC)</Table.Th>
            <Table.Th>Account</Table.Th>
            <Table.Th>Call</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Duration</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>eBay error / request id</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {calls.map((call) => (
            <Table.Tr
              key={call.id}
              data-testid={`log-row-${call.operation}`}
              tabIndex={0}
              aria-label={`Open call ${call.id}: ${call.operation} ${call.status ?? call.errorKind ?? ''}`}
              style={{ cursor: 'pointer' }}
              onClick={() => onOpen(call.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onOpen(call.id);
                }
              }}
            >
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{utcText(call.createdAt) ?? call.createdAt}</Text>
              </Table.Td>
              <Table.Td>
                <AccountLabel label={accountName(call.accountId)} />
              </Table.Td>
              <Table.Td data-testid="log-call">
                <Text size="sm" fw={500}>
                  {call.operation}
                </Text>
                <Text size="xs" c="dimmed">
                  {call.method} · {call.api}
                </Text>
              </Table.Td>
              <Table.Td>
                <CallStatusBadge status={call.status} errorKind={call.errorKind} />
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{call.durationMs} ms</Text>
                {call.attempt > 1 && (
                  <Text size="xs" c="dimmed" data-testid="log-attempt">
                    attempt {call.attempt}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {call.ebayErrorId !== null && (
                  <Text size="sm" data-testid="ebay-error-id">
                    {call.ebayErrorId}
                  </Text>
                )}
                {call.ebayRequestId && (
                  <Code fz="xs" title={call.ebayRequestId} data-testid="ebay-request-id">
                    {call.ebayRequestId.length > 28 ? `${call.ebayRequestId.slice(0, 28)}…` : call.ebayRequestId}
                  </Code>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
