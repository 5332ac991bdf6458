import { Center, Group, Loader, Text } from '@mantine/core';

export interface LoadingStateProps {
  /** What is loading, e.g. "Loading users". */
  label?: string;
}

export function LoadingState({ label = 'Loading' }: LoadingStateProps) {
  return (
    <Center py="xl" role="status" aria-live="polite" data-testid="loading-state">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text size="sm" c="dimmed">
          {label}…
        </Text>
      </Group>
    </Center>
  );
}
