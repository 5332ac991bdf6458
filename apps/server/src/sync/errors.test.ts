import { EbayApiError } from '@ebay-connector/ebay-client';
import { describe, expect, it } from 'vitest';
import { classifyFailure, LONGEST_RETRY_WAIT_MS } from './errors';

const rateLimited = (retryAfterMs: number | null) =>
  new EbayApiError({ kind: 'rate_limited', message: 'Too many requests.', status: 429, retryAfterMs });

describe('classifyFailure', () => {
  it('retries a 429 that asks for a short wait, or for none', () => {
    expect(classifyFailure(rateLimited(null))).toMatchObject({
      kind: 'transient',
      code: 'ebay_rate_limited',
    });
    expect(classifyFailure(rateLimited(1000))).toMatchObject({
      kind: 'transient',
      code: 'ebay_rate_limited',
    });
    expect(classifyFailure(rateLimited(LONGEST_RETRY_WAIT_MS))).toMatchObject({ kind: 'transient' });
  });

  it('fails at once when eBay asks to wait longer than every retry spans (a used-up daily quota)', () => {
    const failure = classifyFailure(rateLimited(20 * 3600_000));
    expect(failure).toEqual({
      kind: 'fatal',
      code: 'ebay_rate_limited',
      message: "Too many requests. eBay's call limit is used up; it accepts calls again in about 20 h",
    });
  });
});
