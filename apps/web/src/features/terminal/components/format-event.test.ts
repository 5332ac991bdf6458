import { describe, expect, it } from 'vitest';
import { formatEvent } from './format-event';

const base = { id: '7', createdAt: '2025-03-01T12:34:56.789Z', accountId: 'a1', runId: null };

describe('formatEvent', () => {
  it('shows a call with method, operation, status, duration and its ledger id', () => {
    const line = formatEvent({
      ...base,
      type: 'ebay.call',
      data: { callId: '42', api: 'identity', operation: 'refreshToken', method: 'POST', status: 200, durationMs: 12, attempt: 1, ebayErrorId: null },
    });
    expect(line).toMatchObject({ time: '2025-03-01 12:34:56.789', text: 'POST  identity refreshToken  200  12 ms', tone: 'ok', callId: '42' });
  });

  it("shows eBay's request id of a failed call, not of a successful one", () => {
    const data = { method: 'GET', api: 'sell.fulfillment', operation: 'getOrders', durationMs: 5, ebayRequestId: 'ri=abc,rci=def' };
    expect(formatEvent({ ...base, type: 'ebay.call', data: { ...data, status: 500, ebayErrorId: 2003 } }).text).toBe(
      'GET  sell.fulfillment getOrders  500  5 ms  eBay error 2003  eBay request ri=abc,rci=def',
    );
    expect(formatEvent({ ...base, type: 'ebay.call', data: { ...data, status: 200 } }).text).toBe(
      'GET  sell.fulfillment getOrders  200  5 ms',
    );
  });

  it('colours 4xx yellow and failures without a status red', () => {
    expect(formatEvent({ ...base, type: 'ebay.call', data: { status: 429, durationMs: 1 } }).tone).toBe('warn');
    expect(formatEvent({ ...base, type: 'ebay.call', data: { status: null, durationMs: 1 } })).toMatchObject({ tone: 'error' });
    expect(formatEvent({ ...base, type: 'ebay.call', data: { method: 'GET', api: 'identity', operation: 'getUser', status: null, errorKind: 'network', durationMs: 1 } })).toMatchObject({
      text: 'GET  identity getUser  network error  1 ms',
      tone: 'error',
    });
  });

  it('shows a call ended by STOP or a shutdown as aborted, greyed, not as a network error', () => {
    const data = { method: 'GET', api: 'sell.fulfillment', operation: 'getOrders', durationMs: 80, status: null, errorKind: 'aborted' };
    expect(formatEvent({ ...base, type: 'ebay.call', data })).toMatchObject({
      text: 'GET  sell.fulfillment getOrders  aborted  80 ms',
      tone: 'muted',
    });
  });

  it('shows sync counters and status changes', () => {
    const progress = formatEvent({
      ...base,
      type: 'sync.progress',
      data: { resource: 'orders', mode: 'full', counters: { calls: 3, pages: 2 }, total: 10 },
    });
    expect(progress.text).toBe('orders  full  calls=3 pages=2  total=10');
    expect(formatEvent({ ...base, type: 'account.status', data: { status: 'reauth_required', reason: 'x' } })).toMatchObject({
      text: 'status → reauth_required  (x)',
      tone: 'warn',
    });
  });
});
