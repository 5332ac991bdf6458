import type { DashboardDay, MoneyTotal } from '@ebay-connector/contract';
import { formatCount } from '../../../lib/format-count';

export function formatMoney(m: MoneyTotal): string {
  const value = Number(m.value);
  // Orders without a currency are summed apart by the server; a dollar sign would add them to the USD ones.
  if (!m.currency) return `${value.toFixed(2)} (${currencyLabel(m.currency)})`;
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: m.currency }).format(value);
  } catch {
    return `${value.toFixed(2)} ${m.currency}`;
  }
}


/** A currency code as the page names it (orders without one are grouped under ''). */
export const currencyLabel = (currency: string) => currency || 'no currency';

export const formatMoneyList = (list: MoneyTotal[]) => (list.length ? list.map(formatMoney).join(' · ') : '0');

export interface ChartPoint {
  /** The UTC day, `YYYY-MM-DD`, as the server buckets orders. */
  day: string;
  orders: number;
  revenue: number;
}

/**
 * One point per day of the window (zeros for days without orders) with the orders in `currency` and their revenue:
 * amounts in different currencies do not add up, and orders of every currency next to one currency's revenue would
 * read as that revenue's orders.
 */
export function chartPoints(perDay: DashboardDay[], from: string, days: number, currency: string | null): ChartPoint[] {
  const start = Date.parse(from.slice(0, 10));
  const points: ChartPoint[] = [];
  for (let i = 0; i < days; i += 1) {
    const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    const rows = perDay.filter((d) => d.day === day && d.currency === currency);
    points.push({
      day,
      orders: rows.reduce((n, d) => n + d.orders, 0),
      revenue: Math.round(rows.reduce((n, d) => n + Number(d.revenue), 0) * 100) / 100,
    });
  }
  return points;
}

/**
 * Amounts by currency code, orders without a currency last: one order for every period and account (by revenue,
 * "$ · £" turned into "£ · $" from one period to the next). The chart starts on the first.
 */
export function byCurrency(amounts: MoneyTotal[]): MoneyTotal[] {
  const key = (c: string) => (c === '' ? '\uffff' : c);
  return [...amounts].sort((a, b) => (key(a.currency) < key(b.currency) ? -1 : key(a.currency) > key(b.currency) ? 1 : 0));
}

/**
 * `amounts` in the order of `currencies` (the revenue's), others after them by code: the headline's revenue, fees
 * and payouts then list the currencies alike.
 */
export function inCurrencyOrder(amounts: MoneyTotal[], currencies: readonly string[]): MoneyTotal[] {
  const rank = (c: string) => {
    const i = currencies.indexOf(c);
    return i < 0 ? currencies.length : i;
  };
  return [...amounts].sort((a, b) => rank(a.currency) - rank(b.currency) || a.currency.localeCompare(b.currency));
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A chart tick, "Nov 29", read off the server's `YYYY-MM-DD` UTC day rather than through a `Date`: a `Date` would be
 * shown in the browser's zone, where a UTC day can start on the evening before.
 */
export function dayLabel(day: string): string {
  const month = months[Number(day.slice(5, 7)) - 1];
  return month ? `${month} ${Number(day.slice(8, 10))}` : day;
}

/** The number of payouts of the period in words, and the last one: "3 payouts; last: £12.00 on … (SUCCEEDED)". */
export function payoutsHint(
  count: number,
  last: { date: string; status: string | null; amount: MoneyTotal | null } | null,
  when: (iso: string) => string,
): string {
  if (!last) return 'No payout yet';
  const counted = count === 0 ? 'No payouts in these days' : `${formatCount(count)} payout${count === 1 ? '' : 's'}`;
  return `${counted}; last: ${last.amount ? formatMoney(last.amount) : '-'} on ${when(last.date)} (${last.status ?? 'unknown'})`;
}
