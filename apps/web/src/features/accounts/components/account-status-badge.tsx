import { Badge } from '@mantine/core';
import type { AccountStatus } from '@ebay-connector/contract';

const look: Record<AccountStatus, { color: string; label: string }> = {
  active: { color: 'teal', label: 'active' },
  reauth_required: { color: 'orange', label: 'reauth required' },
  revoked: { color: 'gray', label: 'revoked' },
};

export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  const { color, label } = look[status];
  return (
    <Badge color={color} variant="light" size="sm" data-testid="account-status" style={{ flexShrink: 0, overflow: 'visible' }}>
      {label}
    </Badge>
  );
}
