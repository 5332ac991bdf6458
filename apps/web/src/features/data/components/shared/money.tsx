import { Text } from '@mantine/core';
import { formatMoney } from '../../lib/format';

export function Money(props: { value: string | number | null | undefined; currency: string | null | undefined; fw?: number }) {
  return (
    <Text size="sm" span fw={props.fw} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
      {formatMoney(props.value, props.currency)}
    </Text>
  );
}
