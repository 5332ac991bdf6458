import { Stack, Text, UnstyledButton } from '@mantine/core';
import type { MessageListItem } from '@ebay-connector/contract';
import { utcLabel } from '../../../../lib/utc-time';
import { messageText } from '../../lib/format';

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
    <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Matching messages" data-testid="message-results">
      {messages.map((m) => {
        const active = `${m.accountId}:${m.threadId}` === selected;
        return (
          <li key={`${m.accountId}:${m.messageId}`}>
            <UnstyledButton
              onClick={() => onSelect(m)}
              aria-current={active ? 'true' : undefined}
              data-testid="message-result"
              w="100%"
              px="md"
              py="xs"
              style={{
                borderBottom: '1px solid var(--mantine-color-default-border)',
                background: active ? 'var(--mantine-color-blue-light)' : undefined,
              }}
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
            </UnstyledButton>
          </li>
        );
      })}
    </Stack>
  );
}
