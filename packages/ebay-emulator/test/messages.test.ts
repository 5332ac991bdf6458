import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import type { RunningEmulator } from '../src/index';
import { connectSeller, control, get, startTestEmulator } from './helpers/emulator.helper';

let emu: RunningEmulator;
let token: string;

beforeAll(async () => {
  emu = await startTestEmulator({ ordersPerSeller: 600, historyDays: 120 });
  token = (await connectSeller(emu.url, 'vintage.vault_us')).access_token;
});
afterAll(async () => {
  await emu.close();
});

interface TradingMessage {
  MessageID: string;
  ReceiveDate: string;
  Read: string;
}

async function tradingHeaders(page: number): Promise<TradingMessage[]> {
  const res = await fetch(`${emu.url}/ws/api.dll`, {
    method: 'POST',
    headers: {
      'content-type': 'text/xml',
      'X-EBAY-API-CALL-NAME': 'GetMyMessages',
      'X-EBAY-API-SITEID': '0',
      'X-EBAY-API-COMPATIBILITY-LEVEL': '967',
      'X-EBAY-API-IAF-TOKEN': token,
    },
    body: `<?xml version="1.0" encoding="utf-8"?><GetMyMessagesRequest xmlns="urn:ebay:apis:eBLBaseComponents"><DetailLevel>ReturnHeaders</DetailLevel><Pagination><EntriesPerPage>20</EntriesPerPage><PageNumber>${page}</PageNumber></Pagination></GetMyMessagesRequest>`,
  });
  const parsed = new XMLParser({ parseTagValue: false }).parse(await res.text()) as {
    GetMyMessagesResponse: { Messages?: { Message: TradingMessage | TradingMessage[] } };
  };
  const list = parsed.GetMyMessagesResponse.Messages?.Message ?? [];
  return Array.isArray(list) ? list : [list];
}

async function allTrading(): Promise<TradingMessage[]> {
  const out: TradingMessage[] = [];
  for (let page = 1; ; page += 1) {
    const batch = await tradingHeaders(page);
    out.push(...batch);
    if (batch.length < 20) return out;
  }
}

interface Conversation {
  conversationId: string;
  unreadCount: number;
  latestMessage: { messageId: string; createdDate: string };
}

async function allConversations(query = '', limit = 50): Promise<Conversation[]> {
  const out: Conversation[] = [];
  for (let offset = 0; ; offset += limit) {
    const r = await get(`${emu.url}/commerce/message/v1/conversation?conversation_type=FROM_MEMBERS&limit=${limit}&offset=${offset}${query}`, token);
    const body = r.body as { total: number; conversations: Conversation[] };
    out.push(...body.conversations);
    if (offset + limit >= body.total) return out;
  }
}

async function messagesOf(id: string): Promise<Array<{ messageId: string; createdDate: string; readStatus: boolean }>> {
  const r = await get(`${emu.url}/commerce/message/v1/conversation/${id}?conversation_type=FROM_MEMBERS&limit=50`, token);
  return (r.body as { messages: Array<{ messageId: string; createdDate: string; readStatus: boolean }> }).messages;
}

const checksum = (lines: string[]) => {
  lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { count: lines.length, checksum: createHash('sha256').update(lines.join('\n')).digest('hex') };
};

async function truth(resource: string): Promise<{ count: number; checksum: string }> {
  const t = (await control(emu.url, 'GET', `/sellers/1/truth?resource=${resource}`)) as { count: number; checksum: string };
  return { count: t.count, checksum: t.checksum };
}

describe('member messages: truth and added messages', () => {
  it('GetMyMessages and the REST conversations hold the same messages, as the truth says', async () => {
    const trading = await allTrading();
    expect(trading.length).toBeGreaterThan(20);
    expect(checksum(trading.map((m) => `${m.MessageID}|${m.ReceiveDate}`))).toEqual(await truth('messages'));
    const lines: string[] = [];
    for (const c of await allConversations()) {
      for (const m of await messagesOf(c.conversationId)) lines.push(`${c.conversationId}|${m.messageId}`);
    }
    expect(checksum(lines)).toEqual(await truth('conversations'));
  });

  it('adds a buyer follow-up that both APIs list as the newest message', async () => {
    const [newest] = await allConversations();
    const bad = (await control(emu.url, 'POST', '/sellers/1/messages', { conversationIds: ['999'] })) as { error: { code: string } };
    expect(bad.error.code).toBe('invalid_request');
    await control(emu.url, 'POST', '/clock/advance', { seconds: 3600 });
    const res = (await control(emu.url, 'POST', '/sellers/1/messages', { conversationIds: [newest!.conversationId] })) as {
      created: Array<{ messageId: string; conversationId: string; createdDate: string }>;
    };
    const added = res.created[0]!;
    expect(added.conversationId).toBe(newest!.conversationId);
    expect(added.createdDate).toBe('2025-06-01T13:00:00.000Z');

    const [first] = await tradingHeaders(1);
    expect(first).toMatchObject({ MessageID: added.messageId, ReceiveDate: added.createdDate, Read: 'false' });
    const conversation = (await allConversations()).find((c) => c.conversationId === added.conversationId)!;
    expect(conversation.latestMessage).toMatchObject({ messageId: added.messageId, createdDate: added.createdDate });
    expect(conversation.unreadCount).toBeGreaterThanOrEqual(1);
    expect((await messagesOf(added.conversationId)).at(-1)).toMatchObject({ messageId: added.messageId, readStatus: false });

    const trading = await allTrading();
    expect(checksum(trading.map((m) => `${m.MessageID}|${m.ReceiveDate}`))).toEqual(await truth('messages'));
    const byCount = (await control(emu.url, 'POST', '/sellers/1/messages', { count: 2 })) as { created: unknown[] };
    expect(byCount.created).toHaveLength(2);
    expect((await truth('messages')).count).toBe(trading.length + 2);
  });

  it('start_time and end_time list exactly the conversations with a message sent within them, however old', async () => {
    const oldest = (await allConversations()).at(-1)!;
    await control(emu.url, 'POST', '/clock/advance', { seconds: 60 });
    await control(emu.url, 'POST', '/sellers/1/messages', { conversationIds: [oldest.conversationId] });
    const sent = new Map<string, number[]>();
    for (const c of await allConversations()) {
      sent.set(c.conversationId, (await messagesOf(c.conversationId)).map((m) => Date.parse(m.createdDate)));
    }
    const dates = [...sent.values()].flat().sort((a, b) => a - b);
    // A conversation the seller answered (3 hours after the buyer's first message).
    const [answeredId, answered] = [...sent].find(([, d]) => d.length === 2 && d[1]! - d[0]! === 3 * 3600_000)!;
    const ranges: Array<[number, number | undefined]> = [
      [answered[0]! + 1, answered[1]!],
      [answered[1]! + 1, undefined],
      [dates[Math.floor(dates.length / 2)]!, undefined],
      [dates[Math.floor(dates.length / 4)]!, dates[Math.floor(dates.length / 2)]!],
      [dates.at(-1)!, undefined],
    ];
    const listedIn = async ([from, to]: [number, number | undefined], limit: number) => {
      const query = `&start_time=${new Date(from).toISOString()}${to === undefined ? '' : `&end_time=${new Date(to).toISOString()}`}`;
      return (await allConversations(query, limit)).map((c) => c.conversationId);
    };
    for (const range of ranges) {
      const [from, to = Infinity] = range;
      const expected = [...sent].filter(([, d]) => d.some((x) => x >= from && x <= to)).map(([id]) => id);
      for (const limit of [50, 3]) {
        const listed = await listedIn(range, limit);
        expect(new Set(listed).size).toBe(listed.length);
        expect([...listed].sort()).toEqual([...expected].sort());
      }
    }
    // Listed by its answer alone, and by the buyer's follow-up alone for the oldest conversation.
    expect(await listedIn(ranges[0]!, 50)).toContain(answeredId);
    expect(await listedIn(ranges[4]!, 50)).toEqual([oldest.conversationId]);
  });
});
