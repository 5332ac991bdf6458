import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userListResponseSchema, userResponseSchema } from '@ebay-connector/contract';
import { createTestApp, type Session, type TestApp } from './helpers/app';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
});
afterAll(() => t.close());

const as = (s: Session) => ({ authorization: `Bearer ${s.token}` });

describe('admin user management', () => {
  it('lets an admin create, list, change and reset users', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: as(admin), payload: { email: 'New.Person@Example.test', password: 'first-password-1', role: 'viewer' } });
    expect(created.statusCode).toBe(201);
    const { user } = userResponseSchema.parse(created.json());
    expect(user).toMatchObject({ email: 'new.person@example.test', role: 'viewer', disabled: false, lastLoginAt: null });

    const dup = await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: as(admin), payload: { email: 'NEW.person@example.test', password: 'first-password-1', role: 'viewer' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('conflict');

    const list = userListResponseSchema.parse((await t.app.inject({ url: '/api/admin/users', headers: as(admin) })).json());
    expect(list.users.map((u) => u.email)).toContain('new.person@example.test');

    const promoted = await t.app.inject({ method: 'PATCH', url: `/api/admin/users/${user.id}`, headers: as(admin), payload: { role: 'operator' } });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json().user.role).toBe('operator');

    const session = await t.login('new.person@example.test', 'first-password-1');
    const reset = await t.app.inject({ method: 'POST', url: `/api/admin/users/${user.id}/password`, headers: as(admin), payload: { password: 'second-password-2' } });
    expect(reset.statusCode).toBe(204);
    // A password reset signs the user out everywhere.
    expect((await t.app.inject({ url: '/api/auth/me', headers: as(session) })).statusCode).toBe(401);
    await expect(t.login('new.person@example.test', 'first-password-1')).rejects.toThrow(/401/);
    const fresh = await t.login('new.person@example.test', 'second-password-2');

    const disabled = await t.app.inject({ method: 'PATCH', url: `/api/admin/users/${user.id}`, headers: as(admin), payload: { disabled: true } });
    expect(disabled.json().user.disabled).toBe(true);
    expect((await t.app.inject({ url: '/api/auth/me', headers: as(fresh) })).statusCode).toBe(401);
  });

  it('rejects empty patches and unknown users', async () => {
    const empty = await t.app.inject({ method: 'PATCH', url: `/api/admin/users/${admin.user.id}`, headers: as(admin), payload: {} });
    expect(empty.statusCode).toBe(422);
    const missing = await t.app.inject({ method: 'PATCH', url: '/api/admin/users/00000000-0000-4000-8000-000000000000', headers: as(admin), payload: { role: 'viewer' } });
    expect(missing.statusCode).toBe(404);
    const garbage = await t.app.inject({ method: 'POST', url: '/api/admin/users/not-a-uuid/password', headers: as(admin), payload: { password: 'long-enough-pass' } });
    expect(garbage.statusCode).toBe(404);
  });

  it('forbids operators and viewers', async () => {
    for (const role of ['operator', 'viewer'] as const) {
      const s = await t.loginAs(role);
      const res = await t.app.inject({ url: '/api/admin/users', headers: as(s) });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
  });

  it('applies a role change, a password reset and disabling to the next request of a session in use', async () => {
    const u = await t.createUser('operator');
    const s = await t.login(u.email, u.password);
    const me = async () => t.app.inject({ url: '/api/auth/me', headers: as(s) });
    expect((await me()).json().user.role).toBe('operator');
    const demoted = await t.app.inject({ method: 'PATCH', url: `/api/admin/users/${u.user.id}`, headers: as(admin), payload: { role: 'viewer' } });
    expect(demoted.statusCode).toBe(200);
    expect((await me()).json().user.role).toBe('viewer');

    const reset = await t.app.inject({ method: 'POST', url: `/api/admin/users/${u.user.id}/password`, headers: as(admin), payload: { password: 'another-password-3' } });
    expect(reset.statusCode).toBe(204);
    expect((await me()).statusCode).toBe(401);

    const again = await t.login(u.email, 'another-password-3');
    expect((await t.app.inject({ url: '/api/auth/me', headers: as(again) })).statusCode).toBe(200);
    const disabled = await t.app.inject({ method: 'PATCH', url: `/api/admin/users/${u.user.id}`, headers: as(admin), payload: { disabled: true } });
    expect(disabled.statusCode).toBe(200);
    const ended = await t.app.inject({ url: '/api/auth/me', headers: as(again) });
    expect(ended.statusCode).toBe(401);
    // The signed-out user is told why.
    expect(ended.json().error).toMatchObject({ code: 'unauthenticated', details: { reason: 'account_disabled' } });
    const signIn = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: 'another-password-3' } });
    expect(signIn.json().error.details).toEqual({ reason: 'account_disabled' });

    const enabled = await t.app.inject({ method: 'PATCH', url: `/api/admin/users/${u.user.id}`, headers: as(admin), payload: { disabled: false } });
    expect(enabled.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: as(again) })).json().error.details).toBeUndefined();
    expect((await t.login(u.email, 'another-password-3')).user.id).toBe(u.user.id);
  });

  it('never loses the last enabled admin', async () => {
    const solo = await createTestApp();
    try {
      const only = await solo.loginAs('admin');
      for (const payload of [{ role: 'operator' }, { disabled: true }]) {
        const res = await solo.app.inject({ method: 'PATCH', url: `/api/admin/users/${only.user.id}`, headers: as(only), payload });
        expect(res.statusCode, JSON.stringify(payload)).toBe(409);
        expect(res.json().error.code).toBe('conflict');
      }
      const second = await solo.createUser('admin');
      const demote = await solo.app.inject({ method: 'PATCH', url: `/api/admin/users/${only.user.id}`, headers: as(only), payload: { role: 'viewer' } });
      expect(demote.statusCode).toBe(200);
      const other = await solo.login(second.email, second.password);
      const last = await solo.app.inject({ method: 'PATCH', url: `/api/admin/users/${second.user.id}`, headers: as(other), payload: { disabled: true } });
      expect(last.statusCode).toBe(409);
    } finally {
      await solo.close();
    }
  });
});
