import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, loginResponseSchema } from '@ebay-connector/contract';
import { createTestApp, type TestApp } from './helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_MAX_FAILURES_PER_EMAIL: '3', LOGIN_MAX_FAILURES_PER_IP: '6' } });
});
afterAll(() => t.close());

describe('login, me, logout', () => {
  it('logs in with a cookie and a token, then logs out', async () => {
    const u = await t.createUser('operator', { email: 'Mixed.Case@Example.test' });
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'mixed.case@example.TEST', password: u.password } });
    expect(res.statusCode).toBe(200);
    const body = loginResponseSchema.parse(res.json());
    expect(body.user.email).toBe('mixed.case@example.test');
    expect(body.user.lastLoginAt).not.toBeNull();
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^ebc_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/);

    const viaCookie = await t.app.inject({ url: '/api/auth/me', headers: { cookie: `ebc_session=${body.token}` } });
    expect(viaCookie.statusCode).toBe(200);
    expect(viaCookie.json().user.id).toBe(u.user.id);
    const viaBearer = await t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${body.token}` } });
    expect(viaBearer.statusCode).toBe(200);

    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${body.token}` } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/ebc_session=;/);
    const after = await t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${body.token}` } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('unauthenticated');
  });

  it('sets a Secure cookie when PUBLIC_URL is https', async () => {
    const secure = await createTestApp({ env: { PUBLIC_URL: 'https://connector.example' } });
    try {
      const u = await secure.createUser('viewer');
      const res = await secure.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: u.password } });
      expect(String(res.headers['set-cookie'])).toMatch(/Secure/);
    } finally {
      await secure.close();
    }
  });

  it('answers the same 401 for a wrong email and a wrong password', async () => {
    const u = await t.createUser('viewer');
    const wrongPassword = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: 'nope-nope-nope' } });
    const wrongEmail = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@example.test', password: 'nope-nope-nope' } });
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongEmail.statusCode).toBe(401);
    expect(wrongPassword.json().error).toEqual({ ...wrongEmail.json().error, requestId: wrongPassword.json().error.requestId });
    expect(wrongPassword.json().error).toMatchObject({ code: 'unauthenticated', message: 'Email or password is not correct' });
    expect(wrongPassword.json().error.details).toBeUndefined();
  });

  it('rejects missing, malformed, unknown and expired credentials with 401', async () => {
    const s = await t.loginAs('viewer');
    await t.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).execute();
    for (const headers of [
      {},
      { authorization: 'Basic abc' },
      { authorization: 'Bearer not-a-token' },
      { cookie: 'ebc_session=not-a-token' },
      { authorization: `Bearer ${s.token}` },
    ]) {
      const res = await t.app.inject({ url: '/api/auth/me', headers });
      expect(res.statusCode, JSON.stringify(headers)).toBe(401);
      expect(errorBodySchema.parse(res.json()).error.code).toBe('unauthenticated');
    }
  });

  it('stops accepting the sessions of a disabled user, and tells the holder of one why', async () => {
    const u = await t.createUser('operator');
    const s = await t.login(u.email, u.password);
    await t.db.updateTable('users').set({ disabled: true }).where('id', '=', u.user.id).execute();
    const res = await t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${s.token}` } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({
      code: 'unauthenticated',
      message: 'Your account was disabled by an administrator; you cannot sign in until it is enabled again',
      details: { reason: 'account_disabled' },
    });
    const viaCookie = await t.app.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(viaCookie.json().error.details).toEqual({ reason: 'account_disabled' });

    // Enabled again: the old session stays ended, and is refused like any other.
    await t.db.updateTable('users').set({ disabled: false }).where('id', '=', u.user.id).execute();
    await t.db.updateTable('sessions').set({ revoked_at: new Date() }).where('user_id', '=', u.user.id).execute();
    const enabled = await t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${s.token}` } });
    expect(enabled.statusCode).toBe(401);
    expect(enabled.json().error.details).toBeUndefined();
    expect(enabled.json().error.message).toBe('Your session is invalid or has expired; sign in again');
  });

  it('says an account is disabled only to someone who gave its password', async () => {
    const u = await t.createUser('viewer');
    await t.db.updateTable('users').set({ disabled: true }).where('id', '=', u.user.id).execute();
    const login = (email: string, password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: '10.3.0.1' });

    const right = await login(u.email, u.password);
    expect(right.statusCode).toBe(401);
    expect(right.json().error).toMatchObject({
      code: 'unauthenticated',
      message: 'Your account is disabled; you cannot sign in until an administrator enables it again',
      details: { reason: 'account_disabled' },
    });
    expect(right.headers['set-cookie']).toBeUndefined();

    // A wrong password for a disabled account reads exactly like one for an unknown email.
    const wrong = (await login(u.email, 'not-the-password')).json().error;
    const unknown = (await login('nobody-here@example.test', 'not-the-password')).json().error;
    expect(wrong).toEqual({ ...unknown, requestId: wrong.requestId });
    expect(wrong.details).toBeUndefined();

    // Each attempt counts against the limits like a failed sign-in (3 per email here).
    expect((await login(u.email, u.password)).json().error.details).toEqual({ reason: 'account_disabled' });
    const limited = await login(u.email, u.password);
    expect(limited.statusCode).toBe(429);
  });

  it('validates the login body (422 with paths)', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: '' } });
    expect(res.statusCode).toBe(422);
    const paths = (res.json().error.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'password']));
  });
});

describe('login rate limit', () => {
  it('answers 429 with Retry-After after too many failures for one email, even with the right password', async () => {
    const u = await t.createUser('viewer');
    for (let i = 0; i < 3; i += 1) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: 'wrong-password' }, remoteAddress: '10.0.0.1' });
      expect(res.statusCode).toBe(401);
    }
    const limited = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: u.password }, remoteAddress: '10.0.0.2' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it('limits one IP across many emails', async () => {
    for (let i = 0; i < 6; i += 1) {
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: `x${i}@example.test`, password: 'wrong-password' }, remoteAddress: '10.9.9.9' });
    }
    const u = await t.createUser('viewer');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: u.password }, remoteAddress: '10.9.9.9' });
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
    const other = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: u.password }, remoteAddress: '10.9.9.10' });
    expect(other.statusCode).toBe(200);
  });
});

describe("changing one's own password", () => {
  const change = (token: string, payload: Record<string, string>, remoteAddress = '10.1.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { authorization: `Bearer ${token}` }, payload, remoteAddress });

  it('takes the current password, signs the other sessions out and keeps this one', async () => {
    const u = await t.createUser('viewer');
    const here = await t.login(u.email, u.password);
    const elsewhere = await t.login(u.email, u.password);
    const newPassword = 'a-brand-new-password-1';

    const wrong = await change(here.token, { currentPassword: 'not-my-password', newPassword });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toMatchObject({
      code: 'validation_failed',
      message: 'The current password is not correct',
      details: [{ path: 'currentPassword', message: 'The current password is not correct' }],
    });
    const short = await change(here.token, { currentPassword: u.password, newPassword: 'short' });
    expect(short.statusCode).toBe(422);
    expect(short.json().error.details[0].path).toBe('newPassword');
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: u.password, newPassword } })).statusCode).toBe(401);
    // Nothing changed so far.
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: u.password } })).statusCode).toBe(200);

    expect((await change(here.token, { currentPassword: u.password, newPassword })).statusCode).toBe(204);
    const me = (token: string) => t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect((await me(here.token)).statusCode).toBe(200);
    expect((await me(elsewhere.token)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: u.password } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: newPassword } })).statusCode).toBe(200);
  });

  it('refuses a new password equal to the current one, changing nothing', async () => {
    const u = await t.createUser('viewer');
    const here = await t.login(u.email, u.password);
    const elsewhere = await t.login(u.email, u.password);
    const before = await t.db.selectFrom('users').select(['password_hash', 'updated_at']).where('id', '=', u.user.id).executeTakeFirstOrThrow();

    const same = await change(here.token, { currentPassword: u.password, newPassword: u.password }, '10.1.0.9');
    expect(same.statusCode).toBe(422);
    expect(same.json().error).toMatchObject({
      code: 'validation_failed',
      message: 'The new password must differ from the current one',
      details: [{ path: 'newPassword', message: 'The new password must differ from the current one' }],
    });
    const after = await t.db.selectFrom('users').select(['password_hash', 'updated_at']).where('id', '=', u.user.id).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    const me = (token: string) => t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect((await me(elsewhere.token)).statusCode).toBe(200);
    // The right current password is not a failed sign-in.
    const failures = await t.db.selectFrom('login_failures').select('id').where('email', '=', u.email.toLowerCase()).execute();
    expect(failures).toEqual([]);

    // A wrong current password is reported first, whatever the new one.
    const both = await change(here.token, { currentPassword: 'not-my-password', newPassword: 'not-my-password' }, '10.1.0.9');
    expect(both.json().error.details).toEqual([{ path: 'currentPassword', message: 'The current password is not correct' }]);
  });

  it('counts wrong current passwords as failed sign-ins (a stolen session cannot guess the password)', async () => {
    const u = await t.createUser('operator');
    const s = await t.login(u.email, u.password);
    for (let i = 0; i < 3; i += 1) {
      expect((await change(s.token, { currentPassword: `guess-${i}-guess`, newPassword: 'another-password-22' }, '10.1.0.2')).statusCode).toBe(422);
    }
    const limited = await change(s.token, { currentPassword: u.password, newPassword: 'another-password-22' }, '10.1.0.3');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it("an admin's password reset lifts the lockout of that email", async () => {
    const u = await t.createUser('viewer');
    for (let i = 0; i < 3; i += 1) {
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: 'wrong-password' }, remoteAddress: '10.2.0.1' });
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: u.password }, remoteAddress: '10.2.0.2' });
    expect(locked.statusCode).toBe(429);
    const admin = await t.loginAs('admin');
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/admin/users/${u.user.id}/password`,
      headers: { authorization: `Bearer ${admin.token}` },
      payload: { password: 'reset-by-the-admin-1' },
    });
    expect(reset.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: 'reset-by-the-admin-1' }, remoteAddress: '10.2.0.3' });
    expect(after.statusCode).toBe(200);
  });
});
