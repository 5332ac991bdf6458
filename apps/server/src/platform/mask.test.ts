import { describe, expect, it } from 'vitest';
import { maskSecret, maskUrl } from './mask';

describe('mask', () => {
  it('hides the password of a URL and secret-like query parameters', () => {
    const masked = maskUrl('postgres://app:s3cr3t@db.example:5432/ebay?sslmode=require&password=x1');
    expect(masked).not.toContain('s3cr3t');
    expect(masked).not.toContain('x1');
    expect(masked).toContain('app:****@db.example:5432/ebay');
    expect(masked).toContain('sslmode=require');
  });
  it('hides secrets entirely', () => {
    expect(maskSecret('abcdef')).not.toContain('abc');
    expect(maskSecret(null)).toBe('(not set)');
  });
});
