const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isUnsafeMethod(method: string): boolean {
  return unsafeMethods.has(method.toUpperCase());
}

function originOf(value: string | undefined): string | null {
  if (!value || !URL.canParse(value)) return null;
  const origin = new URL(value).origin;
  return origin === 'null' ? null : origin;
}

/**
 * CSRF defence for cookie-authenticated unsafe requests: the Origin (or, when absent, the Referer) must be
 * the server's own origin (PUBLIC_URL, or derived from Host) or one of ALLOWED_ORIGINS.
 */
export function isTrustedOrigin(input: {
  origin: string | undefined;
  referer: string | undefined;
  ownOrigins: readonly string[];
  allowedOrigins: readonly string[];
}): boolean {
  const claimed = input.origin !== undefined ? originOf(input.origin) : originOf(input.referer);
  if (!claimed) return false;
  return input.ownOrigins.includes(claimed) || input.allowedOrigins.includes(claimed);
}
