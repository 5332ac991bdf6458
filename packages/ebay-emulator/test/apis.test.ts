import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import type { RunningEmulator } from '../src/index';
import { connectSeller, control, errorOf, get, startTestEmulator } from './helpers/emulator.helper';
import { expectSchema } from './helpers/schema.helper';
import {
  conversationSchema, conversationsPageSchema, disputeDetailSchema, disputesPageSchema, inventoryPageSchema, offersPageSchema, userSchema,
} from './schemas/rest.schemas';

let emu: RunningEmulator;
let token: string;

beforeAll(async () => {
  emu = await startTestEmulator({ ordersPerSeller: 3000, inventoryItems: 120 });
  token = (await connectSeller(emu.url, 'vintage.vault_us')).access_token;
});
afterAll(async () => {
  await emu.close();
});

async function trading(callName: string, body: string, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const res = await fetch(`${emu.url}/ws/api.dll`, {
    method: 'POST',
    headers: {
      'content-type': 'text/xml',
      'X-EBAY-API-CALL-NAME': callName,
      'X-EBAY-API-SITEID': '0',
      'X-EBAY-API-COMPATIBILITY-LEVEL': '967',
      'X-EBAY-API-IAF-TOKEN': token,
      ...headers,
    },
    body: `<?xml version="1.0" encoding="utf-8"?><${callName}Request xmlns="urn:ebay:apis:eBLBaseComponents">${body}</${callName}Request>`,
  });
  expect(res.status).toBe(200);
  const xml = await res.text();
  expect(xml).toContain('xmlns="urn:ebay:apis:eBLBaseComponents"');
  const parsed = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(xml) as Record<string, Record<string, unknown>>;
  return parsed[`${callName}Response`] ?? {};
}

describe('identity', () => {
  it('getUser', async () => {
    const r = await get(`${emu.url}/commerce/identity/v1/user/`, token);
    expectSchema(userSchema, r.body);
  });
});

describe('inventory', () => {
  it('pages inventory items with size/total/next/prev, and returns up to 2 offers per SKU', async () => {
    const skus = new Set<string>();
    let url: string | undefined = `${emu.url}/sell/inventory/v1/inventory_item?limit=50`;
    while (url) {
      const r = await get(url, token);
      expectSchema(inventoryPageSchema, r.body);
      const body = r.body as { inventoryItems: { sku: string }[]; next?: string; total: number; size: number };
      expect(body.size).toBe(body.inventoryItems.length);
      expect(body.total).toBe(120);
      for (const i of body.inventoryItems) skus.add(i.sku);
      url = body.next;
    }
    expect(skus.size).toBe(120);
    let withTwo = 0;
    for (const sku of [...skus].slice(0, 40)) {
      const r = await get(`${emu.url}/sell/inventory/v1/offer?sku=${encodeURIComponent(sku)}`, token);
      expectSchema(offersPageSchema, r.body);
      const n = (r.body as { offers: unknown[] }).offers.length;
      expect(n).toBeLessThanOrEqual(2);
      if (n === 2) withTwo += 1;
    }
    expect(withTwo).toBeGreaterThan(0);
  });

  it('getOffers without sku is 25707; bad limit is 25709', async () => {
    const r = await get(`${emu.url}/sell/inventory/v1/offer`, token);
    expect(r.status).toBe(400);
    expect(errorOf(r.body)).toMatchObject({ errorId: 25707, domain: 'API_INVENTORY' });
    const l = await get(`${emu.url}/sell/inventory/v1/inventory_item?limit=201`, token);
    expect(errorOf(l.body).errorId).toBe(25709);
  });

  it('order line items reference real SKUs and listings', async () => {
    const orders = (await get(`${emu.url}/sell/fulfillment/v1/order?limit=20`, token)).body as { orders: { lineItems: { sku: string; legacyItemId: string }[] }[] };
    const line = orders.orders[0]!.lineItems[0]!;
    const offers = (await get(`${emu.url}/sell/inventory/v1/offer?sku=${encodeURIComponent(line.sku)}`, token)).body as { offers: { listing?: { listingId: string } }[] };
    expect(offers.offers.map((o) => o.listing?.listingId)).toContain(line.legacyItemId);
  });
});

describe('payment disputes', () => {
  it('lists summaries of the last 90 days and returns the detail of each', async () => {
    const r = await get(`${emu.url}/sell/fulfillment/v1/payment_dispute_summary`, token);
    expect(r.status).toBe(200);
    expectSchema(disputesPageSchema, r.body);
    const list = (r.body as { paymentDisputeSummaries: { paymentDisputeId: string; orderId: string }[]; limit: number }).paymentDisputeSummaries;
    expect((r.body as { limit: number }).limit).toBe(200);
    expect(list.length).toBeGreaterThan(0);
    const detail = await get(`${emu.url}/sell/fulfillment/v1/payment_dispute/${list[0]!.paymentDisputeId}`, token);
    expectSchema(disputeDetailSchema, detail.body);
    const order = await get(`${emu.url}/sell/fulfillment/v1/order/${list[0]!.orderId}`, token);
    expect(order.status).toBe(200);
    const byOrder = await get(`${emu.url}/sell/fulfillment/v1/payment_dispute_summary?order_id=${list[0]!.orderId}&open_date_from=bogus`, token);
    expect(byOrder.status).toBe(400);
  });

  it('rejects ranges over 90 days, starts older than 18 months and bad statuses with 33001', async () => {
    for (const q of [
      'open_date_from=2025-01-01T00:00:00.000Z&open_date_to=2025-05-01T00:00:00.000Z',
      'open_date_from=2023-01-01T00:00:00.000Z&open_date_to=2023-02-01T00:00:00.000Z',
      'payment_dispute_status=WON',
      'limit=201',
    ]) {
      const r = await get(`${emu.url}/sell/fulfillment/v1/payment_dispute_summary?${q}`, token);
      expect(r.status).toBe(400);
      expect(errorOf(r.body).errorId).toBe(33001);
    }
  });
});

describe('REST Message API', () => {
  it('requires conversation_type, pages conversations and returns a conversation', async () => {
    const missing = await get(`${emu.url}/commerce/message/v1/conversation`, token);
    expect(errorOf(missing.body).errorId).toBe(355017);
    const tooBig = await get(`${emu.url}/commerce/message/v1/conversation?conversation_type=FROM_MEMBERS&limit=51`, token);
    expect(errorOf(tooBig.body).errorId).toBe(355009);
    const r = await get(`${emu.url}/commerce/message/v1/conversation?conversation_type=FROM_MEMBERS`, token);
    expectSchema(conversationsPageSchema, r.body);
    const body = r.body as { limit: number; total: number; conversations: { conversationId: string }[]; next?: string };
    expect(body.limit).toBe(25);
    expect(body.conversations).toHaveLength(25);
    expect(body.next).toContain('offset=25');
    const one = await get(`${emu.url}/commerce/message/v1/conversation/${body.conversations[0]!.conversationId}?conversation_type=FROM_MEMBERS`, token);
    expectSchema(conversationSchema, one.body);
    const ebay = await get(`${emu.url}/commerce/message/v1/conversation?conversation_type=FROM_EBAY`, token);
    expect((ebay.body as { total: number }).total).toBeGreaterThan(0);
  });
});

describe('Trading GetMyMessages', () => {
  it('ReturnSummary, ReturnHeaders with pagination, ReturnMessages in batches of 10', async () => {
    const summary = await trading('GetMyMessages', '<DetailLevel>ReturnSummary</DetailLevel>');
    expect(summary['Ack']).toBe('Success');
    const total = Number((summary['Summary'] as { TotalMessageCount: string }).TotalMessageCount);
    expect(total).toBeGreaterThan(0);

    const headers = await trading('GetMyMessages', '<DetailLevel>ReturnHeaders</DetailLevel><FolderID>0</FolderID><Pagination><EntriesPerPage>12</EntriesPerPage><PageNumber>1</PageNumber></Pagination>');
    const msgs = (headers['Messages'] as { Message: { MessageID: string; Text?: string }[] }).Message;
    expect(msgs).toHaveLength(12);
    expect(msgs[0]!.Text).toBeUndefined();

    const ids = msgs.slice(0, 10).map((m) => `<MessageID>${m.MessageID}</MessageID>`).join('');
    const full = await trading('GetMyMessages', `<DetailLevel>ReturnMessages</DetailLevel><MessageIDs>${ids}</MessageIDs>`);
    const fullMsgs = (full['Messages'] as { Message: { Text: string }[] }).Message;
    expect(fullMsgs).toHaveLength(10);
    expect(fullMsgs[0]!.Text).toContain('order');

    // One id: XML gives a single element, not a list.
    const single = await trading('GetMyMessages', `<DetailLevel>ReturnMessages</DetailLevel><MessageIDs><MessageID>${msgs[0]!.MessageID}</MessageID></MessageIDs>`);
    expect(Array.isArray((single['Messages'] as { Message: unknown }).Message)).toBe(false);

    const eleven = msgs.slice(0, 11).map((m) => `<MessageID>${m.MessageID}</MessageID>`).join('');
    const tooMany = await trading('GetMyMessages', `<DetailLevel>ReturnMessages</DetailLevel><MessageIDs>${eleven}</MessageIDs>`);
    expect(tooMany['Ack']).toBe('Failure');
    const err = tooMany['Errors'] as { ErrorCode: string; SeverityCode: string; ShortMessage: string; LongMessage: string };
    expect(err.SeverityCode).toBe('Error');
    expect(err.LongMessage).toContain('10');

    const noDetail = await trading('GetMyMessages', '');
    expect(noDetail['Ack']).toBe('Failure');
  });

  it('filters by StartTime/EndTime', async () => {
    const r = await trading('GetMyMessages', '<DetailLevel>ReturnHeaders</DetailLevel><StartTime>2025-05-01T00:00:00.000Z</StartTime><EndTime>2025-05-10T00:00:00.000Z</EndTime><Pagination><EntriesPerPage>200</EntriesPerPage></Pagination>');
    const list = (r['Messages'] as { Message: { ReceiveDate: string }[] }).Message;
    for (const m of list) {
      expect(m.ReceiveDate >= '2025-05-01').toBe(true);
      expect(m.ReceiveDate <= '2025-05-10').toBe(true);
    }
  });

  it('reports invalid (21916984) and expired (21917053) IAF tokens and unsupported calls', async () => {
    const invalid = await trading('GetMyMessages', '<DetailLevel>ReturnSummary</DetailLevel>', { 'X-EBAY-API-IAF-TOKEN': 'nope' });
    expect((invalid['Errors'] as { ErrorCode: string }).ErrorCode).toBe('21916984');
    await control(emu.url, 'POST', '/tokens/expire');
    const expired = await trading('GetMyMessages', '<DetailLevel>ReturnSummary</DetailLevel>');
    expect((expired['Errors'] as { ErrorCode: string }).ErrorCode).toBe('21917053');
    token = (await connectSeller(emu.url, 'vintage.vault_us')).access_token;
    const unknown = await trading('GetOrders', '');
    expect(unknown['Ack']).toBe('Failure');
  });
});

describe('Trading GetMyeBayBuying', () => {
  it('returns the WonList with pagination and DurationInDays 0-60', async () => {
    const r = await trading('GetMyeBayBuying', '<WonList><DurationInDays>30</DurationInDays><Pagination><EntriesPerPage>5</EntriesPerPage><PageNumber>1</PageNumber></Pagination></WonList>');
    expect(r['Ack']).toBe('Success');
    const won = r['WonList'] as { OrderTransactionArray: { OrderTransaction: unknown[] }; PaginationResult: { TotalNumberOfEntries: string; TotalNumberOfPages: string } };
    expect(won.OrderTransactionArray.OrderTransaction).toHaveLength(5);
    expect(Number(won.PaginationResult.TotalNumberOfEntries)).toBe(20);
    expect(won.PaginationResult.TotalNumberOfPages).toBe('4');
    const bad = await trading('GetMyeBayBuying', '<WonList><DurationInDays>61</DurationInDays></WonList>');
    expect(bad['Ack']).toBe('Failure');
  });
});
