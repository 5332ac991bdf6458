import { Button, Card, Grid, Group, ScrollArea, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorAlert } from '../../../../components/error-alert';
import { LoadingState } from '../../../../components/loading-state';
import { PageHeader } from '../../../../components/page-header';
import { accountsWithData } from '../../../../lib/accounts-with-data';
import { useAccounts } from '../../../../lib/api/get-accounts';
import { useMessageThreads } from '../../api/get-message-threads';
import { messagesPath, useMessages } from '../../api/get-messages';
import { csvHref, type FilterField } from '../../lib/query-string';
import { shownText } from '../../lib/shown-text';
import { ListFilters } from '../shared/list-filters';
import { useAccountName } from '../shared/use-account-name';
import { useListParams } from '../shared/use-list-params';
import { MessageResults } from './message-results';
import { ThreadList } from './thread-list';
import { ThreadMessages } from './thread-messages';

/** The filters of `GET /api/messages`. */
export const messageFields: readonly FilterField[] = [
  { param: 'q', label: 'Search', kind: 'text', placeholder: 'Subject or message text' },
  { param: 'sender', label: 'Sender', kind: 'text', placeholder: 'Exact eBay username' },
  { param: 'itemId', label: 'Item id', kind: 'text' },
  { param: 'threadId', label: 'Conversation id', kind: 'text' },
  { param: 'unread', label: 'Read state', kind: 'select', options: ['true', 'false'], optionLabels: { true: 'Unread', false: 'Read' } },
  { param: 'from', label: 'Received from', kind: 'dateFrom' },
  { param: 'to', label: 'Received to', kind: 'dateTo' },
];

/** "12 conversations shown" and "Load more", or the end of the list. */
function ListFooter(props: {
  count: ReactNode;
  countTestId: string;
  endTestId: string;
  hasNextPage: boolean;
  loading: boolean;
  onLoadMore: () => void;
}) {
  return (
    <Group justify="space-between" mt="xs">
      <Text size="sm" c="dimmed" data-testid={props.countTestId}>
        {props.count}
      </Text>
      {props.hasNextPage ? (
        <Button variant="light" size="xs" onClick={props.onLoadMore} loading={props.loading}>
          Load more
        </Button>
      ) : (
        <Text size="sm" c="dimmed" data-testid={props.endTestId}>
          That is all.
        </Text>
      )}
    </Group>
  );
}

/**
 * Buyer messages as conversations: the list on the left, the selected conversation on the right (URL: `?thread=`).
 * Conversations can only be narrowed to an account; any other filter lists the matching messages instead, each
 * opening its conversation.
 */
export function MessagesPage() {
  const { params, setParams, query, rangeInvalid, formValue, apply } = useListParams(messageFields);
  const accountId = params.get('accountId') ?? undefined;
  const threadParam = params.get('thread');
  const searching = messageFields.some((f) => formValue[f.param] !== undefined);
  const threads = useMessageThreads(accountId, !searching);
  const messages = useMessages(query, searching && !rangeInvalid);
  const accounts = useAccounts();
  const accountName = useAccountName();

  const [threadAccount, ...rest] = threadParam?.split(':') ?? [];
  const selected = threadAccount && rest.length > 0 ? { accountId: threadAccount, threadId: rest.join(':') } : null;
  const threadList = threads.data?.pages.flatMap((page) => page.threads) ?? [];
  const messageList = messages.data?.pages.flatMap((page) => page.items) ?? [];
  const select = (t: { accountId: string; threadId: string }) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set('thread', `${t.accountId}:${t.threadId}`);
      return next;
    });
  const current = searching ? messages : threads;

  return (
    <>
      <PageHeader
        title="Messages"
        description="Buyer and eBay messages grouped into conversations, newest first. Search covers subjects and message text."
        actions={
          <Group gap="xs">
            <Button
              variant="default"
              onClick={() => void current.refetch()}
              loading={current.isRefetching && !current.isFetchingNextPage}
            >
              Reload
            </Button>
            <Button
              component="a"
              href={csvHref(messagesPath, query)}
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
          <ListFilters
            key={JSON.stringify(formValue)}
            label="Filter messages"
            fields={messageFields}
            value={formValue}
            accounts={accountsWithData(accounts.data?.accounts ?? [])}
            onApply={apply}
          />
        </Card>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 5 }}>
            {searching ? (
              <>
                <Card withBorder padding={0}>
                  {rangeInvalid && (
                    <EmptyState title="No messages shown" description="The date range ends before it starts: correct it in the filters above." />
                  )}
                  {messages.isPending && !rangeInvalid && <LoadingState label="Loading messages" />}
                  {messages.isError && !messages.data && (
                    <Stack p="md">
                      <ErrorAlert error={messages.error} onRetry={() => void messages.refetch()} />
                    </Stack>
                  )}
                  {messages.isSuccess && messageList.length === 0 && (
                    <EmptyState title="No messages match these filters" description="Change or reset the filters." />
                  )}
                  {messageList.length > 0 && (
                    <ScrollArea.Autosize mah={640} type="auto">
                      <MessageResults messages={messageList} selected={threadParam} onSelect={select} accountName={accountName} />
                    </ScrollArea.Autosize>
                  )}
                </Card>
                {messageList.length > 0 && (
                  <ListFooter
                    count={shownText(messageList.length, messages.data?.pages[0]?.total, 'matching message', 'matching messages')}
                    countTestId="message-count"
                    endTestId="message-list-end"
                    hasNextPage={messages.hasNextPage}
                    loading={messages.isFetchingNextPage}
                    onLoadMore={() => void messages.fetchNextPage()}
                  />
                )}
              </>
            ) : (
              <>
                <Card withBorder padding={0}>
                  {threads.isPending && <LoadingState label="Loading conversations" />}
                  {threads.isError && !threads.data && (
                    <Stack p="md">
                      <ErrorAlert error={threads.error} onRetry={() => void threads.refetch()} />
                    </Stack>
                  )}
                  {threads.isSuccess && threadList.length === 0 && (
                    <EmptyState title="No messages synced yet" description="Messages appear here after a sync of a connected account." />
                  )}
                  {threadList.length > 0 && (
                    <ScrollArea.Autosize mah={640} type="auto">
                      <ThreadList threads={threadList} selected={threadParam} onSelect={select} accountName={accountName} />
                    </ScrollArea.Autosize>
                  )}
                </Card>
                {threadList.length > 0 && (
                  <ListFooter
                    count={shownText(threadList.length, threads.data?.pages[0]?.total, 'conversation', 'conversations')}
                    countTestId="thread-count"
                    endTestId="thread-list-end"
                    hasNextPage={threads.hasNextPage}
                    loading={threads.isFetchingNextPage}
                    onLoadMore={() => void threads.fetchNextPage()}
                  />
                )}
              </>
            )}
            {current.isFetchNextPageError && (
              <Stack mt="xs">
                <ErrorAlert error={current.error} title="The next page did not load" />
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
