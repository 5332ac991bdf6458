export interface Amount {
  value: string;
  currency: string;
}

/** Amounts are kept as integer cents and rendered as strings with two decimals, as eBay does. */
export function amount(cents: number, currency: string): Amount {
  return { value: centsToString(cents), currency };
}

export function centsToString(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  return `${sign}${whole}.${frac.toString().padStart(2, '0')}`;
}

/** Percentage of an amount in cents, rounded half up. */
export function percentOf(cents: number, basisPoints: number): number {
  return Math.round((cents * basisPoints) / 10000);
}

/** Writes amounts in `currency` as JSON text, the text of `amount()`: `{"value":"12.50","currency":"USD"}`. */
export function amountJsonWriter(currency: string): (cents: number) => string {
  const tail = `","currency":${JSON.stringify(currency)}}`;
  return (cents) => `{"value":"${centsToString(cents)}${tail}`;
}
