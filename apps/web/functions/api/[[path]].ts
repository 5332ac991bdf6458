/**
 * Cloudflare Pages Function for `/api/*`: the static UI is served by Pages, every API call goes to BACKEND_URL.
 * Configure BACKEND_URL (e.g. `https://connector-api.example.com`) in the Pages project's environment variables.
 */
import { createProxyHandler, type ProxyHandler } from '../../src/edge/proxy';

export interface Env {
  BACKEND_URL?: string;
}

/** The part of Cloudflare's `EventContext` this function uses. */
export interface PagesContext {
  request: Request;
  env: Env;
}

let cached: { backendUrl: string; handler: ProxyHandler } | null = null;

function handlerFor(backendUrl: string): ProxyHandler {
  if (cached?.backendUrl !== backendUrl) cached = { backendUrl, handler: createProxyHandler({ backendUrl }) };
  return cached.handler;
}

export async function onRequest(context: PagesContext): Promise<Response> {
  const backendUrl = context.env.BACKEND_URL;
  if (!backendUrl) {
    const requestId = crypto.randomUUID();
    return new Response(
      JSON.stringify({
        error: { code: 'bad_gateway', message: 'The API proxy has no BACKEND_URL configured.', requestId },
      }),
      { status: 502, headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId } },
    );
  }
  const clientAddress = context.request.headers.get('cf-connecting-ip');
  return handlerFor(backendUrl)(context.request, clientAddress ? { clientAddress } : {});
}
