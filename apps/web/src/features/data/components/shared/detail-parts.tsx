import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorAlert } from '../../../../components/error-alert';
import { LoadingState } from '../../../../components/loading-state';
import { isApiError } from '../../../../lib/api-client';

/** Back link, title and the detail's loading or error state; children render once the data is there. */
export function DetailPage<T>(props: {
  back: { to: string; label: string };
  title: string;
  query: UseQueryResult<T>;
  loadingLabel: string;
  children: (data: T) => ReactNode;
  actions?: ReactNode;
}) {
  const { back, title, query, loadingLabel, children, actions } = props;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={back.to} size="sm">
        ← {back.label}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Title order={1} size="h2" style={{ wordBreak: 'break-all' }}>
          {title}
        </Title>
        {actions}
      </Group>
      {query.isPending && <LoadingState label={loadingLabel} />}
      {query.isError &&
        (isApiError(query.error) && query.error.status === 404 ? (
          <EmptyState
            title={`${title} is not in the synced data`}
            description="It has not been synced yet, or its account was disconnected and its data deleted. Check the id, or find it in the list."
            action={
              <Button component={Link} to={back.to} variant="light">
                Go to {back.label}
              </Button>
            }
          />
        ) : (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ))}
      {query.isSuccess && children(query.data)}
    </Stack>
  );
}

/** A titled card of the detail page. */
export function Section(props: { title: string; children: ReactNode; testId?: string; padding?: number | 'md' }) {
  return (
    <Card withBorder padding={props.padding ?? 'md'} data-testid={props.testId}>
      <Stack gap="sm">
        <Title order={2} size="h4" px={props.padding === 0 ? 'md' : 0} pt={props.padding === 0 ? 'md' : 0}>
          {props.title}
        </Title>
        {props.children}
      </Stack>
    </Card>
  );
}

/** Label/value pairs in a responsive grid. */
export function Fields({ items }: { items: ReadonlyArray<readonly [string, ReactNode]> }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
      {items.map(([label, value]) => (
        <Stack gap={0} key={label}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text size="sm" component="div" style={{ wordBreak: 'break-word' }}>
            {value ?? '—'}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

/** Shown inside a section with nothing to list. */
export function NoneText({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed" px="md" pb="md">
      {children}
    </Text>
  );
}
