import { Badge } from '@mantine/core';

export function statusColor(status: number | null): string {
  if (status === null || status >= 500) return 'red';
  if (status >= 400) return 'yellow';
  if (status >= 300) return 'blue';
  return 'teal';
}

export function CallStatusBadge({ status, errorKind }: { status: number | null; errorKind: string | null }) {
  return (
    <Badge color={statusColor(status)} variant="light" data-testid="call-status">
      {status ?? errorKind ?? 'error'}
    </Badge>
  );
}
