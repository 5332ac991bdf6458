import { Text } from '@mantine/core';
import { formatMoney } from '../../lib/format';

export function Money(props: { value: string | number | null | undefined; currency: string | null | undefined; fw?: number }) {
  return (
    <Text size="sm" span fw={props.fw} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
      {formatMoney(props.value, props.currency)}
    </Text>
  );
}

/**
 * A finance transaction's amount with its direction. eBay sends every amount positive and says in `bookingEntry`
 * whether the seller was credited or debited, so a debit (refund, dispute, fee) is written "− $109.58" in red:
 * a column of them then adds up to the payout.
 */
export function BookedMoney(props: {
  value: string | number | null | undefined;
  currency: string | null | undefined;
  bookingEntry: string | null | undefined;
  fw?: number;
}) {
  const debit = props.bookingEntry === 'DEBIT';
  return (
    <Text size="sm" span c={debit ? 'red' : 'inherit'} style={{ whiteSpace: 'nowrap' }} data-booking={props.bookingEntry ?? undefined}>
      {debit ? '− ' : ''}
      <Money value={props.value} currency={props.currency} {...(props.fw === undefined ? {} : { fw: props.fw })} />
    </Text>
  );
}
