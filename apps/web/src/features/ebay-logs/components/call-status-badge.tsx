import { Badge } from '@mantine/core';

export function statusColor(status: number | null): string {
  if (status === null || status >= 500) return 'red';
  if (status >= 400) return 'yellow';
  if (status >= 300) return 'blue';
  return 'teal';
}

export function CallStatusBadge({ status, errorKind }: { status: number | null; errorKind: string | null }) {
  return (
    // A table squeezes a badge down to an ellipsis ("ABO…") unless it keeps its own width.
    <Badge color={statusColor(status)} variant="light" data-testid="call-status" style={{ minWidth: 'max-content' }}>
      {status ?? errorKind ?? 'error'}
    </Badge>
  );
}
