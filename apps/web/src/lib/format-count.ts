/** A count with thousands separators, as the money amounts have them (1,998): one form on every page. */
export const formatCount = (n: number): string => n.toLocaleString('en-US');
