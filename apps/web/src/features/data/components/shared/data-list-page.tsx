import { Button, Card, Group, Stack, Text } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import type { DataListResponse } from '@ebay-connector/contract';
import type { ReactNode } from 'react';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorAlert } from '../../../../components/error-alert';
import { LoadingState } from '../../../../components/loading-state';
import { isApiError } from '../../../../lib/api-client';
import { PageHeader } from '../../../../components/page-header';
import { accountsWithData } from '../../../../lib/accounts-with-data';
import { useAccounts } from '../../../../lib/api/get-accounts';
import { csvHref, nextSort, type FilterField } from '../../lib/query-string';
import { shownText } from '../../lib/shown-text';
import { DataTable } from './data-table';
import { ListFilters } from './list-filters';
import { useListParams } from './use-list-params';

export interface DataListConfig<T> {
  title: string;
  description: ReactNode;
  /** Singular and plural noun for counts and empty states ("order", "orders"). */
  noun: readonly [string, string];
  apiPath: string;
  fields: readonly FilterField[];
  /** Server sort names; the first is the server's default. */
  defaultSort: string;
  columns: ColumnDef<T, unknown>[];
  rowId: (row: T) => string;
  minWidth: number;
  testId: string;
  /** `enabled: false` while the filters cannot match anything (a date range that ends before it starts). */
  useList: (query: Record<string, string>, enabled?: boolean) => UseInfiniteQueryResult<InfiniteData<DataListResponse<T>>>;
}

/**
 * A synced-data list: filters, sort and account live in the URL (shareable), rows come in keyset pages with
 * "Load more", and "Export CSV" downloads every row matching the same filters.
 */
export function DataListPage<T>({ config }: { config: DataListConfig<T> }) {
  const { params, setParams, query, rangeInvalid, formValue, apply } = useListParams(config.fields);
  const list = config.useList(query, !rangeInvalid);
  const accounts = useAccounts();
  const order = params.get('order') === 'asc' ? 'asc' : 'desc';
  const sort = { sort: params.get('sort') ?? config.defaultSort, order } as const;

  const onSort = (pressed: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      const s = nextSort({ sort: p.get('sort') ?? undefined, order }, pressed, config.defaultSort);
      next.set('sort', s.sort);
      next.set('order', s.order);
      return next;
    });

  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.keys(formValue).length > 0;
  const [one, many] = config.noun;

  return (
    <>
      <PageHeader
        title={config.title}
        description={config.description}
        actions={
          <Group gap="xs">
            <Button variant="default" onClick={() => void list.refetch()} loading={list.isRefetching && !list.isFetchingNextPage}>
              Reload
            </Button>
            <Button
              component="a"
              href={csvHref(config.apiPath, query)}
              download={`${config.testId}.csv`}
              variant="light"
              data-testid="export-csv"
            >
              Export CSV
            </Button>
          </Group>
        }
      />
      <Stack gap="md">
        <Card withBorder>
          <ListFilters
            key={JSON.stringify(formValue)}
            label={`Filter ${many}`}
            fields={config.fields}
            value={formValue}
            accounts={accountsWithData(accounts.data?.accounts ?? [])}
            onApply={apply}
          />
        </Card>
        <Card withBorder padding={0}>
          {rangeInvalid && (
            <EmptyState title={`No ${many} shown`} description="The date range ends before it starts: correct it in the filters above." />
          )}
          {list.isPending && !rangeInvalid && <LoadingState label={`Loading ${many}`} />}
          {list.isError && !list.data && (
            <Stack p="md">
              {isApiError(list.error) && list.error.status === 422 ? (
                // Filters come from the address (a shared or hand-edited link): say so, and offer the way out.
                <>
                  <ErrorAlert error={list.error} title="The filters in this page's address are not valid" />
                  <Group>
                    <Button variant="light" onClick={() => setParams(new URLSearchParams())}>
                      Reset filters
                    </Button>
                  </Group>
                </>
              ) : (
                <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
              )}
            </Stack>
          )}
          {list.isSuccess && rows.length === 0 && (
            <EmptyState
              title={filtered ? `No ${many} match these filters` : `No ${many} synced yet`}
              description={
                filtered ? 'Change or reset the filters.' : `${many.charAt(0).toUpperCase()}${many.slice(1)} appear here after a sync of a connected account.`
              }
            />
          )}
          {rows.length > 0 && (
            <DataTable
              data={rows}
              columns={config.columns}
              rowId={config.rowId}
              sort={sort}
              onSort={onSort}
              minWidth={config.minWidth}
              testId={config.testId}
            />
          )}
        </Card>
        {rows.length > 0 && (
          <Group justify="space-between">
            <Text size="sm" c="dimmed" data-testid="list-count">
              {shownText(rows.length, list.data?.pages[0]?.total, one, many)}
            </Text>
            {list.hasNextPage ? (
              <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                Load more
              </Button>
            ) : (
              <Text size="sm" c="dimmed" data-testid="list-end">
                That is all.
              </Text>
            )}
          </Group>
        )}
        {list.isFetchNextPageError && <ErrorAlert error={list.error} title="The next page did not load" />}
      </Stack>
    </>
  );
}
