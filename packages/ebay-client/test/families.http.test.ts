import { createHash, createPublicKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EbayApiError, publicKeyToPem, type EbayCallRecord } from '../src/index';
import { connectAccount, control, DEFAULT_APP, startTestEmulator, type ConnectedAccount, type Emulator } from './emulator.helpers';

let emu: Emulator;
let account: ConnectedAccount;

const DAY = 24 * 60 * 60 * 1000;

interface Truth {
  count: number;
  checksum: string;
}

/** The emulator's own count/checksum of what a complete sync must return. */
async function truth(resource: string): Promise<Truth> {
  return (await control(emu, 'GET', `/sellers/${encodeURIComponent(account.seller)}/truth?resource=${resource}`)) as Truth;
}

const sha256Lines = (lines: string[]) =>
  createHash('sha256')
    .update([...lines].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join('\n'))
    .digest('hex');

async function failure(promise: Promise<unknown>): Promise<EbayApiError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof EbayApiError) return err;
    throw err;
  }
  throw new Error('expected an EbayApiError');
}

beforeAll(async () => {
  emu = await startTestEmulator({ ordersPerSeller: 260, inventoryItems: 60 });
  account = await connectAccount(emu);
}, 30_000);

afterAll(async () => {
  await emu.close();
});

describe('identity', () => {
  it('getUser returns the consented seller', async () => {
    const user = await account.client.identity.getUser();
    expect(user.username).toBe(account.seller);
    expect(user.userId).toBeTruthy();
    expect(['BUSINESS', 'INDIVIDUAL']).toContain(user.accountType);
  });
});

describe('fulfillment', () => {
  it('pages getOrders to the end and matches the emulator truth', async () => {
    const lines: string[] = [];
    let pages = 0;
    let reportedTotal = -1;
    for await (const page of account.client.fulfillment.iterateOrders({
      creationDate: { from: new Date(Date.now() - 729 * DAY) },
      limit: 50,
    })) {
      pages += 1;
      reportedTotal = page.total;
      for (const order of page.orders) lines.push(`${order.orderId}|${order.lastModifiedDate ?? ''}`);
    }
    const expected = await truth('orders');
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines.length).toBe(expected.count);
    expect(reportedTotal).toBe(expected.count);
    expect(pages).toBe(Math.ceil(expected.count / 50));
    expect(sha256Lines(lines)).toBe(expected.checksum);
  });

  it('filters by fulfillment status and fetches one order with its raw fields', async () => {
    const page = await account.client.fulfillment.getOrders({
      creationDate: { from: new Date(Date.now() - 700 * DAY) },
      fulfillmentStatus: 'NOT_STARTED|IN_PROGRESS',
      limit: 10,
    });
    for (const o of page.orders) expect(['NOT_STARTED', 'IN_PROGRESS']).toContain(o.orderFulfillmentStatus);
    const any = await account.client.fulfillment.getOrders({ limit: 1 });
    const first = any.orders[0];
    expect(first).toBeDefined();
    if (first === undefined) return;
    const order = await account.client.fulfillment.getOrder(first.orderId);
    expect(order.orderId).toBe(first.orderId);
    expect(typeof order.pricingSummary?.total?.value).toBe('string');
    expect(Array.isArray(order.cancelStatus?.cancelRequests ?? [])).toBe(true);
  });

  it('maps an unknown order to not_found / invalid_request with eBay ids', async () => {
    const err = await failure(account.client.fulfillment.getOrder('00-00000-00000'));
    expect(['not_found', 'invalid_request']).toContain(err.kind);
    expect(err.errorId).not.toBeNull();
    expect(err.requestId).toBeTruthy();
  });

  it('walks payment disputes in 90-day windows on the apiz host and matches the truth', async () => {
    const lines: string[] = [];
    const now = Date.now();
    for (let from = now - 540 * DAY; from < now; from += 90 * DAY) {
      const to = Math.min(from + 90 * DAY - 1, now);
      for await (const page of account.client.fulfillment.iteratePaymentDisputeSummaries({
        openDateFrom: new Date(from),
        openDateTo: new Date(to),
        limit: 2,
      })) {
        for (const d of page.paymentDisputeSummaries) lines.push(`${d.paymentDisputeId}|${d.paymentDisputeStatus ?? ''}`);
      }
    }
    const expected = await truth('disputes');
    expect(lines.length).toBe(expected.count);
    expect(sha256Lines(lines)).toBe(expected.checksum);
    const firstId = lines[0]?.split('|')[0];
    if (firstId !== undefined) {
      const dispute = await account.client.fulfillment.getPaymentDispute(firstId);
      expect(dispute.paymentDisputeId).toBe(firstId);
      const calls = account.calls.filter((c) => c.operation === 'getPaymentDispute');
      expect(calls.at(-1)?.url.startsWith(emu.url)).toBe(true);
    }
  });
});

describe('finances', () => {
  it('walks all transactions of the history window', async () => {
    const lines: string[] = [];
    let limited = false;
    for await (const page of account.client.finances.iterateTransactions({
      transactionDate: { from: new Date(Date.now() - 729 * DAY), to: new Date() },
      limit: 200,
    })) {
      limited ||= page.offsetLimitReached;
      for (const t of page.transactions) lines.push(`${t.transactionType}|${t.transactionId}|${t.transactionDate}`);
    }
    const expected = await truth('transactions');
    expect(limited).toBe(false);
    expect(lines.length).toBe(expected.count);
    expect(sha256Lines(lines)).toBe(expected.checksum);
  });

  it('turns 204 No Content into an empty page', async () => {
    const start = new Date(Date.now() - 4 * 365 * DAY);
    const page = await account.client.finances.getTransactions({
      transactionDate: { from: start, to: new Date(start.getTime() + DAY) },
    });
    expect(page.transactions).toEqual([]);
    expect(page.total).toBe(0);
    const calls = account.calls.filter((c: EbayCallRecord) => c.operation === 'getTransactions');
    expect(calls.at(-1)?.status).toBe(204);
  });

  it('walks all payouts', async () => {
    const ids: string[] = [];
    for await (const page of account.client.finances.iteratePayouts({ limit: 50 })) {
      ids.push(...page.payouts.map((p) => p.payoutId));
    }
    const expected = await truth('payouts');
    expect(ids.length).toBe(expected.count);
    expect(sha256Lines(ids)).toBe(expected.checksum);
  });
});

describe('inventory', () => {
  it('follows next through every inventory item and reads offers of a SKU', async () => {
    const lines: string[] = [];
    for await (const page of account.client.inventory.iterateInventoryItems({ limit: 25 })) {
      for (const item of page.inventoryItems) {
        lines.push(`${item.sku}|${item.availability?.shipToLocationAvailability?.quantity ?? ''}`);
      }
    }
    const expected = await truth('inventory');
    expect(lines.length).toBe(expected.count);
    expect(sha256Lines(lines)).toBe(expected.checksum);

    const sku = lines[0]?.split('|')[0] ?? '';
    const offers = await account.client.inventory.getOffers(sku);
    expect(offers.offers.length).toBeLessThanOrEqual(2);
    for (const offer of offers.offers) expect(offer.sku).toBe(sku);
  });
});

describe('messages', () => {
  it('lists REST conversations and reads one', async () => {
    let first: string | undefined;
    let count = 0;
    for await (const page of account.client.message.iterateConversations({ conversationType: 'FROM_MEMBERS', limit: 10 })) {
      count += page.conversations.length;
      first ??= page.conversations[0]?.conversationId;
    }
    expect(count).toBeGreaterThan(0);
    if (first === undefined) return;
    const detail = await account.client.message.getConversation(first, { conversationType: 'FROM_MEMBERS' });
    expect(detail.messages.length).toBeGreaterThan(0);
  });

  it('lists Trading message headers, then bodies by batches of 10 ids', async () => {
    const ids: string[] = [];
    for await (const page of account.client.trading.iterateMyMessagesHeaders({ entriesPerPage: 25 })) {
      expect(page.ack).not.toBe('Failure');
      ids.push(...page.messages.map((m) => m.MessageID));
      for (const m of page.messages) expect(m.Text).toBeUndefined();
    }
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    const batch = ids.slice(0, 10);
    const full = await account.client.trading.getMyMessagesByIds(batch);
    expect(full.messages.map((m) => m.MessageID).sort()).toEqual([...batch].sort());
    const one = await account.client.trading.getMyMessagesByIds(ids.slice(0, 1));
    expect(one.messages).toHaveLength(1);
    await expect(account.client.trading.getMyMessagesByIds(ids.slice(0, 11))).rejects.toThrow(RangeError);
  });

  it('reads the WonList through GetMyeBayBuying', async () => {
    let pages = 0;
    for await (const page of account.client.trading.iterateWonList({ durationInDays: 60, entriesPerPage: 10 })) {
      pages += 1;
      expect(Array.isArray(page.orderTransactions)).toBe(true);
    }
    expect(pages).toBeGreaterThan(0);
  });

  it('maps an invalid IAF token to an auth error', async () => {
    const client = account.client.withAccount({ getAccessToken: () => Promise.resolve('v^1.1#bad-trading-token') });
    const err = await failure(client.trading.getMyMessagesHeaders());
    expect(err).toMatchObject({ kind: 'auth', errorId: 21916984, domain: 'Trading' });
  });
});

describe('developer analytics and notification', () => {
  it('reads application and user rate limits', async () => {
    const app = await account.client.analytics.getRateLimits();
    expect(app.rateLimits.length).toBeGreaterThan(0);
    const user = await account.client.analytics.getUserRateLimits();
    expect(Array.isArray(user.rateLimits)).toBe(true);
    const rate = app.rateLimits[0]?.resources?.[0]?.rates?.[0];
    expect(typeof rate?.limit).toBe('number');
  });

  it('fetches a notification public key with an application token', async () => {
    const key = await account.client.notification.getPublicKey(emu.state.signingKey.kid);
    expect(key).toMatchObject({ algorithm: 'ECDSA', digest: 'SHA1' });
    const parsed = createPublicKey(publicKeyToPem(key.key));
    expect(parsed.asymmetricKeyType).toBe('ec');
  });

  it('maps an unknown notification key id to not_found', async () => {
    const err = await failure(account.client.notification.getPublicKey('00000000-0000-0000-0000-000000000000'));
    expect(err).toMatchObject({ kind: 'not_found', status: 404 });
  });
});

describe('onCall redaction', () => {
  it('never exposes a token or secret in any recorded attempt', () => {
    expect(account.calls.length).toBeGreaterThan(20);
    const dump = JSON.stringify(account.calls);
    for (const secret of [account.accessToken, account.refreshToken]) {
      expect(dump).not.toContain(secret);
      expect(dump).not.toContain(secret.slice(0, 40));
      expect(dump).not.toContain(encodeURIComponent(secret).slice(0, 40));
    }
    expect(dump).not.toMatch(/v\^1\.1#i\^1/);
    expect(dump).not.toContain(DEFAULT_APP.clientSecret);
    const apis = new Set(account.calls.map((c) => c.api));
    for (const api of ['oauth', 'commerce.identity', 'sell.fulfillment', 'sell.finances', 'sell.inventory', 'trading', 'commerce.message', 'developer.analytics', 'commerce.notification']) {
      expect(apis).toContain(api);
    }
  });
});
