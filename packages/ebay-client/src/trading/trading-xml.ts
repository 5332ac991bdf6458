import { XMLParser } from 'fast-xml-parser';

export const TRADING_NAMESPACE = 'urn:ebay:apis:eBLBaseComponents';

/**
 * Elements that may repeat, as paths below the `<XxxResponse>` root. The Trading API returns one element as an
 * object and several as a list; every path here is always parsed to an array. This list is the only place the
 * quirk is handled: add a path here when a new repeating element is read.
 */
export const TRADING_ARRAY_PATHS: ReadonlySet<string> = new Set([
  'Errors',
  'Errors.ErrorParameters',
  'Messages.Message',
  'Messages.Message.MessageMedia',
  'Summary.FolderSummary',
  'WonList.OrderTransactionArray.OrderTransaction',
  'WonList.OrderTransactionArray.OrderTransaction.Order.TransactionArray.Transaction',
  'BidList.ItemArray.Item',
  'WatchList.ItemArray.Item',
  'LostList.ItemArray.Item',
  'BestOfferList.ItemArray.Item',
]);

/** Path below the root element (`GetMyMessagesResponse.Messages.Message` -> `Messages.Message`). */
function relativePath(jpath: string): string {
  const dot = jpath.indexOf('.');
  return dot < 0 ? '' : jpath.slice(dot + 1);
}

export function isTradingArrayPath(jpath: string): boolean {
  return TRADING_ARRAY_PATHS.has(relativePath(jpath));
}

/** One value or many (or none) as an array; for values outside TRADING_ARRAY_PATHS. */
export function asArray<T>(value: T | readonly T[] | undefined | null): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? [...(value as readonly T[])] : [value as T];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  removeNSPrefix: true,
  // Keep every value a string: ids such as MessageID or ItemID must not become numbers.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  jPath: true,
  isArray: (_name, jpath, _isLeaf, isAttribute) => !isAttribute && typeof jpath === 'string' && isTradingArrayPath(jpath),
});

export interface ParsedTradingXml {
  /** Root element name, e.g. `GetMyMessagesResponse`. */
  readonly root: string;
  readonly body: Record<string, unknown>;
}

/** Parses a Trading response; throws a TypeError for text that is not a Trading XML document. */
export function parseTradingXml(xml: string): ParsedTradingXml {
  const doc = parser.parse(xml) as Record<string, unknown>;
  const root = Object.keys(doc).find((key) => !key.startsWith('?'));
  const body = root === undefined ? undefined : doc[root];
  if (root === undefined || typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new TypeError('not a Trading XML document');
  }
  return { root, body: body as Record<string, unknown> };
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export type XmlValue = string | number | boolean | Date | XmlObject | readonly XmlValue[] | undefined;
export interface XmlObject {
  readonly [element: string]: XmlValue;
}

function serialise(name: string, value: XmlValue): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return (value as readonly XmlValue[]).map((v) => serialise(name, v)).join('');
  if (value instanceof Date) return `<${name}>${value.toISOString()}</${name}>`;
  if (typeof value === 'object') {
    const inner = Object.entries(value as XmlObject)
      .map(([k, v]) => serialise(k, v))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** `<XxxRequest xmlns="urn:ebay:apis:eBLBaseComponents">...</XxxRequest>`; undefined fields are omitted. */
export function buildTradingRequestXml(callName: string, fields: XmlObject): string {
  const inner = Object.entries(fields)
    .map(([k, v]) => serialise(k, v))
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><${callName}Request xmlns="${TRADING_NAMESPACE}">${inner}</${callName}Request>`;
}
