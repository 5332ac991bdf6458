/**
 * The `/api` edge proxy: lets the static UI live on a CDN / static host while the API runs elsewhere.
 * Web-standard only (Request, Response, fetch, streams), so it runs in Cloudflare Pages Functions, Deno, Bun,
 * Node (see `node-server.ts`) or any other fetch-compatible runtime.
 *
 * Transparent by design: method, path, query, headers and a streamed body go to the backend; status, headers
 * (several `Set-Cookie` included) and a streamed body (server-sent events flow chunk by chunk) come back.
 * Redirects are handed to the browser, never followed.
 */

export interface ProxyOptions {
  /** Backend origin, optionally with a base path: `https://api.example.com` or `http://10.0.0.5:3000/base`. */
  backendUrl: string;
  /** Injected for tests or runtimes with a special fetch; defaults to the global one. */
  fetch?: typeof fetch;
}

export interface ProxyRequestInfo {
  /** The client's IP address as the runtime sees it; appended to `X-Forwarded-For`. */
  clientAddress?: string;
}

export type ProxyHandler = (request: Request, info?: ProxyRequestInfo) => Promise<Response>;

/** Hop-by-hop headers (RFC 9110 §7.6.1) describe one connection and are never forwarded. */
const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host']);
const validRequestId = /^[A-Za-z0-9_=-]{1,255}$/;
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);

function isHopByHop(name: string, connectionTokens: ReadonlySet<string>): boolean {
  return hopByHop.has(name) || name.startsWith('proxy-') || connectionTokens.has(name);
}

/** Header names listed in `Connection` are hop-by-hop for this message too. */
function connectionTokens(headers: Headers): Set<string> {
  const value = headers.get('connection');
  return new Set(value ? value.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean) : []);
}

function copyHeaders(source: Headers): Headers {
  const tokens = connectionTokens(source);
  const target = new Headers();
  for (const [name, value] of source) {
    // `Headers` iteration joins several Set-Cookie into one string; they are copied one by one below.
    if (name === 'set-cookie' || isHopByHop(name, tokens)) continue;
    target.append(name, value);
  }
  for (const cookie of source.getSetCookie()) target.append('set-cookie', cookie);
  return target;
}

function backendUrlFor(base: URL, incoming: URL): URL {
  const basePath = base.pathname.replace(/\/+$/, '');
  const target = new URL(base.origin);
  target.pathname = `${basePath}${incoming.pathname}`;
  target.search = incoming.search;
  return target;
}

function badGateway(requestId: string, message: string): Response {
  return new Response(JSON.stringify({ error: { code: 'bad_gateway', message, requestId } }), {
    status: 502,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId },
  });
}

export function createProxyHandler(options: ProxyOptions): ProxyHandler {
  const base = new URL(options.backendUrl);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new Error(`backendUrl must be an http(s) URL, got ${options.backendUrl}`);
  }
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  return async function proxy(request: Request, info: ProxyRequestInfo = {}): Promise<Response> {
    const incoming = new URL(request.url);
    const incomingId = request.headers.get('x-request-id');
    const requestId = incomingId && validRequestId.test(incomingId) ? incomingId : crypto.randomUUID();

    const headers = copyHeaders(request.headers);
    headers.set('x-request-id', requestId);
    headers.set('x-forwarded-host', incoming.host);
    headers.set('x-forwarded-proto', incoming.protocol.slice(0, -1));
    if (info.clientAddress) {
      const prior = request.headers.get('x-forwarded-for');
      headers.set('x-forwarded-for', prior ? `${prior}, ${info.clientAddress}` : info.clientAddress);
    }

    const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null;
    const init: RequestInit & { duplex?: 'half' } = {
      method: request.method,
      headers,
      redirect: 'manual',
      signal: request.signal,
    };
    if (hasBody) {
      init.body = request.body;
      init.duplex = 'half';
    }

    let upstream: Response;
    try {
      upstream = await doFetch(backendUrlFor(base, incoming), init);
    } catch (error) {
      if (request.signal.aborted) throw error;
      return badGateway(requestId, 'The API server could not be reached. Try again in a moment.');
    }

    const responseHeaders = copyHeaders(upstream.headers);
    // fetch() hands us the body already decompressed, so the encoding and length no longer describe it.
    if (responseHeaders.has('content-encoding')) {
      responseHeaders.delete('content-encoding');
      responseHeaders.delete('content-length');
    }
    if (!responseHeaders.has('x-request-id')) responseHeaders.set('x-request-id', requestId);

    const body = nullBodyStatuses.has(upstream.status) || request.method === 'HEAD' ? null : upstream.body;
    return new Response(body, { status: upstream.status, statusText: upstream.statusText, headers: responseHeaders });
  };
}
