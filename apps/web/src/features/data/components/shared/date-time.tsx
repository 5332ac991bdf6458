import { Text, Tooltip } from '@mantine/core';
import { formatDateTime, formatUtc } from '../../lib/format';

/** A date in the user's locale and time zone; hovering or focusing it shows the UTC time. */
export function DateTime({ value, compact = false }: { value: string | null | undefined; compact?: boolean }) {
  if (!value) return <Text size="sm" c="dimmed" span>—</Text>;
  const utc = formatUtc(value);
  return (
    <Tooltip label={utc} openDelay={200} events={{ hover: true, focus: true, touch: true }}>
      <Text component="time" dateTime={value} size="sm" title={utc} style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(value, undefined, undefined, compact ? 'short' : 'medium')}
      </Text>
    </Tooltip>
  );
}
