import { Table, UnstyledButton, Group, Text } from '@mantine/core';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type RowData } from '@tanstack/react-table';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Server sort name; the header becomes a sort button. */
    sort?: string;
    align?: 'left' | 'right';
  }
}

export interface SortState {
  sort: string;
  order: 'asc' | 'desc';
}

/** A server-sorted table: rows arrive sorted, headers with `meta.sort` ask the server for another order. */
export function DataTable<T>(props: {
  data: T[];
  columns: ColumnDef<T, unknown>[];
  rowId: (row: T) => string;
  sort: SortState;
  onSort: (sortName: string) => void;
  minWidth: number;
  testId: string;
}) {
  const { data, columns, rowId, sort, onSort, minWidth, testId } = props;
  const table = useReactTable({
    data,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => rowId(row),
    manualSorting: true,
  });
  // A native scrollbar shows that a wide table goes on; the overlay one appeared on hover only, so the columns
  // past the edge looked cut off.
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native">
      <Table striped highlightOnHover verticalSpacing="xs" horizontalSpacing="xs" data-testid={testId}>
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                const label = flexRender(header.column.columnDef.header, header.getContext());
                const active = meta?.sort !== undefined && meta.sort === sort.sort;
                const ariaSort = active ? (sort.order === 'asc' ? 'ascending' : 'descending') : undefined;
                return (
                  <Table.Th key={header.id} ta={meta?.align} aria-sort={ariaSort} style={{ whiteSpace: 'nowrap' }}>
                    {meta?.sort ? (
                      <UnstyledButton onClick={() => onSort(meta.sort ?? '')} data-testid={`sort-${meta.sort}`}>
                        <Group gap={4} wrap="nowrap">
                          <Text size="sm" fw={700} span>
                            {label}
                          </Text>
                          <Text size="xs" c={active ? 'inherit' : 'dimmed'} span aria-hidden>
                            {active ? (sort.order === 'asc' ? '▲' : '▼') : '↕'}
                          </Text>
                        </Group>
                      </UnstyledButton>
                    ) : (
                      label
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {table.getRowModel().rows.map((row) => (
            <Table.Tr key={row.id} data-testid={`${testId}-row`}>
              {row.getVisibleCells().map((cell) => (
                <Table.Td key={cell.id} ta={cell.column.columnDef.meta?.align}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
