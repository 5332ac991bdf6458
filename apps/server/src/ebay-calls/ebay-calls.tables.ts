import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** bigserial ids come back from pg as strings. */
type BigSerial = ColumnType<string, never, never>;

export interface EbayCallsTable {
  id: BigSerial;
  created_at: CreatedAt;
  account_id: string | null;
  run_id: string | null;
  request_id: string | null;
  correlation_id: string | null;
  /** eBay's id of the call (response header, or Trading's CorrelationID). */
  ebay_request_id: string | null;
  api: string;
  operation: string;
  method: string;
  url: string;
  status: number | null;
  duration_ms: number;
  attempt: Generated<number>;
  ebay_error_id: number | null;
  error_kind: string | null;
  request_body: string | null;
  response_body: string | null;
}

export interface EbayEventsTable {
  id: BigSerial;
  created_at: CreatedAt;
  type: string;
  account_id: string | null;
  run_id: string | null;
  data: ColumnType<Record<string, unknown>, string, string>;
}

/** Tables of the `ebay-calls` feature (listed in platform `Database`). */
export interface EbayCallsTables {
  ebay_calls: EbayCallsTable;
  ebay_events: EbayEventsTable;
}
