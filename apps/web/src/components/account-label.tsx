import { Text } from '@mantine/core';

/**
 * An account's label in a table cell: a long one (labels take up to 100 characters, maybe without a space) is cut
 * with an ellipsis at `maw` pixels and shown whole on hover, so it never widens its column past the others.
 */
export function AccountLabel({ label, maw = 180 }: { label: string; maw?: number }) {
  return (
    <Text size="sm" maw={maw} truncate="end" title={label} data-testid="account-label-cell">
      {label}
    </Text>
  );
}
