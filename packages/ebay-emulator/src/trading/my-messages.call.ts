import type { SellerDataset } from '../data/seller-dataset';
import type { TradingError } from './trading-xml';
import { childObject, childText } from './trading-xml';
import { INBOX_STREAMS, OPEN_STREAM, SENT_STREAMS, UNREAD_WINDOW, messageById, messageRecord, type MessageRecord } from '../data/message-records';
import { streamCount, walkStreams } from '../data/event-streams';
import { parseLooseDate } from '../util/time';

export type CallResult = { ok: true; body: Record<string, unknown> } | { ok: false; errors: TradingError[] };

const invalid = (field: string, long: string): CallResult => ({
  ok: false,
  errors: [{ code: '37', short: 'Input data is invalid.', long: `Input data for tag <${field}> is invalid or missing. ${long}`, severity: 'Error', parameters: [field] }],
});

function messageXml(m: MessageRecord, withText: boolean): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    Sender: m.sender,
    RecipientUserID: m.recipient,
    SendToName: m.recipient,
    Subject: m.subject,
    MessageID: m.messageId,
    ExternalMessageID: m.externalMessageId,
    Flagged: 'false',
    Read: m.read ? 'true' : 'false',
    ReceiveDate: new Date(m.date).toISOString(),
    ExpirationDate: new Date(m.date + 365 * 86_400_000).toISOString(),
    ItemID: m.itemId,
    ResponseDetails: { ResponseEnabled: m.folderId === 0 ? 'true' : 'false' },
    Folder: { FolderID: String(m.folderId) },
    Replied: m.replied ? 'true' : 'false',
    ItemTitle: m.itemTitle,
    MessageType: m.messageType,
  };
  if (withText) {
    doc['Text'] = m.text;
    doc['Content'] = m.text.replace(/<[^>]+>/g, '');
  }
  return doc;
}

/** GetMyMessages: DetailLevel ReturnSummary | ReturnHeaders | ReturnMessages (the latter needs 1-10 MessageIDs). */
export function getMyMessages(ds: SellerDataset, request: Record<string, unknown>): CallResult {
  const detail = childText(request, 'DetailLevel');
  if (detail !== 'ReturnSummary' && detail !== 'ReturnHeaders' && detail !== 'ReturnMessages') {
    return invalid('DetailLevel', 'Use ReturnSummary, ReturnHeaders or ReturnMessages.');
  }
  const ids = ((childObject(request, 'MessageIDs')?.['MessageID'] as unknown[] | undefined) ?? []).map(String);
  const asOf = ds.liveAsOf;
  if (detail === 'ReturnSummary') {
    const added = ds.addedMessages;
    const inbox = INBOX_STREAMS.reduce((s, spec) => s + streamCount(ds, spec, -Infinity, asOf), 0) + added.length;
    const sent = SENT_STREAMS.reduce((s, spec) => s + streamCount(ds, spec, -Infinity, asOf), 0);
    const unread = streamCount(ds, OPEN_STREAM, asOf - UNREAD_WINDOW + 1, asOf) + added.filter((m) => !m.read).length;
    return {
      ok: true,
      body: {
        Summary: {
          FolderSummary: [
            { FolderID: '0', FolderName: 'Inbox', NewMessageCount: String(unread), TotalMessageCount: String(inbox) },
            { FolderID: '1', FolderName: 'Sent', NewMessageCount: '0', TotalMessageCount: String(sent) },
          ],
          NewAlertCount: '0',
          NewMessageCount: String(unread),
          UnresolvedAlertCount: '0',
          FlaggedMessageCount: '0',
          TotalAlertCount: '0',
          TotalMessageCount: String(inbox + sent),
          NewHighPriorityCount: '0',
          TotalHighPriorityCount: '0',
        },
      },
    };
  }
  if (detail === 'ReturnMessages') {
    if (ids.length === 0) return invalid('MessageIDs', 'MessageIDs are required with DetailLevel ReturnMessages.');
    if (ids.length > 10) return invalid('MessageIDs', 'A maximum of 10 MessageIDs can be specified with DetailLevel ReturnMessages.');
  }
  if (ids.length > 0) {
    const found = ids.map((id) => messageById(ds, id)).filter((m): m is MessageRecord => m !== undefined);
    return { ok: true, body: found.length > 0 ? { Messages: { Message: found.map((m) => messageXml(m, detail === 'ReturnMessages')) } } : {} };
  }
  const folderRaw = childText(request, 'FolderID');
  if (folderRaw !== undefined && folderRaw !== '0' && folderRaw !== '1') return invalid('FolderID', 'Supported folders: 0 (Inbox), 1 (Sent).');
  const startRaw = childText(request, 'StartTime');
  const endRaw = childText(request, 'EndTime');
  const start = startRaw === undefined ? -Infinity : parseLooseDate(startRaw);
  const end = endRaw === undefined ? asOf : parseLooseDate(endRaw);
  if (start === undefined) return invalid('StartTime', 'Use an ISO-8601 date.');
  if (end === undefined) return invalid('EndTime', 'Use an ISO-8601 date.');
  const pagination = childObject(request, 'Pagination');
  const perPage = Number(childText(pagination, 'EntriesPerPage') ?? '25');
  const pageNumber = Number(childText(pagination, 'PageNumber') ?? '1');
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 200) return invalid('EntriesPerPage', 'Valid values are 1 to 200.');
  if (!Number.isInteger(pageNumber) || pageNumber < 1) return invalid('PageNumber', 'Must be 1 or greater.');
  const specs = folderRaw === '1' ? SENT_STREAMS : folderRaw === '0' ? INBOX_STREAMS : [...INBOX_STREAMS, ...SENT_STREAMS];
  const offset = (pageNumber - 1) * perPage;
  // Messages added through the control API (inbox, dated at the virtual now) merge into the generated ones.
  const addedEnd = endRaw === undefined ? Infinity : end;
  const added = folderRaw === '1' ? [] : ds.addedMessages.filter((m) => m.date >= start && m.date <= addedEnd);
  const generated = walkStreams(ds, specs, start, Math.min(end, asOf), 'desc', added.length > 0 ? 0 : offset, added.length > 0 ? offset + perPage : perPage);
  const page = added.length > 0
    ? [...added.map((m) => ({ date: m.date, record: () => m })), ...generated.map((ev) => ({ date: ev.date, record: () => messageRecord(ds, ev.key, ev.index) }))]
        .sort((a, b) => b.date - a.date)
        .slice(offset, offset + perPage)
    : generated.map((ev) => ({ date: ev.date, record: () => messageRecord(ds, ev.key, ev.index) }));
  const messages = page.map((p) => messageXml(p.record(), false));
  return { ok: true, body: messages.length > 0 ? { Messages: { Message: messages } } : {} };
}
