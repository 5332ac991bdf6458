import { describe, expect, it } from 'vitest';
import { loginPathFor, safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeNextPath('/admin/users?x=1#top')).toBe('/admin/users?x=1#top');
  });
  it.each([null, '', 'https://evil.example.com', '//evil.example.com/x', '/\\evil.example.com', '/login', '/login?next=/x'])(
    'falls back to / for %s',
    (value) => {
      expect(safeNextPath(value)).toBe('/');
    },
  );
});

describe('loginPathFor', () => {
  it('remembers where the user was', () => {
    expect(loginPathFor({ pathname: '/admin/users', search: '?a=1', hash: '' })).toBe(
      '/login?next=%2Fadmin%2Fusers%3Fa%3D1',
    );
    expect(loginPathFor({ pathname: '/', search: '', hash: '' })).toBe('/login');
  });
});
