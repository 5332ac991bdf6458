import { Badge } from '@mantine/core';
import type { DbHealthResponse } from '@ebay-connector/contract';

const colors: Record<DbHealthResponse['status'], string> = { ok: 'teal', migrating: 'yellow', unavailable: 'red' };
const labels: Record<DbHealthResponse['status'], string> = {
  ok: 'Healthy',
  migrating: 'Migrating',
  unavailable: 'Unavailable',
};

export function DbStatusBadge({ status }: { status: DbHealthResponse['status'] }) {
  return (
    <Badge color={colors[status]} variant="light" data-testid="db-status">
      {labels[status]}
    </Badge>
  );
}

export function migrationText(health: DbHealthResponse): string {
  const current = health.migration ?? 'none';
  return health.migration === health.latestMigration
    ? `${current} (up to date)`
    : `${current} of ${health.latestMigration}`;
}
