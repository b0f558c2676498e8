import { describe, expect, it } from 'vitest';
import { badgeText, launcherName, pickLocale, stringsFor } from './loader-strings.ts';

describe('loader strings', () => {
  it('picks setLocale, then the site, then the browser, then English', () => {
    expect(pickLocale('es', 'de', 'en-US')).toBe('es');
    expect(pickLocale(null, 'de', 'en-US')).toBe('de');
    expect(pickLocale(null, null, 'de-AT')).toBe('de');
    expect(pickLocale(null, null, 'fr-FR')).toBe('en');
    expect(pickLocale(null, null, 'constructor')).toBe('en');
    expect(pickLocale(null, null, undefined)).toBe('en');
  });

  it("names the launcher by the owner's label or the locale's default, with the unread count", () => {
    const en = stringsFor('en');
    expect(launcherName(en, '', false, 0)).toBe('Chat with us');
    expect(launcherName(en, '', false, 2)).toBe('Chat with us, 2 unread');
    expect(launcherName(en, 'Questions? Ask us', false, 0)).toBe('Questions? Ask us');
    expect(launcherName(en, 'Ask us', true, 2)).toBe('Close chat');
    expect(launcherName(stringsFor('de'), '', false, 1)).toBe('Chatten Sie mit uns, 1 ungelesen');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(120)).toBe('99+');
  });
});
