import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>eBay Connector</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto">
<h1>eBay Connector</h1>
<p>The server is running, but the web UI is not built.</p>
<p>Run <code>npm run build</code> (or start with <code>npm start</code>, which builds it) and reload this page.</p>
<p>The API is available under <code>/api</code>; health at <code>/healthz</code>.</p>
</body></html>
`;

/**
 * Serves the built web UI from `distDir` at `/`, compressed when the build left a compressed copy. Returns the
 * fallback for GETs no route matched (SPA routes get index.html), or a plain page saying the UI is not built.
 */
export async function registerWebUi(
  app: FastifyInstance,
  distDir: string,
): Promise<(request: FastifyRequest, reply: FastifyReply) => FastifyReply> {
  const built = existsSync(join(distDir, 'index.html'));
  if (built) {
    const assets = join(distDir, 'assets') + sep;
    await app.register(fastifyStatic, {
      root: distDir,
      prefix: '/',
      wildcard: true,
      index: ['index.html'],
      // The build writes .br and .gz copies of its text files: sent to browsers that accept them.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader('vary', 'accept-encoding');
        // Files under assets/ are named by their content's hash (a new build, new names): cached for good. The
        // rest (index.html) is checked again on every load, so a new release is seen at once.
        res.setHeader('cache-control', path.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    return (_request, reply) => reply.type('text/html; charset=utf-8').sendFile('index.html');
  }
  return (_request, reply) => reply.status(200).type('text/html; charset=utf-8').send(notBuiltPage);
}
