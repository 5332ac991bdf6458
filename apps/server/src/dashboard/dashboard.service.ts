import type { DashboardResponse, MoneyTotal } from '@ebay-connector/contract';
import type { Db } from '../platform/database';
import {
  awaitingShipment,
  feesSince,
  findAccounts,
  lastPayout,
  lastRunPerResource,
  openDisputes,
  ordersPerDay,
  payoutsSince,
  unreadMessages,
  type MoneyRow,
} from './dashboard.repository';

const DAY_MS = 86_400_000;
/** eBay asks sellers to reconnect before the refresh token expires; warn from this many days before. */
const REFRESH_WARNING_DAYS = 30;

export type DashboardResult = { ok: true; value: DashboardResponse } | { ok: false; code: 'account_not_found' };

const money = (rows: MoneyRow[]): MoneyTotal[] => rows.map((r) => ({ currency: r.currency, value: r.value }));

/** Sums decimal strings with two fraction digits exactly (in cents, as bigint). */
function addDecimal(a: string, b: string): string {
  const cents = (v: string) => {
    const negative = v.startsWith('-');
    const [whole = '0', frac = ''] = v.replace('-', '').split('.');
    const c = BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2));
    return negative ? -c : c;
  };
  const total = cents(a) + cents(b);
  const abs = total < 0n ? -total : total;
  return `${total < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** Figures of the synced data over the last `days` days, for one account or all of them. */
export async function buildDashboard(
  db: Db,
  input: { accountId: string | null; days: number; now?: Date },
): Promise<DashboardResult> {
  const now = input.now ?? new Date();
  const accounts = await findAccounts(db, input.accountId);
  if (input.accountId && accounts.length === 0) return { ok: false, code: 'account_not_found' };
  const ids = accounts.map((a) => a.id);
  // Whole UTC days: today plus the `days - 1` days before it.
  const from = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - (input.days - 1) * DAY_MS);

  const [perDay, fees, payouts, last, disputes, unread, runs, awaiting] = ids.length
    ? await Promise.all([
        ordersPerDay(db, ids, from),
        feesSince(db, ids, from),
        payoutsSince(db, ids, from),
        lastPayout(db, ids),
        openDisputes(db, ids),
        unreadMessages(db, ids),
        lastRunPerResource(db, ids),
        awaitingShipment(db, ids),
      ])
    : [[], [], [], undefined, 0, 0, [], 0];

  const revenue = new Map<string, string>();
  for (const d of perDay) revenue.set(d.currency, addDecimal(revenue.get(d.currency) ?? '0', d.revenue));

  const value: DashboardResponse = {
    accountId: input.accountId,
    days: input.days,
    from: from.toISOString(),
    to: now.toISOString(),
    accounts: accounts.map((a) => ({ id: a.id, label: a.label, username: a.username })),
    orders: {
      count: perDay.reduce((n, d) => n + d.orders, 0),
      revenue: [...revenue].map(([currency, v]) => ({ currency, value: v })),
      perDay: perDay.map((d) => ({ day: d.day, currency: d.currency, orders: d.orders, revenue: d.revenue })),
      awaitingShipment: awaiting,
    },
    fees: money(fees),
    payouts: {
      total: money(payouts),
      count: payouts.reduce((n, p) => n + p.n, 0),
      last: last
        ? {
            payoutId: last.payout_id,
            date: last.payout_date.toISOString(),
            status: last.payout_status,
            amount:
              last.amount_value !== null ? { currency: last.amount_currency ?? '', value: last.amount_value } : null,
          }
        : null,
    },
    openDisputes: disputes,
    unreadMessages: unread,
    lastSyncs: runs.map((r) => ({
      accountId: r.account_id,
      resource: r.resource as DashboardResponse['lastSyncs'][number]['resource'],
      runId: r.id,
      status: r.status as DashboardResponse['lastSyncs'][number]['status'],
      startedAt: r.started_at?.toISOString() ?? null,
      finishedAt: r.finished_at?.toISOString() ?? null,
      errorCode: r.error_code,
    })),
    tokenHealth: accounts.map((a) => {
      const msLeft = a.refresh_expires_at ? a.refresh_expires_at.getTime() - now.getTime() : null;
      return {
        accountId: a.id,
        label: a.label,
        username: a.username,
        status: a.status,
        accessExpiresAt: a.expires_at?.toISOString() ?? null,
        refreshExpiresAt: a.refresh_expires_at?.toISOString() ?? null,
        refreshWarningDaysLeft:
          msLeft !== null && msLeft <= REFRESH_WARNING_DAYS * DAY_MS ? Math.max(0, Math.floor(msLeft / DAY_MS)) : null,
        lastRefreshError: a.last_refresh_error,
      };
    }),
  };
  return { ok: true, value };
}
