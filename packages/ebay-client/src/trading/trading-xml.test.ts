import { describe, expect, it } from 'vitest';
import { EbayApiError } from '../core/errors';
import { rawResponse } from '../core/http';
import { asArray, buildTradingRequestXml, isTradingArrayPath, parseTradingXml } from './trading-xml';
import { chunk, parseTradingResponse } from './trading.client';

const NS = 'urn:ebay:apis:eBLBaseComponents';
const messagesXml = (messages: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><GetMyMessagesResponse xmlns="${NS}"><Timestamp>2025-01-01T00:00:00.000Z</Timestamp><Ack>Success</Ack><Version>967</Version><Messages>${messages}</Messages></GetMyMessagesResponse>`;
const message = (id: string) =>
  `<Message><Sender>buyer1</Sender><MessageID>${id}</MessageID><Subject>Hi &amp; bye</Subject><Read>false</Read><Folder><FolderID>0</FolderID></Folder></Message>`;

const response = (text: string, status = 200) => rawResponse(status, new Headers(), Buffer.from(text, 'utf8'), null);

describe('Trading XML normalisation', () => {
  it('parses a single Message as a one-element list', () => {
    const { root, body } = parseTradingXml(messagesXml(message('0012345678901234567')));
    expect(root).toBe('GetMyMessagesResponse');
    const messages = (body['Messages'] as { Message: unknown[] }).Message;
    expect(Array.isArray(messages)).toBe(true);
    expect(messages).toHaveLength(1);
    // ids stay strings (no number parsing, leading zeros kept); entities decoded
    expect(messages[0]).toMatchObject({ MessageID: '0012345678901234567', Subject: 'Hi & bye', Read: 'false' });
  });

  it('parses several Messages as a list', () => {
    const { body } = parseTradingXml(messagesXml(message('1') + message('2') + message('3')));
    expect((body['Messages'] as { Message: unknown[] }).Message).toHaveLength(3);
  });

  it('normalises Errors and WonList transactions by path, with attributes kept', () => {
    const xml = `<GetMyeBayBuyingResponse xmlns="${NS}"><Ack>Warning</Ack><Errors><ShortMessage>w</ShortMessage><ErrorCode>1</ErrorCode><SeverityCode>Warning</SeverityCode></Errors>
      <WonList><OrderTransactionArray><OrderTransaction><Order><OrderID>o1</OrderID><TransactionArray><Transaction><TransactionID>t1</TransactionID><TotalPrice currencyID="USD">9.99</TotalPrice></Transaction></TransactionArray></Order></OrderTransaction></OrderTransactionArray>
      <PaginationResult><TotalNumberOfPages>1</TotalNumberOfPages><TotalNumberOfEntries>1</TotalNumberOfEntries></PaginationResult></WonList></GetMyeBayBuyingResponse>`;
    const { body } = parseTradingXml(xml);
    expect(Array.isArray(body['Errors'])).toBe(true);
    type Won = {
      OrderTransactionArray: { OrderTransaction: Array<{ Order: { TransactionArray: { Transaction: unknown } } }> };
    };
    const ot = (body['WonList'] as Won).OrderTransactionArray.OrderTransaction;
    expect(ot).toHaveLength(1);
    const tx = ot[0]?.Order.TransactionArray.Transaction;
    expect(tx).toEqual([{ TransactionID: 't1', TotalPrice: { '#text': '9.99', '@_currencyID': 'USD' } }]);
  });

  it('matches array paths relative to any response root', () => {
    expect(isTradingArrayPath('GetMyMessagesResponse.Messages.Message')).toBe(true);
    expect(isTradingArrayPath('AnyResponse.Errors')).toBe(true);
    expect(isTradingArrayPath('GetMyMessagesResponse.Messages')).toBe(false);
  });

  it('asArray wraps singles', () => {
    expect(asArray(undefined)).toEqual([]);
    expect(asArray('a')).toEqual(['a']);
    expect(asArray(['a', 'b'])).toEqual(['a', 'b']);
  });
});

describe('buildTradingRequestXml', () => {
  it('serialises nested fields, repeats arrays, escapes text and skips undefined', () => {
    const xml = buildTradingRequestXml('GetMyMessages', {
      DetailLevel: 'ReturnMessages',
      FolderID: undefined,
      MessageIDs: { MessageID: ['1', '2<3'] },
    });
    expect(xml).toBe(
      `<?xml version="1.0" encoding="utf-8"?><GetMyMessagesRequest xmlns="${NS}"><DetailLevel>ReturnMessages</DetailLevel><MessageIDs><MessageID>1</MessageID><MessageID>2&lt;3</MessageID></MessageIDs></GetMyMessagesRequest>`,
    );
  });
});

describe('parseTradingResponse', () => {
  it('returns success with warnings', () => {
    const res = parseTradingResponse('GetMyMessages', response(messagesXml(message('1'))));
    expect(res.ack).toBe('Success');
    expect(res.warnings).toEqual([]);
  });

  it('throws auth errors for Ack=Failure with an expired IAF token', () => {
    const xml = `<GetMyMessagesResponse xmlns="${NS}"><Ack>Failure</Ack><CorrelationID>corr-1</CorrelationID><Errors><ShortMessage>Expired IAF token.</ShortMessage><LongMessage>IAF token supplied is expired.</LongMessage><ErrorCode>21917053</ErrorCode><SeverityCode>Error</SeverityCode></Errors></GetMyMessagesResponse>`;
    let caught: unknown;
    try {
      parseTradingResponse('GetMyMessages', response(xml));
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(EbayApiError);
    expect(caught).toMatchObject({ kind: 'auth', errorId: 21917053, requestId: 'corr-1', domain: 'Trading' });
  });

  it('maps HTTP-level failures by status', () => {
    expect(() => parseTradingResponse('GetMyMessages', response('oops', 503))).toThrow(
      expect.objectContaining({ kind: 'server', retryable: true }),
    );
    expect(() => parseTradingResponse('GetMyMessages', response('not xml'))).toThrow(
      expect.objectContaining({ kind: 'server', retryable: false }),
    );
  });

  it('chunks ids by 10', () => {
    const ids = Array.from({ length: 23 }, (_, i) => String(i));
    expect(chunk(ids).map((c) => c.length)).toEqual([10, 10, 3]);
  });
});
