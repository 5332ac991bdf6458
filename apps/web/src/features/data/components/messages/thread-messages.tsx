import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { ErrorAlert } from '../../../../components/error-alert';
import { EmptyState } from '../../../../components/empty-state';
import { LoadingState } from '../../../../components/loading-state';
import { useThreadMessages } from '../../api/get-thread-messages';
import { humanize, messageText } from '../../lib/format';
import { DateTime } from '../shared/date-time';
import { threadTitle } from './thread-list';

/** One conversation: its name and counterpart, then its messages, oldest first, unread ones marked. */
export function ThreadMessages({ thread }: { thread: { accountId: string; threadId: string } | null }) {
  const messages = useThreadMessages(thread);
  if (!thread) return <EmptyState title="Pick a conversation" description="Its messages show here." />;
  if (messages.isPending) return <LoadingState label="Loading messages" />;
  if (messages.isError) return <ErrorAlert error={messages.error} onRetry={() => void messages.refetch()} />;
  const items = messages.data.messages;
  if (items.length === 0) return <EmptyState title="No messages in this conversation" />;
  const t = messages.data.thread;
  const facts = [
    t.counterpart ? `with ${t.counterpart}` : null,
    t.itemTitle ?? (t.itemId ? `item ${t.itemId}` : null),
    `${t.messageCount} message${t.messageCount === 1 ? '' : 's'}`,
  ].filter((fact) => fact !== null);
  return (
    <Stack gap="sm" data-testid="thread-messages">
      <div data-testid="thread-header">
        <Text fw={700}>{threadTitle(t)}</Text>
        <Text size="sm" c="dimmed">
          {facts.join(' · ')}
        </Text>
      </div>
      {items.map((m) => {
        const unread = m.isRead === false;
        return (
          <Card
            key={m.messageId}
            withBorder
            padding="sm"
            data-testid="message"
            data-read={unread ? 'false' : 'true'}
            style={unread ? { borderLeft: '4px solid var(--mantine-color-blue-filled)' } : undefined}
          >
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm" fw={unread ? 700 : 500}>
                {m.sender ?? 'Unknown sender'} → {m.recipient ?? '—'}
              </Text>
              <Group gap="xs">
                {unread ? (
                  <Badge size="sm" color="blue">Unread</Badge>
                ) : (
                  <Badge size="sm" color="gray" variant="light">Read</Badge>
                )}
                {m.replied && <Badge size="sm" color="teal" variant="light">Replied</Badge>}
                {m.flagged && <Badge size="sm" color="orange" variant="light">Flagged</Badge>}
                <DateTime value={m.receivedAt} zone />
              </Group>
            </Group>
            {m.subject && (
              <Text size="sm" fw={unread ? 700 : 500} mt={4}>
                {m.subject}
              </Text>
            )}
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {messageText(m.body)}
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              {[m.messageType ? humanize(m.messageType) : null, m.itemId ? `item ${m.itemId}` : null]
                .filter((part) => part !== null)
                .join(' · ')}
            </Text>
          </Card>
        );
      })}
    </Stack>
  );
}
