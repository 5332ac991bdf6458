// Reversible, eBay-looking identifiers. Order ids encode (seller, index) through a multiplicative
// permutation so consecutive orders do not get consecutive ids.

const SPACE = 10_000_000_000n; // 10 digits
const FACTOR = 7_654_321_123n; // coprime with 10, so invertible modulo 10^10

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}

const INVERSE = modInverse(FACTOR, SPACE);

export function permuteIndex(index: number): string {
  return ((BigInt(index) * FACTOR) % SPACE).toString().padStart(10, '0');
}

export function unpermuteIndex(digits: string): number {
  return Number((BigInt(digits) * INVERSE) % SPACE);
}

/** `SS-DDDDD-DDDDD` where SS = 10 + seller number. */
export function orderIdOf(sellerNumber: number, index: number): string {
  const d = permuteIndex(index);
  return `${10 + sellerNumber}-${d.slice(0, 5)}-${d.slice(5)}`;
}

export function parseOrderId(orderId: string): { sellerNumber: number; index: number } | undefined {
  const m = /^(\d{2})-(\d{5})-(\d{5})$/.exec(orderId);
  if (!m?.[1] || !m[2] || !m[3]) return undefined;
  const sellerNumber = Number(m[1]) - 10;
  if (sellerNumber < 1) return undefined;
  return { sellerNumber, index: unpermuteIndex(m[2] + m[3]) };
}

export function lineItemIdOf(sellerNumber: number, index: number, line: number): string {
  return `${10 + sellerNumber}${permuteIndex(index)}${line}`;
}

/** A numeric id of fixed width: prefix digit, seller number (2 digits), value (width digits). */
export function numericId(prefix: number, sellerNumber: number, value: number, width: number): string {
  return `${prefix}${sellerNumber.toString().padStart(2, '0')}${value.toString().padStart(width, '0')}`;
}

export function parseNumericId(
  id: string,
  prefix: number,
  width: number,
): { sellerNumber: number; value: number } | undefined {
  if (!new RegExp(`^${prefix}\\d{${2 + width}}$`).test(id)) return undefined;
  return { sellerNumber: Number(id.slice(1, 3)), value: Number(id.slice(3)) };
}
