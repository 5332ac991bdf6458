import type { ListTotal } from '@ebay-connector/contract';
import { formatCount } from '../../../lib/format-count';

/**
 * "50 of 1,234 orders shown": the rows loaded so far and how many match the filters ("10,000+" past the count's
 * cap; without a total, when counting took too long, only the rows shown).
 */
export function shownText(shown: number, total: ListTotal | undefined, one: string, many: string): string {
  if (!total) return `${formatCount(shown)} ${shown === 1 ? one : many} shown`;
  const all = `${formatCount(total.count)}${total.capped ? '+' : ''}`;
  return `${formatCount(shown)} of ${all} ${total.count === 1 && !total.capped ? one : many} shown`;
}
