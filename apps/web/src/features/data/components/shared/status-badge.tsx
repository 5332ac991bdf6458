import { Badge } from '@mantine/core';
import { humanize } from '../../lib/format';

function colorFor(status: string): string {
  const s = status.toUpperCase();
  if (/FAIL|REVERS|ACTION_NEEDED|CANCEL|DISPUTE/.test(s)) return 'red';
  if (/REFUND|HOLD|PENDING|OPEN|WAIT|NOT_STARTED|UNPUBLISHED/.test(s)) return 'orange';
  if (/PROGRESS|PROCESSING|INITIATED/.test(s)) return 'blue';
  if (/PAID|FULFILLED|SUCCEEDED|COMPLETED|AVAILABLE|PUBLISHED|ACTIVE|CLOSED|PAYOUT/.test(s)) return 'teal';
  return 'gray';
}

/** An eBay status code as a coloured badge (`FULLY_REFUNDED` -> "Fully refunded"); the code is the title. */
export function StatusBadge({ status }: { status: string | null | undefined }) {
  if (!status) return null;
  return (
    <Badge color={colorFor(status)} variant="light" size="sm" title={status} style={{ textTransform: 'none', minWidth: 'max-content' }}>
      {humanize(status)}
    </Badge>
  );
}
