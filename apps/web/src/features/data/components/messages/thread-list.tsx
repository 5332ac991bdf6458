import { Badge, Group, Text } from '@mantine/core';
import { utcLabel } from '../../../../lib/utc-time';
import type { MessageThreadItem } from '../../api/detail-types';
import { PickItem, PickList } from './pick-list';

/** A conversation's name: its first subject, else its item, else its id. */
export function threadTitle(t: Pick<MessageThreadItem, 'subject' | 'itemTitle' | 'threadId'>): string {
  return t.subject ?? t.itemTitle ?? `Conversation ${t.threadId}`;
}

/**
 * Conversations, newest first, each named by its first subject (else its item, else its id) and the member the
 * seller talks with; the selected one is marked for screen readers with `aria-current`.
 */
export function ThreadList(props: {
  threads: MessageThreadItem[];
  selected: string | null;
  onSelect: (thread: MessageThreadItem) => void;
  accountName: (id: string) => string;
}) {
  const { threads, selected, onSelect, accountName } = props;
  return (
    <PickList label="Conversations" testId="message-threads">
      {threads.map((t) => {
        const key = `${t.accountId}:${t.threadId}`;
        return (
          <PickItem key={key} active={key === selected} onPick={() => onSelect(t)} testId="message-thread">
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" fw={t.unread > 0 ? 700 : 500} lineClamp={1} data-testid="thread-title">
                {threadTitle(t)}
              </Text>
              {t.unread > 0 && (
                <Badge size="sm" color="blue" aria-label={`${t.unread} unread`}>
                  {t.unread}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed" title={utcLabel(t.lastMessageAt) ?? undefined} lineClamp={1} data-testid="thread-facts">
              {t.counterpart ? `${t.counterpart} · ` : ''}
              {t.messageCount} message{t.messageCount === 1 ? '' : 's'} · {utcLabel(t.lastMessageAt, 'minutes') ?? '—'} · {accountName(t.accountId)}
            </Text>
          </PickItem>
        );
      })}
    </PickList>
  );
}
