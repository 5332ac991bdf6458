import { Button, Card, Grid, Group, NativeSelect, ScrollArea, Stack, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorAlert } from '../../../../components/error-alert';
import { LoadingState } from '../../../../components/loading-state';
import { PageHeader } from '../../../../components/page-header';
import { useAccounts } from '../../api/get-accounts';
import { useMessageThreads } from '../../api/get-message-threads';
import { messagesPath } from '../../api/get-thread-messages';
import { csvHref } from '../../lib/query-string';
import { useAccountName } from '../shared/use-account-name';
import { ThreadList } from './thread-list';
import { ThreadMessages } from './thread-messages';

/** Buyer messages as conversations: the list on the left, the selected conversation on the right (URL: `?thread=`). */
export function MessagesPage() {
  const [params, setParams] = useSearchParams();
  const accountId = params.get('accountId') ?? undefined;
  const threadParam = params.get('thread');
  const threads = useMessageThreads(accountId);
  const accounts = useAccounts();
  const accountName = useAccountName();

  const [threadAccount, ...rest] = threadParam?.split(':') ?? [];
  const selected = threadAccount && rest.length > 0 ? { accountId: threadAccount, threadId: rest.join(':') } : null;
  const list = threads.data?.pages.flatMap((page) => page.threads) ?? [];

  const update = (changes: Record<string, string | undefined>) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      for (const [k, v] of Object.entries(changes)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });

  return (
    <>
      <PageHeader
        title="Messages"
        description="Buyer and eBay messages grouped into conversations, newest first."
        actions={
          <Group gap="xs">
            <Button
              variant="default"
              onClick={() => void threads.refetch()}
              loading={threads.isRefetching && !threads.isFetchingNextPage}
            >
              Reload
            </Button>
            <Button
              component="a"
              href={csvHref(messagesPath, accountId ? { accountId } : {})}
              download="messages.csv"
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
          <NativeSelect
            label="Account"
            value={accountId ?? ''}
            onChange={(e) => update({ accountId: e.currentTarget.value || undefined, thread: undefined })}
            data={[
              { value: '', label: 'All accounts' },
              ...(accounts.data?.accounts ?? []).map((a) => ({ value: a.id, label: `${a.label} (${a.username})` })),
            ]}
            w={240}
          />
        </Card>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Card withBorder padding={0}>
              {threads.isPending && <LoadingState label="Loading conversations" />}
              {threads.isError && !threads.data && (
                <Stack p="md">
                  <ErrorAlert error={threads.error} onRetry={() => void threads.refetch()} />
                </Stack>
              )}
              {threads.isSuccess && list.length === 0 && (
                <EmptyState title="No messages synced yet" description="Messages appear here after a sync of a connected account." />
              )}
              {list.length > 0 && (
                <ScrollArea.Autosize mah={640} type="auto">
                  <ThreadList
                    threads={list}
                    selected={threadParam}
                    onSelect={(t) => update({ thread: `${t.accountId}:${t.threadId}` })}
                    accountName={accountName}
                  />
                </ScrollArea.Autosize>
              )}
            </Card>
            {list.length > 0 && (
              <Group justify="space-between" mt="xs">
                <Text size="sm" c="dimmed" data-testid="thread-count">
                  {list.length} conversation{list.length === 1 ? '' : 's'} shown
                </Text>
                {threads.hasNextPage ? (
                  <Button
                    variant="light"
                    size="xs"
                    onClick={() => void threads.fetchNextPage()}
                    loading={threads.isFetchingNextPage}
                  >
                    Load more
                  </Button>
                ) : (
                  <Text size="sm" c="dimmed" data-testid="thread-list-end">
                    That is all.
                  </Text>
                )}
              </Group>
            )}
            {threads.isFetchNextPageError && (
              <Stack mt="xs">
                <ErrorAlert error={threads.error} title="The next page did not load" />
              </Stack>
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <ThreadMessages thread={selected} />
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}
