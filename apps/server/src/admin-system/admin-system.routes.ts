import type { FastifyInstance } from 'fastify';
import { readAdminSystem, type AdminSystemDeps } from './admin-system.service';

/** `GET /api/admin/system` (admin): database, queue, workers, flags and non-secret settings. */
export function adminSystemRoutes(deps: AdminSystemDeps) {
  return async function register(app: FastifyInstance): Promise<void> {
    app.get('/api/admin/system', { config: { access: 'admin' } }, async () => readAdminSystem(deps));
  };
}
