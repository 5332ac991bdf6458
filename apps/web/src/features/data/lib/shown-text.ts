import type { ListTotal } from '@ebay-connector/contract';

/**
 * "50 of 1,234 orders shown": the rows loaded so far and how many match the filters ("10,000+" past the count's
 * cap; without a total, when counting took too long, only the rows shown).
 */
export function shownText(shown: number, total: ListTotal | undefined, one: string, many: string): string {
  if (!total) return `${shown.toLocaleString('en-US')} ${shown === 1 ? one : many} shown`;
  const all = `${total.count.toLocaleString('en-US')}${total.capped ? '+' : ''}`;
  return `${shown.toLocaleString('en-US')} of ${all} ${total.count === 1 && !total.capped ? one : many} shown`;
}
