import { describe, expect, it } from 'vitest';
import type { SiteId, VisitorId } from '@hearth/protocol';
import { signVisitorToken, verifyVisitorToken } from './visitor-token.ts';

const claims = { siteId: 'site_1' as SiteId, visitorId: 'visitor-1' as VisitorId };

describe('visitor token', () => {
  it('round-trips', () => {
    expect(verifyVisitorToken('s3cret', signVisitorToken('s3cret', claims))).toEqual(claims);
  });
  it('rejects other secrets, tampering and junk', () => {
    const token = signVisitorToken('s3cret', claims);
    expect(verifyVisitorToken('other', token)).toBeNull();
    expect(verifyVisitorToken('s3cret', token.replace('visitor-1', 'visitor-2'))).toBeNull();
    expect(verifyVisitorToken('s3cret', token.slice(0, -2))).toBeNull();
    for (const junk of [undefined, null, 42, { $regex: '.*' }, '', 'v1.a.b', 'x'.repeat(600)]) {
      expect(verifyVisitorToken('s3cret', junk)).toBeNull();
    }
  });
});
