import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index';
import { FIXED_NOW, connectSeller, control, startTestEmulator } from './helpers/emulator.helper';

/**
 * Without live activity (`liveOrdersPerDay` 0) the history holds still at its anchor whatever the clock does: the
 * truth checksums and the synced data of the server's tests are compared with it. These are the exact answers
 * (sha256 of each body, the origin replaced) of a representative set of calls, recorded before the live activity
 * realized fated events, with version 2 of the history's generator (`HISTORY_GENERATOR`: the orders' creation times);
 * any change to them is a change of the history.
 */
const EXPECTED: Record<string, string> = {
  'GetMyMessages headers': '7d1fda50b9cfc60c',
  'GetMyMessages summary': '3f7cb9ad65f2c273',
  'conversation': 'c67640e19dc0bb23',
  'conversations': '65167d279aeaea6f',
  'conversations since': '1bf91e4e3c164f1f',
  'dispute detail': '501190ff959078f3',
  'disputes': 'be8e804334c0d8b6',
  'getOrder': '5181165da00f6949',
  'orders by creation': '4a3469255f1d32cb',
  'orders by lastModified': 'd06008f5f81ef3a6',
  'orders not shipped': '236c3d339147684b',
  'orders shipped lately': '875d9d95434de1df',
  'payouts': '10bc8b83c59b46a1',
  'refunds and disputes': 'ce4174f39c7b091e',
  'transactions': '5456ffb247cf3b91',
  'truth conversations': '6fddca56bc237ea3',
  'truth disputes': '5a4386a38982e115',
  'truth messages': 'e420dd81fc161aa2',
  'truth orders': 'd12637d416976020',
  'truth payouts': '45d66906213e967e',
  'truth transactions': '5bfc6da78d42b0f0',
};

let emu: RunningEmulator;
let token: string;
const ANCHOR = Date.parse(FIXED_NOW);
const DAY_MS = 86_400_000;

beforeAll(async () => {
  emu = await startTestEmulator({ ordersPerSeller: 3000, historyDays: 120, sellers: 1, liveOrdersPerDay: 0, accessTokenLifetimeSeconds: 30 * 86_400 });
  token = (await connectSeller(emu.url, 'vintage.vault_us')).access_token;
  // Changes through the control API at the anchor, then a clock five days ahead: nothing of the history moves.
  await control(emu.url, 'POST', '/sellers/1/orders', { count: 3 });
  await control(emu.url, 'POST', '/sellers/1/orders/modify', { count: 6 });
  await control(emu.url, 'POST', '/sellers/1/messages', { count: 2 });
  await control(emu.url, 'POST', '/clock/advance', { seconds: 5 * 86_400 });
});
afterAll(async () => {
  await emu.close();
});

async function body(path: string, init: RequestInit = {}): Promise<string> {
  const res = await fetch(`${emu.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string> | undefined) } });
  return `${res.status}\n${(await res.text()).split(emu.url).join('<origin>')}`;
}

function trading(detail: string): RequestInit {
  return {
    method: 'POST',
    headers: {
      'content-type': 'text/xml',
      'X-EBAY-API-CALL-NAME': 'GetMyMessages',
      'X-EBAY-API-SITEID': '0',
      'X-EBAY-API-COMPATIBILITY-LEVEL': '967',
      'X-EBAY-API-IAF-TOKEN': token,
    },
    body: `<?xml version="1.0" encoding="utf-8"?><GetMyMessagesRequest xmlns="urn:ebay:apis:eBLBaseComponents"><DetailLevel>${detail}</DetailLevel><Pagination><EntriesPerPage>200</EntriesPerPage></Pagination></GetMyMessagesRequest>`,
  };
}

const q = (filter: string): string => encodeURIComponent(filter);
const iso = (t: number): string => new Date(t).toISOString();

describe('without live activity the history holds still', () => {
  it('answers exactly as before, days after the anchor', async () => {
    const answers: Record<string, string> = {};
    const orders = '/sell/fulfillment/v1/order';
    const recentOrders = await body(`${orders}?limit=200&filter=${q(`creationdate:[${iso(ANCHOR - 20 * DAY_MS)}..]`)}`);
    answers['orders by creation'] = recentOrders;
    answers['orders by lastModified'] = await body(`${orders}?limit=200&filter=${q(`lastmodifieddate:[${iso(ANCHOR - 6 * DAY_MS)}..]`)}`);
    answers['orders not shipped'] = await body(`${orders}?limit=200&filter=${q('orderfulfillmentstatus:{NOT_STARTED|IN_PROGRESS}')}`);
    answers['orders shipped lately'] = await body(`${orders}?limit=200&offset=100&filter=${q(`creationdate:[${iso(ANCHOR - 40 * DAY_MS)}..],orderfulfillmentstatus:{FULFILLED|IN_PROGRESS}`)}`);
    const ids = [...recentOrders.matchAll(/"orderId":"([0-9-]+)"/g)].map((m) => m[1] ?? '');
    const single = await Promise.all([...new Set(ids)].slice(-60).map((id) => body(`${orders}/${id}`)));
    answers['getOrder'] = single.join('\n');
    const tx = '/sell/finances/v1/transaction';
    answers['transactions'] = await body(`${tx}?limit=1000&filter=${q(`transactionDate:[${iso(ANCHOR - 30 * DAY_MS)}..${iso(ANCHOR + 5 * DAY_MS)}]`)}`);
    answers['refunds and disputes'] = await body(`${tx}?limit=1000&filter=${q('transactionType:{REFUND|DISPUTE}')}`);
    answers['payouts'] = await body('/sell/finances/v1/payout?limit=200');
    const disputes = await body('/sell/fulfillment/v1/payment_dispute_summary');
    answers['disputes'] = disputes;
    const disputeIds = [...disputes.matchAll(/"paymentDisputeId":"(\d+)"/g)].map((m) => m[1] ?? '').slice(-5);
    answers['dispute detail'] = (await Promise.all(disputeIds.map((id) => body(`/sell/fulfillment/v1/payment_dispute/${id}`)))).join('\n');
    const conversations = await body('/commerce/message/v1/conversation?conversation_type=FROM_MEMBERS&limit=50');
    answers['conversations'] = conversations;
    answers['conversations since'] = await body(`/commerce/message/v1/conversation?conversation_type=FROM_MEMBERS&limit=50&start_time=${iso(ANCHOR - 10 * DAY_MS)}`);
    const conversationIds = [...conversations.matchAll(/"conversationId":"(\d+)"/g)].map((m) => m[1] ?? '').slice(0, 5);
    answers['conversation'] = (await Promise.all(conversationIds.map((id) => body(`/commerce/message/v1/conversation/${id}?conversation_type=FROM_MEMBERS`)))).join('\n');
    answers['GetMyMessages summary'] = (await body('/ws/api.dll', trading('ReturnSummary'))).replace(/<Timestamp>[^<]*<\/Timestamp>/, '');
    answers['GetMyMessages headers'] = (await body('/ws/api.dll', trading('ReturnHeaders'))).replace(/<Timestamp>[^<]*<\/Timestamp>/, '');
    for (const resource of ['orders', 'transactions', 'payouts', 'disputes', 'messages', 'conversations']) {
      answers[`truth ${resource}`] = JSON.stringify(await control(emu.url, 'GET', `/sellers/1/truth?resource=${resource}`));
    }
    const hashes = Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, createHash('sha256').update(v).digest('hex').slice(0, 16)]));
    // Real answers, not errors (truth answers are the control API's JSON).
    expect(Object.entries(answers).filter(([, v]) => !/^(200|204)\n/.test(v) && !v.startsWith('{')).map(([k]) => k)).toEqual([]);
    expect(hashes).toEqual(EXPECTED);
  });
});
