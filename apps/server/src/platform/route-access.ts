import type { FastifyInstance, RouteOptions } from 'fastify';

/**
 * Who may call a route. Declare it on every route: `config: { access: 'operator' }`.
 * - public: anyone; authenticated: any signed-in role; operator: operator or admin; admin: admin only.
 * An `/api` route without a declaration is 'authenticated' (secure by default); other routes are public.
 */
export type Access = 'public' | 'authenticated' | 'operator' | 'admin';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** Every route registered so far with its effective access (tests iterate it). */
    routeTable: RegisteredRoute[];
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: Access;
}

export function effectiveAccess(url: string, declared: Access | undefined): Access {
  if (declared) return declared;
  return url === '/api' || url.startsWith('/api/') ? 'authenticated' : 'public';
}

/** Collects every route with its effective access. Call before registering routes. */
export function collectRoutes(app: FastifyInstance): void {
  const table: RegisteredRoute[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const access = effectiveAccess(route.url, route.config?.access);
    for (const method of methods) {
      if (method === 'HEAD' && route.exposeHeadRoute !== false && table.some((r) => r.url === route.url && r.method === 'GET')) continue;
      table.push({ method, url: route.url, access });
    }
  });
}
