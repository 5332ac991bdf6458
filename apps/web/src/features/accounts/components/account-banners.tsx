import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { EbayAccount } from '@ebay-connector/contract';
import { formatUtc } from './format';
import { wrapAnywhere } from './long-label';

/** Accounts that need the seller: a rejected refresh token, or one that expires within 30 days. */
export function AccountBanners(props: {
  accounts: EbayAccount[];
  canManage: boolean;
  reconnecting: boolean;
  onReconnect: (account: EbayAccount) => void;
}) {
  const { accounts, canManage, reconnecting, onReconnect } = props;
  const reauth = accounts.filter((a) => a.status === 'reauth_required');
  const expiring = accounts.filter((a) => a.status === 'active' && a.refreshExpiryWarning);
  if (reauth.length === 0 && expiring.length === 0) return null;

  const button = (account: EbayAccount) =>
    canManage && (
      <Button size="xs" variant="filled" color="orange" loading={reconnecting} onClick={() => onReconnect(account)}>
        Reconnect {account.label}
      </Button>
    );

  return (
    <Stack gap="xs">
      {reauth.map((account) => (
        <Alert key={account.id} color="orange" variant="light" title={`${account.label} must be reconnected`} data-testid="reauth-banner" style={wrapAnywhere}>
          <Group justify="space-between" wrap="wrap">
            <Text size="sm">
              eBay rejected the stored refresh token of {account.username}; syncing is paused until the seller grants
              access again.
            </Text>
            {button(account)}
          </Group>
        </Alert>
      ))}
      {expiring.map((account) => (
        <Alert
          key={account.id}
          color="yellow"
          variant="light"
          title={`${account.label}: refresh token expires soon`}
          data-testid="expiry-banner"
          style={wrapAnywhere}
        >
          <Group justify="space-between" wrap="wrap">
            <Text size="sm">
              The refresh token expires {formatUtc(account.refreshExpiryWarning?.refreshExpiresAt ?? null)} (
              {account.refreshExpiryWarning?.daysLeft} days left). Reconnect before then to keep syncing.
            </Text>
            {button(account)}
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}
