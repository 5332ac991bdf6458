import type { DashboardDay, MoneyTotal } from '@ebay-connector/contract';

export function formatMoney(m: MoneyTotal): string {
  const value = Number(m.value);
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: m.currency || 'USD' }).format(value);
  } catch {
    return `${value.toFixed(2)} ${m.currency}`;
  }
}

export const formatMoneyList = (list: MoneyTotal[]) => (list.length ? list.map(formatMoney).join(' · ') : '0');

export interface ChartPoint {
  day: string;
  orders: number;
  revenue: number;
}

/** One point per day of the window (zeros for days without orders); revenue in `currency` only. */
export function chartPoints(perDay: DashboardDay[], from: string, days: number, currency: string | null): ChartPoint[] {
  const start = Date.parse(from.slice(0, 10));
  const points: ChartPoint[] = [];
  for (let i = 0; i < days; i += 1) {
    const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    const rows = perDay.filter((d) => d.day === day);
    points.push({
      day: day.slice(5),
      orders: rows.reduce((n, d) => n + d.orders, 0),
      revenue: Math.round(rows.filter((d) => d.currency === currency).reduce((n, d) => n + Number(d.revenue), 0) * 100) / 100,
    });
  }
  return points;
}

/** The currency with the most revenue, for the chart. */
export function mainCurrency(revenue: MoneyTotal[]): string | null {
  return [...revenue].sort((a, b) => Number(b.value) - Number(a.value))[0]?.currency ?? null;
}

export function formatTime(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : '-';
}
