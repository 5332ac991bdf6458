import { Stack, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';

/** The left column of the messages page: a list of rows, one of them picked. */
export function PickList(props: { label: string; testId: string; children: ReactNode }) {
  return (
    <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={props.label} data-testid={props.testId}>
      {props.children}
    </Stack>
  );
}

/** One row of a `PickList`; the picked one is highlighted and marked for screen readers with `aria-current`. */
export function PickItem(props: { active: boolean; onPick: () => void; testId: string; children: ReactNode }) {
  return (
    <li>
      <UnstyledButton
        onClick={props.onPick}
        aria-current={props.active ? 'true' : undefined}
        data-testid={props.testId}
        w="100%"
        px="md"
        py="xs"
        style={{
          borderBottom: '1px solid var(--mantine-color-default-border)',
          background: props.active ? 'var(--mantine-color-blue-light)' : undefined,
        }}
      >
        {props.children}
      </UnstyledButton>
    </li>
  );
}
