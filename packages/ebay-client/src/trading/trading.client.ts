import { errorFromRestResponse, errorFromTradingErrors, tradingErrorDetails, type TradingErrorInput } from '../core/error-mapping';
import { EbayApiError } from '../core/errors';
import type { RawHttpResponse, Transport } from '../core/http';
import type { CallOptions } from '../core/types';
import { buildTradingRequestXml, parseTradingXml, type XmlObject } from './trading-xml';
import type { MyMessagesPage, TradingMessage, TradingOrderTransaction, WonListPage } from './trading.types';

const API = 'trading';

export interface TradingSettings {
  /** `X-EBAY-API-COMPATIBILITY-LEVEL`. Default 967. */
  readonly compatibilityLevel: number;
  /** `X-EBAY-API-SITEID`. Default 0 (US). */
  readonly siteId: number;
}

export interface TradingResponse {
  readonly ack: string;
  readonly timestamp: string | undefined;
  readonly correlationId: string | undefined;
  readonly warnings: ReturnType<typeof tradingErrorDetails>;
  /** Normalised response element (see TRADING_ARRAY_PATHS). */
  readonly body: Record<string, unknown>;
}

export interface GetMyMessagesHeadersParams extends CallOptions {
  /** 0 inbox (default), 1 sent. */
  readonly folderId?: number | undefined;
  readonly startTime?: Date | string | undefined;
  readonly endTime?: Date | string | undefined;
  /** 1-based. Default 1. */
  readonly pageNumber?: number | undefined;
  /** Default 100. */
  readonly entriesPerPage?: number | undefined;
}

export interface GetWonListParams extends CallOptions {
  /** 0-60. */
  readonly durationInDays?: number | undefined;
  readonly pageNumber?: number | undefined;
  /** Default 100. */
  readonly entriesPerPage?: number | undefined;
}

export const MAX_MESSAGE_IDS_PER_CALL = 10;

export interface TradingClient {
  /** Any Trading call (escape hatch). `Ack=Failure` throws EbayApiError. */
  call(callName: string, fields: XmlObject, options?: CallOptions): Promise<TradingResponse>;
  /** GetMyMessages with DetailLevel ReturnHeaders (no bodies). */
  getMyMessagesHeaders(params?: GetMyMessagesHeadersParams): Promise<MyMessagesPage>;
  iterateMyMessagesHeaders(params?: GetMyMessagesHeadersParams): AsyncGenerator<MyMessagesPage, void, undefined>;
  /** GetMyMessages with DetailLevel ReturnMessages for 1-10 ids (use `chunk` for more). */
  getMyMessagesByIds(messageIds: readonly string[], options?: CallOptions): Promise<MyMessagesPage>;
  /** GetMyeBayBuying WonList. */
  getWonList(params?: GetWonListParams): Promise<WonListPage>;
  iterateWonList(params?: GetWonListParams): AsyncGenerator<WonListPage, void, undefined>;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Interprets a Trading HTTP response: transport errors by status, `Ack=Failure` via `Errors`. */
export function parseTradingResponse(callName: string, res: RawHttpResponse): TradingResponse {
  const ctx = { api: API, operation: callName, requestId: res.requestId, retryAfterHeader: res.headers.get('retry-after') };
  let parsed: ReturnType<typeof parseTradingXml> | undefined;
  try {
    parsed = parseTradingXml(res.text);
  } catch {
    parsed = undefined;
  }
  const body = parsed?.body;
  const errors = (Array.isArray(body?.['Errors']) ? body['Errors'] : []) as TradingErrorInput[];
  const correlationId = str(body?.['CorrelationID']);
  const requestId = res.requestId ?? correlationId ?? null;
  const ack = str(body?.['Ack']);

  if (res.status < 200 || res.status >= 300) {
    if (errors.length > 0 && res.status < 500 && res.status !== 429) {
      throw errorFromTradingErrors(res.status, errors, { ...ctx, requestId });
    }
    throw errorFromRestResponse(res.status, res.text, { ...ctx, requestId });
  }
  if (body === undefined || ack === undefined) {
    throw new EbayApiError({
      kind: 'server',
      retryable: false,
      message: `unparseable ${callName} response`,
      status: res.status,
      requestId,
      api: API,
      operation: callName,
    });
  }
  if (ack === 'Failure') throw errorFromTradingErrors(res.status, errors, { ...ctx, requestId });
  return {
    ack,
    timestamp: str(body['Timestamp']),
    correlationId,
    warnings: tradingErrorDetails(errors),
    body,
  };
}

function positiveInt(name: string, value: number | undefined, fallback: number, max: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < 1 || v > max) throw new RangeError(`${name} must be an integer in [1, ${max}], got ${v}`);
  return v;
}

function formatTime(value: Date | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) throw new TypeError(`invalid date: ${String(value)}`);
  return d.toISOString();
}

function paginationTotals(container: Record<string, unknown> | undefined): { pages?: number; entries?: number } {
  const pr = record(container?.['PaginationResult']);
  const pages = Number(str(pr?.['TotalNumberOfPages']));
  const entries = Number(str(pr?.['TotalNumberOfEntries']));
  return {
    ...(Number.isFinite(pages) && pr?.['TotalNumberOfPages'] !== undefined ? { pages } : {}),
    ...(Number.isFinite(entries) && pr?.['TotalNumberOfEntries'] !== undefined ? { entries } : {}),
  };
}

export function createTradingClient(transport: Transport, settings: TradingSettings): TradingClient {
  const call = (callName: string, fields: XmlObject, options: CallOptions = {}): Promise<TradingResponse> =>
    transport.request(
      {
        api: API,
        operation: callName,
        method: 'POST',
        host: 'api',
        path: '/ws/api.dll',
        headers: {
          Accept: 'text/xml',
          'Content-Type': 'text/xml; charset=utf-8',
          'X-EBAY-API-COMPATIBILITY-LEVEL': String(settings.compatibilityLevel),
          'X-EBAY-API-CALL-NAME': callName,
          'X-EBAY-API-SITEID': String(settings.siteId),
        },
        body: buildTradingRequestXml(callName, fields),
        auth: 'user',
        tokenHeader: 'iaf',
        parse: (res) => parseTradingResponse(callName, res),
      },
      options,
    );

  const messagesPage = (res: TradingResponse, pageNumber: number, entriesPerPage: number): MyMessagesPage => {
    const messages = (record(res.body['Messages'])?.['Message'] ?? []) as TradingMessage[];
    const totals = paginationTotals(res.body);
    const hasMore = totals.pages !== undefined ? pageNumber < totals.pages : messages.length >= entriesPerPage;
    return {
      ...res,
      messages,
      summary: record(res.body['Summary']),
      pageNumber,
      entriesPerPage,
      hasMore,
    };
  };

  const getMyMessagesHeaders = async (params: GetMyMessagesHeadersParams = {}): Promise<MyMessagesPage> => {
    const pageNumber = positiveInt('pageNumber', params.pageNumber, 1, Number.MAX_SAFE_INTEGER);
    const entriesPerPage = positiveInt('entriesPerPage', params.entriesPerPage, 100, 200);
    const res = await call(
      'GetMyMessages',
      {
        DetailLevel: 'ReturnHeaders',
        FolderID: params.folderId,
        StartTime: formatTime(params.startTime),
        EndTime: formatTime(params.endTime),
        Pagination: { EntriesPerPage: entriesPerPage, PageNumber: pageNumber },
      },
      params,
    );
    return messagesPage(res, pageNumber, entriesPerPage);
  };

  const getWonList = async (params: GetWonListParams = {}): Promise<WonListPage> => {
    const pageNumber = positiveInt('pageNumber', params.pageNumber, 1, Number.MAX_SAFE_INTEGER);
    const entriesPerPage = positiveInt('entriesPerPage', params.entriesPerPage, 100, 200);
    if (params.durationInDays !== undefined && (params.durationInDays < 0 || params.durationInDays > 60)) {
      throw new RangeError(`durationInDays must be in [0, 60], got ${params.durationInDays}`);
    }
    const res = await call(
      'GetMyeBayBuying',
      {
        WonList: {
          Include: true,
          DurationInDays: params.durationInDays,
          Pagination: { EntriesPerPage: entriesPerPage, PageNumber: pageNumber },
        },
      },
      params,
    );
    const wonList = record(res.body['WonList']);
    const orderTransactions = (record(wonList?.['OrderTransactionArray'])?.['OrderTransaction'] ??
      []) as TradingOrderTransaction[];
    const totals = paginationTotals(wonList);
    return {
      ...res,
      orderTransactions,
      totalPages: totals.pages,
      totalEntries: totals.entries,
      pageNumber,
      entriesPerPage,
      hasMore: totals.pages !== undefined ? pageNumber < totals.pages : orderTransactions.length >= entriesPerPage,
    };
  };

  return {
    call,
    getMyMessagesHeaders,
    async *iterateMyMessagesHeaders(params = {}) {
      let pageNumber = params.pageNumber ?? 1;
      for (;;) {
        const page = await getMyMessagesHeaders({ ...params, pageNumber });
        yield page;
        if (!page.hasMore || page.messages.length === 0) return;
        pageNumber += 1;
      }
    },
    async getMyMessagesByIds(messageIds, options = {}) {
      if (messageIds.length === 0 || messageIds.length > MAX_MESSAGE_IDS_PER_CALL) {
        throw new RangeError(`GetMyMessages ReturnMessages takes 1-${MAX_MESSAGE_IDS_PER_CALL} ids, got ${messageIds.length}`);
      }
      const res = await call(
        'GetMyMessages',
        { DetailLevel: 'ReturnMessages', MessageIDs: { MessageID: [...messageIds] } },
        options,
      );
      return { ...messagesPage(res, 1, messageIds.length), hasMore: false };
    },
    getWonList,
    async *iterateWonList(params = {}) {
      let pageNumber = params.pageNumber ?? 1;
      for (;;) {
        const page = await getWonList({ ...params, pageNumber });
        yield page;
        if (!page.hasMore || page.orderTransactions.length === 0) return;
        pageNumber += 1;
      }
    },
  };
}

/** Splits ids into batches of `size` (default 10, the ReturnMessages maximum). */
export function chunk<T>(items: readonly T[], size: number = MAX_MESSAGE_IDS_PER_CALL): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('chunk size must be a positive integer');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
