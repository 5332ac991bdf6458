import { Badge, Button, Code, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { EbayAccount } from '@ebay-connector/contract';
import { AccountStatusBadge } from './account-status-badge';
import { formatAgo, formatRelative, formatUtc } from './format';
import { ScopesCell } from './scopes-cell';

export interface AccountsTableProps {
  accounts: EbayAccount[];
  /** Admins and operators see the actions column; viewers read only. */
  canManage: boolean;
  now: number;
  /** Id of the account whose refresh is in flight. */
  busyAccountId: string | null;
  onRefresh: (account: EbayAccount, dryRun: boolean) => void;
  onRelabel: (account: EbayAccount) => void;
  onDisconnect: (account: EbayAccount) => void;
  /** Deletes the synced data of a disconnected account that still has it. */
  onPurge: (account: EbayAccount) => void;
  onReconnect: (account: EbayAccount) => void;
}

function When({ iso, now, testId }: { iso: string | null; now: number; testId?: string }) {
  if (!iso) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Stack gap={0} data-testid={testId}>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatUtc(iso)}
      </Text>
      <Text size="xs" c="dimmed">
        {formatRelative(iso, now)}
      </Text>
    </Stack>
  );
}

export function AccountsTable(props: AccountsTableProps) {
  const { accounts, canManage, now, busyAccountId, onRefresh, onRelabel, onDisconnect, onPurge, onReconnect } = props;
  return (
    // The actions sit under each account's name, not in a sticky last column: that column covered the columns
    // before it whenever the table was wider than the page (1400 px screens included).
    <Table.ScrollContainer minWidth={1040} type="native">
      <Table striped verticalSpacing="sm" data-testid="accounts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Account / status{canManage && <VisuallyHidden> / actions</VisuallyHidden>}</Table.Th>
            <Table.Th>eBay user</Table.Th>
            <Table.Th>Access token expires</Table.Th>
            <Table.Th>Refresh token</Table.Th>
            <Table.Th>Scopes</Table.Th>
            <Table.Th>Last refresh</Table.Th>
            <Table.Th>Created / updated</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.map((account) => {
            const token = account.token;
            const connected = account.status !== 'revoked' && token !== null;
            return (
              <Table.Tr key={account.id} data-testid={`account-row-${account.username}`}>
                {/* Wide enough for the actions two by two instead of one under the other. */}
                <Table.Td miw={190}>
                  <Stack gap={4}>
                    {/* A long label (up to 100 characters) wraps within the width of the buttons under it. */}
                    <Text size="sm" fw={600} maw={260} style={{ overflowWrap: 'anywhere' }} data-testid="account-label">
                      {account.label}
                    </Text>
                    <Group gap={4} wrap="wrap">
                      <AccountStatusBadge status={account.status} />
                      <Badge size="xs" variant="outline" color="gray" style={{ flexShrink: 0, overflow: 'visible' }}>
                        {account.environment}
                      </Badge>
                    </Group>
                    {account.purgedAt && (
                      <Text size="xs" c="dimmed" data-testid="account-purged">
                        Synced data deleted {formatUtc(account.purgedAt)}
                      </Text>
                    )}
                    {canManage && (
                      <Group gap={4} wrap="wrap" maw={190} data-testid="account-actions">
                        {connected ? (
                          <>
                            <Button
                              size="compact-sm"
                              variant="light"
                              loading={busyAccountId === account.id}
                              onClick={() => onRefresh(account, false)}
                              aria-label={`Refresh token of ${account.label}`}
                            >
                              Refresh
                            </Button>
                            <Button
                              size="compact-sm"
                              variant="default"
                              disabled={busyAccountId === account.id}
                              onClick={() => onRefresh(account, true)}
                              aria-label={`Dry-run refresh of ${account.label}`}
                            >
                              Dry run
                            </Button>
                          </>
                        ) : (
                          <Button
                            size="compact-sm"
                            variant="light"
                            onClick={() => onReconnect(account)}
                            aria-label={`Reconnect ${account.label}`}
                          >
                            Reconnect
                          </Button>
                        )}
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => onRelabel(account)}
                          aria-label={`Rename ${account.label}`}
                        >
                          Rename
                        </Button>
                        {account.status !== 'revoked' && (
                          <Button
                            size="compact-sm"
                            variant="light"
                            color="red"
                            onClick={() => onDisconnect(account)}
                            aria-label={`Disconnect ${account.label}`}
                          >
                            Disconnect
                          </Button>
                        )}
                        {account.status === 'revoked' && account.purgedAt === null && (
                          <Button
                            size="compact-sm"
                            variant="light"
                            color="red"
                            onClick={() => onPurge(account)}
                            aria-label={`Delete synced data of ${account.label}`}
                          >
                            Delete synced data
                          </Button>
                        )}
                      </Group>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm" data-testid="account-username">
                      {account.username}
                    </Text>
                    <Code
                      fz="xs"
                      data-testid="account-user-id"
                      title={account.ebayUserId}
                      maw={160}
                      style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', display: 'block' }}
                    >
                      {account.ebayUserId}
                    </Code>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <When iso={token?.expiresAt ?? null} now={now} testId="access-expires" />
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm" data-testid="has-refresh-token">
                      {token?.hasRefreshToken ? 'Stored' : 'None'}
                    </Text>
                    {token?.refreshExpiresAt && (
                      <Text size="xs" c={account.refreshExpiryWarning ? 'orange' : 'dimmed'}>
                        expires <span style={{ whiteSpace: 'nowrap' }}>{formatUtc(token.refreshExpiresAt)}</span>
                        <br />
                        {formatRelative(token.refreshExpiresAt, now)}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <ScopesCell scopes={token?.scopes ?? []} accountLabel={account.label} />
                </Table.Td>
                <Table.Td>
                  <Stack gap={2} maw={240}>
                    <Text size="sm" data-testid="last-refresh" title={token?.lastRefreshedAt ? formatUtc(token.lastRefreshedAt) : undefined}>
                      {token?.lastRefreshedAt ? formatAgo(token.lastRefreshedAt, now) : 'Never'}
                    </Text>
                    {token?.lastRefreshError && (
                      <Text size="xs" c="red" data-testid="last-refresh-error">
                        {token.lastRefreshError}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                      {formatUtc(account.createdAt)}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {formatUtc(account.updatedAt)}
                    </Text>
                  </Stack>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
