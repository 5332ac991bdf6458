/**
 * Serves a fetch-style handler (`(Request) => Promise<Response>`) with node:http, streaming both ways.
 * Used by the tests and by anyone self-hosting the static UI behind the `/api` proxy on plain Node:
 *
 *   BACKEND_URL=http://127.0.0.1:3000 PORT=8080 node --import tsx apps/web/src/edge/node-server.ts
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createProxyHandler, type ProxyHandler } from './proxy';

export interface RunningServer {
  server: Server;
  /** `http://host:port` the server listens on. */
  url: string;
  close: () => Promise<void>;
}

function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const encrypted = 'encrypted' in req.socket && req.socket.encrypted === true;
  const url = new URL(req.url ?? '/', `${encrypted ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`);
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i];
    const value = req.rawHeaders[i + 1];
    if (name !== undefined && value !== undefined && !name.startsWith(':')) headers.append(name, value);
  }
  const method = req.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal };
  if (method !== 'GET' && method !== 'HEAD') {
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
    init.duplex = 'half';
  }
  return new Request(url, init);
}

async function writeResponse(response: Response, res: ServerResponse, method: string): Promise<void> {
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);

  if (!response.body || method === 'HEAD') {
    await response.body?.cancel();
    res.end();
    return;
  }
  // Headers go out now, so a stream (server-sent events) starts before its first chunk.
  res.flushHeaders();
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) break;
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          const onDone = () => {
            res.off('drain', onDone);
            res.off('close', onDone);
            resolve();
          };
          res.on('drain', onDone);
          res.on('close', onDone);
        });
      }
    }
    res.end();
  } catch {
    // The upstream broke mid-body: the client must see a truncated response, not a complete one.
    res.destroy();
  } finally {
    reader.releaseLock();
  }
}

/** Wraps a handler as a node:http request listener. */
export function toNodeListener(handler: ProxyHandler) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const aborter = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) aborter.abort();
    });
    const method = req.method ?? 'GET';
    const run = async () => {
      let response: Response;
      try {
        const info = req.socket.remoteAddress ? { clientAddress: req.socket.remoteAddress } : {};
        response = await handler(toRequest(req, aborter.signal), info);
      } catch (error) {
        if (aborter.signal.aborted) return;
        console.error('edge handler failed', error);
        if (!res.headersSent) {
          res.statusCode = 500;
          res.setHeader('content-type', 'application/json; charset=utf-8');
          res.end(
            JSON.stringify({ error: { code: 'internal_error', message: 'The proxy failed', requestId: '' } }),
          );
        } else res.destroy();
        return;
      }
      await writeResponse(response, res, method);
    };
    void run();
  };
}

/** Starts a node:http server for `handler`; port 0 picks a free port. */
export function serveHandler(
  handler: ProxyHandler,
  options: { port?: number; host?: string } = {},
): Promise<RunningServer> {
  const server = createServer(toNodeListener(handler));
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        server,
        url: `http://${shownHost}:${port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const backendUrl = process.env['BACKEND_URL'];
  if (!backendUrl) {
    console.error('BACKEND_URL is required, e.g. BACKEND_URL=http://127.0.0.1:3000');
    process.exit(1);
  }
  const port = Number(process.env['PORT'] ?? 8080);
  const running = await serveHandler(createProxyHandler({ backendUrl }), {
    port,
    host: process.env['HOST'] ?? '127.0.0.1',
  });
  console.log(`edge proxy on ${running.url} -> ${backendUrl}`);
}
