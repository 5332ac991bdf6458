import { XMLBuilder, XMLParser } from 'fast-xml-parser';

export const EBL_NS = 'urn:ebay:apis:eBLBaseComponents';
export const TRADING_VERSION = '1355';
export const TRADING_BUILD = 'E1355_CORE_APIMSG_19151468_R1';

export interface TradingError {
  code: string;
  short: string;
  long: string;
  severity: 'Error' | 'Warning';
  parameters?: string[];
}

export function buildTradingXml(callName: string, now: number, ack: string, body: Record<string, unknown>): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: false });
  const root = {
    '@_xmlns': EBL_NS,
    Timestamp: new Date(now).toISOString(),
    Ack: ack,
    ...body,
    Version: TRADING_VERSION,
    Build: TRADING_BUILD,
  };
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({ [`${callName}Response`]: root }) as string}`;
}

export function errorsXml(errors: TradingError[]): Record<string, unknown>[] {
  return errors.map((e) => ({
    ShortMessage: e.short,
    LongMessage: e.long,
    ErrorCode: e.code,
    SeverityCode: e.severity,
    ...(e.parameters ? { ErrorParameters: e.parameters.map((v, i) => ({ '@_ParamID': String(i), Value: v })) } : {}),
    ErrorClassification: 'RequestError',
  }));
}

export function tradingFailureXml(callName: string, now: number, errors: TradingError[]): string {
  return buildTradingXml(callName, now, 'Failure', { Errors: errorsXml(errors) });
}

const LIST_TAGS = new Set(['MessageID']);

/** Parse a Trading request body; namespaces are dropped and values kept as strings. */
export function parseTradingXml(xml: string): Record<string, unknown> | undefined {
  try {
    const parser = new XMLParser({
      ignoreAttributes: true,
      removeNSPrefix: true,
      parseTagValue: false,
      trimValues: true,
      isArray: (name) => LIST_TAGS.has(name),
    });
    const parsed = parser.parse(xml, true) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function childObject(node: unknown, key: string): Record<string, unknown> | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const v = (node as Record<string, unknown>)[key];
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

export function childText(node: unknown, key: string): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const v = (node as Record<string, unknown>)[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}
