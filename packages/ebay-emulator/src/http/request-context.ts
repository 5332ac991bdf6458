import type { FastifyRequest } from 'fastify';
import type { EmulatorState } from '../state/emulator-state';
import type { SellerDataset } from '../data/seller-dataset';

/** The seller a user token belongs to (routes with auth 'user' always have one). */
export function sellerOf(state: EmulatorState, request: FastifyRequest): SellerDataset {
  const n = request.ebayAuth?.record.sellerNumber;
  const seller = n === undefined ? undefined : state.sellers[n - 1];
  if (!seller) throw new Error('route requires a user token');
  return seller;
}

export function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** Absolute href of `path` with `params` (undefined values dropped), as eBay returns in href/next/prev. */
export function hrefOf(request: FastifyRequest, path: string, params: Record<string, string | number | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, String(v));
  const q = qs.toString();
  return `${originOf(request)}${path}${q ? `?${q}` : ''}`;
}

export type QueryRecord = Record<string, string | string[] | undefined>;

export function queryOf(request: FastifyRequest): QueryRecord {
  return (request.query ?? {}) as QueryRecord;
}

export function single(q: QueryRecord, key: string): string | undefined {
  const v = q[key];
  return Array.isArray(v) ? v[0] : v;
}

export function all(q: QueryRecord, key: string): string[] {
  const v = q[key];
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

/** Strict non-negative integer parse; undefined when malformed. */
export function parseIntStrict(text: string): number | undefined {
  return /^\d{1,12}$/.test(text) ? Number(text) : undefined;
}
