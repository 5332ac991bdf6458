import { describe, expect, it } from 'vitest';
import { apiQueryFromParams, csvHref, dateRangeError, dayToIso, nextSort, withQuery, type FilterField } from './query-string';

const fields: FilterField[] = [
  { param: 'q', label: 'Search', kind: 'text' },
  { param: 'fulfillmentStatus', label: 'Fulfillment', kind: 'select', options: ['FULFILLED'] },
  { param: 'from', label: 'From', kind: 'dateFrom' },
  { param: 'to', label: 'To', kind: 'dateTo' },
];

describe('dayToIso', () => {
  it('starts the UTC day, or the next one for an inclusive end', () => {
    expect(dayToIso('2024-02-28', 'start')).toBe('2024-02-28T00:00:00.000Z');
    expect(dayToIso('2024-02-28', 'end')).toBe('2024-02-29T00:00:00.000Z');
    expect(dayToIso('2024-12-31', 'end')).toBe('2025-01-01T00:00:00.000Z');
  });
  it('rejects anything but a day', () => {
    expect(dayToIso('yesterday', 'start')).toBeUndefined();
    expect(dayToIso('', 'end')).toBeUndefined();
  });
});

describe('apiQueryFromParams', () => {
  it('keeps known filters, trims text, converts days and drops the rest', () => {
    const params = new URLSearchParams(
      'q=%20abc%20&fulfillmentStatus=FULFILLED&from=2024-01-02&to=bad&sort=creationDate&order=asc&accountId=a&other=x&id=1',
    );
    expect(apiQueryFromParams(params, fields)).toEqual({
      q: 'abc',
      fulfillmentStatus: 'FULFILLED',
      from: '2024-01-02T00:00:00.000Z',
      sort: 'creationDate',
      order: 'asc',
      accountId: 'a',
    });
  });
  it('answers an empty query for an empty URL', () => {
    expect(apiQueryFromParams(new URLSearchParams(), fields)).toEqual({});
  });
});

describe('withQuery and csvHref', () => {
  it('sorts keys, skips empty values and encodes', () => {
    expect(withQuery('/api/orders', { q: 'a b', accountId: 'x', sku: '' })).toBe('/api/orders?accountId=x&q=a+b');
    expect(withQuery('/api/orders', {})).toBe('/api/orders');
  });
  it('exports every row: no cursor or limit', () => {
    expect(csvHref('/api/orders', { q: '1', cursor: 'c', limit: '50' })).toBe('/api/orders.csv?q=1');
    expect(csvHref('/api/finances/payouts', {})).toBe('/api/finances/payouts.csv');
  });
});

describe('nextSort', () => {
  it('flips the active column and starts a new one descending', () => {
    expect(nextSort({ sort: undefined, order: 'desc' }, 'creationDate', 'creationDate')).toEqual({
      sort: 'creationDate',
      order: 'asc',
    });
    expect(nextSort({ sort: 'creationDate', order: 'asc' }, 'lastModifiedDate', 'creationDate')).toEqual({
      sort: 'lastModifiedDate',
      order: 'desc',
    });
  });
});

describe('dateRangeError', () => {
  it('marks the end of a range that starts after it ends', () => {
    expect(dateRangeError({ from: '2024-03-02', to: '2024-03-01' }, fields)).toEqual({
      param: 'to',
      message: 'Must be on or after “From” (2024-03-02)',
    });
  });
  it('accepts a one-day range, an open range and lists without dates', () => {
    expect(dateRangeError({ from: '2024-03-01', to: '2024-03-01' }, fields)).toBeNull();
    expect(dateRangeError({ from: '2024-03-02' }, fields)).toBeNull();
    expect(dateRangeError({ to: '2024-03-01' }, fields)).toBeNull();
    expect(dateRangeError({ from: '2024-03-02', to: '2024-03-01' }, fields.slice(0, 2))).toBeNull();
  });
});
