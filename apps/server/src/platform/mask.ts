/** `postgres://user:secret@host/db` -> `postgres://user:****@host/db`. */
export function maskUrl(url: string): string {
  if (!URL.canParse(url)) return '****';
  const u = new URL(url);
  if (u.password) u.password = '****';
  for (const key of [...u.searchParams.keys()]) {
    if (/pass|secret|token|key/i.test(key)) u.searchParams.set(key, '****');
  }
  return u.toString();
}

/** Shows that a secret is set without showing any of it. */
export function maskSecret(value: string | null | undefined): string {
  return value ? `**** (set, ${value.length} chars)` : '(not set)';
}
