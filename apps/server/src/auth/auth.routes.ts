import type { FastifyInstance, FastifyReply } from 'fastify';
import { changePasswordRequestSchema, loginRequestSchema, type LoginResponse, type MeResponse } from '@ebay-connector/contract';
import type { Config } from '../platform/config';
import { AppError, accountDisabled } from '../platform/errors';
import { parseOrThrow } from '../platform/validation';
import { requireAuth } from './access.hook';
import type { AuthService } from './auth.service';
import { SESSION_COOKIE } from './session-token';

function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.auth.cookieSecure,
    expires: expiresAt,
  });
}

export function authRoutes(deps: { config: Config; auth: AuthService }) {
  const { config, auth } = deps;
  return async function register(app: FastifyInstance): Promise<void> {
    app.post('/api/auth/login', { config: { access: 'public' } }, async (request, reply) => {
      const body = parseOrThrow(loginRequestSchema, request.body);
      const result = await auth.login({
        email: body.email,
        password: body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      if (!result.ok && result.reason === 'rate_limited') {
        throw new AppError(429, 'rate_limited', 'Too many failed sign-in attempts; try again later', undefined, {
          'retry-after': String(result.retryAfterSeconds),
        });
      }
      if (!result.ok && result.reason === 'account_disabled') {
        throw accountDisabled('Your account is disabled; you cannot sign in until an administrator enables it again');
      }
      if (!result.ok) throw new AppError(401, 'unauthenticated', 'Email or password is not correct');
      setSessionCookie(reply, config, result.token, result.expiresAt);
      const response: LoginResponse = { token: result.token, expiresAt: result.expiresAt.toISOString(), user: result.user };
      return response;
    });

    app.get('/api/auth/me', { config: { access: 'authenticated' } }, async (request) => {
      const response: MeResponse = { user: requireAuth(request).user };
      return response;
    });

    app.post('/api/auth/password', { config: { access: 'authenticated' } }, async (request, reply) => {
      const body = parseOrThrow(changePasswordRequestSchema, request.body);
      const result = await auth.changePassword({
        auth: requireAuth(request),
        currentPassword: body.currentPassword,
        newPassword: body.newPassword,
        ip: request.ip,
      });
      if (!result.ok && result.reason === 'rate_limited') {
        throw new AppError(429, 'rate_limited', 'Too many failed attempts; try again later', undefined, {
          'retry-after': String(result.retryAfterSeconds),
        });
      }
      if (!result.ok) {
        const [path, message] =
          result.reason === 'same_password'
            ? ['newPassword', 'The new password must differ from the current one']
            : ['currentPassword', 'The current password is not correct'];
        throw new AppError(422, 'validation_failed', message, [{ path, message }]);
      }
      return reply.status(204).send();
    });

    app.post('/api/auth/logout', { config: { access: 'authenticated' } }, async (request, reply) => {
      await auth.logout(requireAuth(request).sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.auth.cookieSecure });
      return reply.status(204).send();
    });
  };
}
