import { describe, expect, it } from 'vitest';
import type { FileId } from '@hearth/protocol';
import { signFileLink, verifyFileLink } from './file-links.ts';

describe('file links', () => {
  const secret = 'test-secret';
  const parse = (link: string) => {
    const url = new URL(link, 'http://x');
    return { id: decodeURIComponent(url.pathname.split('/')[2]!), v: url.searchParams.get('v')!, exp: url.searchParams.get('exp')!, sig: url.searchParams.get('sig')! };
  };

  it('accepts its own link until it expires', () => {
    const l = parse(signFileLink(secret, 'file-1' as FileId, 'f', 5000));
    expect(verifyFileLink(secret, l.id, l.v, l.exp, l.sig, 4999)).toEqual({ ok: true });
    expect(verifyFileLink(secret, l.id, l.v, l.exp, l.sig, 5000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a link with another id, variant, expiry, signature or secret', () => {
    const l = parse(signFileLink(secret, 'file-1' as FileId, 't', 5000));
    expect(verifyFileLink(secret, 'file-2', l.v, l.exp, l.sig, 0)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyFileLink(secret, l.id, 'f', l.exp, l.sig, 0)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyFileLink(secret, l.id, l.v, '9999999', l.sig, 0)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyFileLink(secret, l.id, l.v, l.exp, `${l.sig.slice(0, -1)}A`, 0)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyFileLink('other', l.id, l.v, l.exp, l.sig, 0)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyFileLink(secret, l.id, 'x', l.exp, l.sig, 0)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyFileLink(secret, l.id, l.v, '1e9', l.sig, 0)).toEqual({ ok: false, reason: 'invalid' });
  });
});
