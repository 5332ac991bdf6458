import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { NoneText } from './detail-parts';

export interface LinkedColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
  align?: 'left' | 'right';
}

/**
 * The records linked to a detail page's record (line items, transactions, offers, ...) as a table inside a
 * `Section` with `padding={0}`, or `empty` when there are none.
 */
export function LinkedTable<T>(props: {
  rows: readonly T[];
  columns: ReadonlyArray<LinkedColumn<T>>;
  rowKey: (row: T) => string;
  empty: ReactNode;
  minWidth: number;
  testId: string;
  /** `data-testid` of each row. */
  rowTestId?: string;
}) {
  const { rows, columns, rowKey, empty, minWidth, testId, rowTestId } = props;
  if (rows.length === 0) return <NoneText>{empty}</NoneText>;
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native">
      <Table striped verticalSpacing="xs" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.header} ta={c.align}>
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} data-testid={rowTestId}>
              {columns.map((c) => (
                <Table.Td key={c.header} ta={c.align}>
                  {c.cell(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
