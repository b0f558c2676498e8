import { describe, expect, it } from 'vitest';
import { decideIdentity, embeddingAllowed, identityHash, identityHashMatches } from './identity-rules.ts';

const secret = 'site-secret-abc';

describe('identity verification', () => {
  it('accepts the HMAC of the id and nothing else', () => {
    const hash = identityHash(secret, 'user-42');
    expect(identityHashMatches(secret, 'user-42', hash)).toBe(true);
    expect(identityHashMatches(secret, 'user-42', hash.toUpperCase())).toBe(true);
    expect(identityHashMatches(secret, 'user-43', hash)).toBe(false); // another user's hash
    expect(identityHashMatches('other-secret', 'user-42', hash)).toBe(false);
    expect(identityHashMatches(secret, 'user-42', '')).toBe(false);
    expect(identityHashMatches(secret, 'user-42', hash.slice(0, 63))).toBe(false);
    expect(identityHashMatches(secret, 'user-42', hash + '0')).toBe(false);
  });

  it('decides anonymous, identified or refused, by the site mode', () => {
    const hash = identityHash(secret, 'u1');
    expect(decideIdentity(secret, { requireIdentity: false }, undefined)).toEqual({ kind: 'anonymous' });
    expect(decideIdentity(secret, { requireIdentity: true }, undefined)).toMatchObject({ kind: 'refused', code: 'identity_required' });
    expect(decideIdentity(secret, { requireIdentity: false }, { id: 'u1', hash, name: 'Ann' })).toEqual({
      kind: 'identified',
      externalId: 'u1',
      name: 'Ann',
      email: null,
    });
    for (const bad of ['', 'x', identityHash(secret, 'u2')]) {
      expect(decideIdentity(secret, { requireIdentity: false }, { id: 'u1', hash: bad })).toMatchObject({ kind: 'refused', code: 'identity_invalid' });
    }
  });
});

describe('allowed origins', () => {
  it('allows any page when the list is empty, else only listed origins', () => {
    expect(embeddingAllowed([], undefined, undefined, 'hearth:3000')).toBe(true);
    const list = ['https://shop.example', 'http://localhost:8080/'];
    expect(embeddingAllowed(list, 'https://shop.example', 'http://hearth:3000', 'hearth:3000')).toBe(true);
    expect(embeddingAllowed(list, 'http://localhost:8080', undefined, 'hearth:3000')).toBe(true);
    expect(embeddingAllowed(list, 'https://evil.example', 'http://hearth:3000', 'hearth:3000')).toBe(false);
    expect(embeddingAllowed(list, undefined, 'https://evil.example', 'hearth:3000')).toBe(false);
    expect(embeddingAllowed(list, 'https://shop.example', 'https://evil.example', 'hearth:3000')).toBe(false);
    expect(embeddingAllowed(list, undefined, undefined, 'hearth:3000')).toBe(false);
    expect(embeddingAllowed(list, 'javascript:alert(1)', undefined, 'hearth:3000')).toBe(false);
  });
});
