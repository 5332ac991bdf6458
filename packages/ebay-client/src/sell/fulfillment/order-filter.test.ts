import { describe, expect, it } from 'vitest';
import { buildDisputeQuery, buildGetOrdersQuery } from './fulfillment.client';
import { buildOrderFilter, formatDateRange } from './order-filter';

describe('buildOrderFilter', () => {
  it('builds creation date ranges, open-ended ranges and status sets', () => {
    expect(
      buildOrderFilter({
        creationDate: { from: new Date('2025-01-01T00:00:00Z'), to: '2025-01-31T23:59:59.999Z' },
        fulfillmentStatus: 'NOT_STARTED|IN_PROGRESS',
      }),
    ).toBe('creationdate:[2025-01-01T00:00:00.000Z..2025-01-31T23:59:59.999Z],orderfulfillmentstatus:{NOT_STARTED|IN_PROGRESS}');
    expect(buildOrderFilter({ lastModifiedDate: { from: '2025-03-01T10:00:00+02:00' } })).toBe(
      'lastmodifieddate:[2025-03-01T08:00:00.000Z..]',
    );
    expect(buildOrderFilter({})).toBeUndefined();
  });

  it('refuses combinations eBay would silently ignore, and bad ranges', () => {
    expect(() =>
      buildOrderFilter({ creationDate: { from: '2025-01-01' }, lastModifiedDate: { from: '2025-01-01' } }),
    ).toThrow(TypeError);
    expect(() => formatDateRange({ from: '2025-02-01', to: '2025-01-01' })).toThrow(RangeError);
    expect(() => formatDateRange({ from: 'not a date' })).toThrow(TypeError);
  });
});

describe('buildGetOrdersQuery', () => {
  it('maps params to eBay query names', () => {
    expect(
      buildGetOrdersQuery({ limit: 200, offset: 400, fieldGroups: ['TAX_BREAKDOWN'], orderIds: ['1-2', '3-4'] }),
    ).toEqual({ filter: undefined, limit: 200, offset: 400, orderIds: '1-2,3-4', fieldGroups: 'TAX_BREAKDOWN' });
  });

  it('validates limit and orderIds', () => {
    expect(() => buildGetOrdersQuery({ limit: 201 })).toThrow(RangeError);
    expect(() => buildGetOrdersQuery({ limit: 0 })).toThrow(RangeError);
    expect(() => buildGetOrdersQuery({ orderIds: Array.from({ length: 51 }, (_, i) => String(i)) })).toThrow(
      RangeError,
    );
  });

  it('builds dispute queries with repeated statuses', () => {
    expect(buildDisputeQuery({ statuses: ['OPEN', 'ACTION_NEEDED'], openDateFrom: '2025-01-01T00:00:00Z' })).toMatchObject({
      payment_dispute_status: ['OPEN', 'ACTION_NEEDED'],
      open_date_from: '2025-01-01T00:00:00.000Z',
    });
  });
});
