import { describe, expect, it } from 'vitest';
import { activeFlagKey, frameUrl, readScriptConfig } from './script-config.ts';

describe('readScriptConfig', () => {
  it('derives the Hearth origin from the script src', () => {
    expect(readScriptConfig('http://localhost:3999/widget.js?v=1', 'site_1')).toEqual({ siteKey: 'site_1', origin: 'http://localhost:3999' });
  });
  it('refuses missing or odd inputs', () => {
    expect(readScriptConfig('https://x.io/widget.js', null)).toBeNull();
    expect(readScriptConfig('https://x.io/widget.js', 'bad key!')).toBeNull();
    expect(readScriptConfig('', 'k')).toBeNull();
    expect(readScriptConfig('data:text/javascript,1', 'k')).toBeNull();
    expect(readScriptConfig('not a url', 'k')).toBeNull();
  });
});

describe('frameUrl', () => {
  it('puts site and host in the hash, encoded', () => {
    const url = frameUrl({ siteKey: 'acme', origin: 'https://chat.io' }, 'https://shop.example:8443');
    expect(url).toBe('https://chat.io/widget/frame.html#site=acme&host=https%3A%2F%2Fshop.example%3A8443');
    expect(activeFlagKey('acme')).toBe('hearth:active:acme');
  });
});

