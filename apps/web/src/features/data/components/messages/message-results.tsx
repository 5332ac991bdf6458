import { Text } from '@mantine/core';
import type { MessageListItem } from '@ebay-connector/contract';
import { utcLabel } from '../../../../lib/utc-time';
import { messageText } from '../../lib/format';
import { PickItem, PickList } from './pick-list';

/**
 * Messages matching the filters, newest first; each opens its conversation (the messages of the selected one are
 * marked with `aria-current`).
 */
export function MessageResults(props: {
  messages: MessageListItem[];
  selected: string | null;
  onSelect: (message: MessageListItem) => void;
  accountName: (id: string) => string;
}) {
  const { messages, selected, onSelect, accountName } = props;
  return (
    <PickList label="Matching messages" testId="message-results">
      {messages.map((m) => (
        <PickItem
          key={`${m.accountId}:${m.messageId}`}
          active={`${m.accountId}:${m.threadId}` === selected}
          onPick={() => onSelect(m)}
          testId="message-result"
        >
          <Text size="sm" fw={m.isRead === false ? 700 : 500} lineClamp={1} data-testid="message-result-subject">
            {m.subject ?? m.itemTitle ?? '(no subject)'}
          </Text>
          <Text size="xs" c="dimmed" title={utcLabel(m.receivedAt) ?? undefined} lineClamp={1} data-testid="message-result-facts">
            {m.sender ?? 'Unknown sender'} → {m.recipient ?? '—'} · {utcLabel(m.receivedAt, 'minutes') ?? '—'} · {accountName(m.accountId)}
          </Text>
          <Text size="xs" lineClamp={2}>
            {messageText(m.body)}
          </Text>
        </PickItem>
      ))}
    </PickList>
  );
}
