import { describe, expect, it } from 'vitest';
import { eventsUrl, streamStart } from './event-stream';

const account = '7d3c2f1e-0000-4000-8000-000000000001';
const other = '7d3c2f1e-0000-4000-8000-000000000002';
const run = '7d3c2f1e-0000-4000-8000-0000000000aa';

describe('event stream start', () => {
  it('starts the first stream with the kept events, filtered or not', () => {
    expect(streamStart({}, null)).toBe('0');
    expect(streamStart({ runId: run }, null)).toBe('0');
    expect(streamStart({ accountId: account }, null)).toBe('0');
    expect(streamStart({ types: 'ebay.call' }, null)).toBe('0');
  });

  it('replays the kept events of a new account, type or run filter', () => {
    const seen = { filters: {}, lastEventId: '42' };
    expect(streamStart({ accountId: account }, seen)).toBe('0');
    expect(streamStart({ types: 'sync.finished' }, seen)).toBe('0');
    expect(streamStart({ accountId: other }, { filters: { accountId: account }, lastEventId: '42' })).toBe(
      '0',
    );
    expect(
      streamStart(
        { accountId: account },
        { filters: { accountId: account, types: 'ebay.call' }, lastEventId: '42' },
      ),
    ).toBe('0');
    // Back to no filter at all: what the server kept for every account, too.
    expect(streamStart({}, { filters: { accountId: account }, lastEventId: '42' })).toBe('0');
  });

  it('resumes after the last event when the same filter reconnects', () => {
    expect(streamStart({ accountId: account }, { filters: { accountId: account }, lastEventId: '42' })).toBe(
      '42',
    );
    expect(streamStart({}, { filters: {}, lastEventId: null })).toBeNull();
    expect(streamStart({ accountId: undefined }, { filters: {}, lastEventId: '7' })).toBe('7');
  });

  it('puts the filters and the start in the URL', () => {
    expect(eventsUrl({ accountId: account, types: 'ebay.call' }, '0')).toBe(
      `/api/ebay/events?accountId=${account}&types=ebay.call&tail=2000`,
    );
    expect(eventsUrl({ runId: run }, '42')).toBe(`/api/ebay/events?runId=${run}&lastEventId=42`);
    expect(eventsUrl({}, null)).toBe('/api/ebay/events');
  });
});
