import { isUuid } from '../../../lib/uuid';
/** The periods the dashboard offers, in days. */
export const periods = [7, 30, 90, 365] as const;
export const defaultPeriod = 30;


export interface DashboardParams {
  days: number;
  /** '' for every account. */
  accountId: string;
  /** The currency picked in the chart, kept while the period or account has orders in it. */
  currency: string | null;
}

/**
 * The period, account and chart currency as the page's URL has them (`/dashboard?days=90&accountId=…&currency=GBP`),
 * so that a reload, Back or a shared link shows the same figures. Anything the page does not offer reads as unset.
 */
export function readDashboardParams(params: URLSearchParams): DashboardParams {
  const days = Number(params.get('days'));
  const accountId = params.get('accountId') ?? '';
  const currency = params.get('currency');
  return {
    days: (periods as readonly number[]).includes(days) ? days : defaultPeriod,
    accountId: isUuid(accountId) ? accountId : '',
    // '' picks the orders without a currency.
    currency: currency !== null && /^([A-Z]{3})?$/.test(currency) ? currency : null,
  };
}
