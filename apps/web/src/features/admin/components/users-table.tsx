import { Badge, Button, Group, NativeSelect, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { roles, type Role, type User } from '@ebay-connector/contract';
import { utcText } from '../../../lib/utc-time';

export interface UsersTableProps {
  users: User[];
  currentUserId: string;
  /** Id of the user whose change is in flight. */
  busyUserId: string | null;
  onChangeRole: (user: User, role: Role) => void;
  onToggleDisabled: (user: User) => void;
  onResetPassword: (user: User) => void;
}

const column = createColumnHelper<User>();

export function UsersTable(props: UsersTableProps) {
  const { users, currentUserId, busyUserId, onChangeRole, onToggleDisabled, onResetPassword } = props;
  const [sorting, setSorting] = useState<SortingState>([{ id: 'email', desc: false }]);

  const columns = useMemo(
    () => [
      column.accessor('email', {
        header: 'Email',
        cell: (info) => (
          <Group gap={6} wrap="nowrap">
            <Text size="sm">{info.getValue()}</Text>
            {info.row.original.id === currentUserId && (
              <Badge size="xs" variant="outline">
                you
              </Badge>
            )}
          </Group>
        ),
      }),
      column.accessor('role', {
        header: 'Role',
        cell: (info) => {
          const user = info.row.original;
          return (
            <NativeSelect
              size="xs"
              aria-label={`Role of ${user.email}`}
              data={[...roles]}
              value={info.getValue()}
              disabled={user.id === currentUserId || busyUserId === user.id}
              title={user.id === currentUserId ? 'You cannot change your own role' : undefined}
              onChange={(e) => onChangeRole(user, e.currentTarget.value as Role)}
              w={120}
            />
          );
        },
      }),
      column.accessor('disabled', {
        header: 'Status',
        cell: (info) =>
          info.getValue() ? (
            <Badge color="gray" variant="light">
              Disabled
            </Badge>
          ) : (
            <Badge color="teal" variant="light">
              Active
            </Badge>
          ),
      }),
      column.accessor('lastLoginAt', {
        header: 'Last sign-in (UTC)',
        sortingFn: 'datetime',
        sortUndefined: 'last',
        cell: (info) => <Text size="sm">{info.getValue() ? (utcText(info.getValue(), 'minutes') ?? info.getValue()) : 'Never'}</Text>,
      }),
      column.display({
        id: 'actions',
        header: () => <VisuallyHidden>Actions</VisuallyHidden>,
        cell: (info) => {
          const user = info.row.original;
          const self = user.id === currentUserId;
          return (
            <Group gap="xs" justify="flex-end" wrap="nowrap">
              <Button
                size="compact-sm"
                variant="light"
                color={user.disabled ? 'teal' : 'red'}
                disabled={self}
                loading={busyUserId === user.id}
                onClick={() => onToggleDisabled(user)}
                aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.email}`}
              >
                {user.disabled ? 'Enable' : 'Disable'}
              </Button>
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => onResetPassword(user)}
                aria-label={`Reset password of ${user.email}`}
              >
                Reset password
              </Button>
            </Group>
          );
        },
      }),
    ],
    [currentUserId, busyUserId, onChangeRole, onToggleDisabled, onResetPassword],
  );

  const table = useReactTable({
    data: users,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="users-table">
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <Table.Th
                    key={header.id}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {header.column.getCanSort() ? (
                      <UnstyledButton onClick={header.column.getToggleSortingHandler()} fw={600} fz="sm">
                        {label}
                        {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
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
            <Table.Tr key={row.id} data-testid={`user-row-${row.original.email}`}>
              {row.getVisibleCells().map((cell) => (
                <Table.Td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
