/** Where to go after signing in: only same-site paths, never `//host` or `/login` itself. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login/')) return '/';
  return next;
}

/** `/login?next=<path>` for the page the user is on now. */
export function loginPathFor(location: { pathname: string; search: string; hash: string }): string {
  const current = `${location.pathname}${location.search}${location.hash}`;
  const next = safeNextPath(current);
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}
