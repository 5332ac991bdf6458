import { Text } from '@mantine/core';
import { utcLabel, utcText } from '../../../../lib/utc-time';

/**
 * An instant as UTC text, to the minute in lists (`compact`) and to the second in details: the form of the sync runs
 * and the API logs, so an order's time can be matched with the calls that fetched it. The column header or the label
 * beside it says UTC; `zone` writes it after the time where nothing else does. Hovering shows the time to the second.
 */
export function DateTime({ value, compact = false, zone = false }: { value: string | null | undefined; compact?: boolean; zone?: boolean }) {
  if (!value) return <Text size="sm" c="dimmed" span>—</Text>;
  const text = utcText(value, compact ? 'minutes' : 'seconds');
  return (
    <Text component="time" dateTime={value} size="sm" title={utcLabel(value) ?? undefined} style={{ whiteSpace: 'nowrap' }}>
      {text === null ? value : zone ? `${text} UTC` : text}
    </Text>
  );
}
