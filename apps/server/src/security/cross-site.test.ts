import { describe, expect, it } from 'vitest';
import { crossSiteRefusal, type RequestShape } from './cross-site.ts';

const base: RequestShape = { method: 'POST', path: '/api/sites/s1/triggers', origin: 'http://chat.test', contentType: 'application/json', host: 'chat.test' };

describe('crossSiteRefusal', () => {
  it('lets the console’s own JSON requests and every read through', () => {
    expect(crossSiteRefusal(base, undefined)).toBeNull();
    expect(crossSiteRefusal({ ...base, contentType: 'application/json; charset=utf-8' }, undefined)).toBeNull();
    expect(crossSiteRefusal({ ...base, origin: undefined }, undefined)).toBeNull(); // curl, scripts
    expect(crossSiteRefusal({ ...base, method: 'DELETE', contentType: undefined }, undefined)).toBeNull();
    expect(crossSiteRefusal({ ...base, method: 'GET', origin: 'https://evil.test', contentType: 'text/plain' }, undefined)).toBeNull();
    expect(crossSiteRefusal({ ...base, origin: 'https://chat.example.com' }, 'https://chat.example.com')).toBeNull();
  });

  it('refuses another origin, same site or not, before anything else', () => {
    for (const origin of ['http://blog.chat.test', 'https://evil.test', 'null']) {
      expect(crossSiteRefusal({ ...base, origin }, undefined)).toMatchObject({ status: 403, code: 'forbidden_origin' });
    }
  });

  it('refuses what an HTML form can send: text/plain and urlencoded', () => {
    for (const contentType of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded']) {
      expect(crossSiteRefusal({ ...base, contentType }, undefined)).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    }
  });

  it('leaves the visitors’ cross-origin API to its own rules', () => {
    expect(crossSiteRefusal({ ...base, path: '/api/widget/signals', origin: 'https://shop.test', contentType: 'text/plain' }, undefined)).toBeNull();
  });
});
