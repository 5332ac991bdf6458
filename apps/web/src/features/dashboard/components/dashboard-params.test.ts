import { describe, expect, it } from 'vitest';
import { readDashboardParams } from './dashboard-params';

const read = (query: string) => readDashboardParams(new URLSearchParams(query));
const id = '0b0e1c2d-3f4a-4b5c-8d6e-7f8091a2b3c4';

describe('dashboard URL', () => {
  it('reads the period, the account and the chart currency back from the query string', () => {
    expect(read(`days=90&accountId=${id}&currency=GBP`)).toEqual({ days: 90, accountId: id, currency: 'GBP' });
  });

  it('starts on 30 days of every account, and ignores what the page does not offer', () => {
    expect(read('')).toEqual({ days: 30, accountId: '', currency: null });
    expect(read('days=45&accountId=nope&currency=<b>')).toEqual({ days: 30, accountId: '', currency: null });
    expect(read('days=365')).toMatchObject({ days: 365 });
    expect(read('currency=')).toMatchObject({ currency: '' });
  });
});
