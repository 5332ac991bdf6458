import type { FastifyInstance } from 'fastify';
import {
  createUserRequestSchema,
  resetPasswordRequestSchema,
  updateUserRequestSchema,
  type User,
  type UserListResponse,
} from '@ebay-connector/contract';
import { parseOrThrow } from '../platform/validation';
import type { UsersService } from './users.service';

export function userRoutes(deps: { users: UsersService }) {
  const { users } = deps;
  return async function register(app: FastifyInstance): Promise<void> {
    app.get('/api/admin/users', { config: { access: 'admin' } }, async () => {
      const response: UserListResponse = { users: await users.list() };
      return response;
    });

    app.post('/api/admin/users', { config: { access: 'admin' } }, async (request, reply) => {
      const user: User = await users.create(parseOrThrow(createUserRequestSchema, request.body));
      return reply.status(201).send({ user });
    });

    app.patch<{ Params: { id: string } }>('/api/admin/users/:id', { config: { access: 'admin' } }, async (request) => {
      const user = await users.update(request.params.id, parseOrThrow(updateUserRequestSchema, request.body));
      return { user };
    });

    app.post<{ Params: { id: string } }>('/api/admin/users/:id/password', { config: { access: 'admin' } }, async (request, reply) => {
      await users.resetPassword(request.params.id, parseOrThrow(resetPasswordRequestSchema, request.body).password);
      return reply.status(204).send();
    });
  };
}
