import { describe, expect, it } from 'vitest';
import { contrastRatio } from '@hearth/chat-client';
import { MAIL_LOCALES } from './account-strings.ts';
import { emailChangedMail, emailChangeMail, emailTakenMail, invitationMail, passwordChangedMail, passwordResetMail } from './account-mails.ts';

const link = 'https://chat.example/console/#/reset/TOKEN';

describe('account mail templates', () => {
  it('every kind renders in every language, text and HTML, with its link in both', () => {
    for (const locale of MAIL_LOCALES) {
      const mails = [
        passwordResetMail(locale, { name: 'Ann', email: 'ann@x.test', link }),
        passwordChangedMail(locale, { name: 'Ann', email: 'ann@x.test', consoleUrl: link }),
        invitationMail(locale, { name: 'Shop', brandColor: '#0e7490' }, { inviter: 'Bob', role: 'agent', link }),
        emailChangeMail(locale, { name: 'Ann', newEmail: 'new@x.test', link }),
        emailTakenMail(locale, { email: 'new@x.test' }),
        emailChangedMail(locale, { name: 'Ann', from: 'old@x.test', to: 'new@x.test' }),
      ];
      for (const mail of mails) {
        expect(mail.subject.length).toBeGreaterThan(5);
        expect(mail.html).toContain(`<html lang="${locale}">`);
        expect(mail.text).not.toContain('undefined');
      }
      for (const mail of [mails[0]!, mails[2]!, mails[3]!]) {
        expect(mail.text).toContain(link);
        expect(mail.html).toContain(`href="${link}"`);
      }
    }
    expect(passwordResetMail('de', { name: 'Ann', email: 'a@x.test', link }).subject).toBe('Hearth-Passwort zurücksetzen');
    expect(passwordResetMail('es', { name: 'Ann', email: 'a@x.test', link }).subject).toBe('Restablece tu contraseña de Hearth');
  });

  it('carries the site’s name and colour, with readable text on it, and escapes everything it is given', () => {
    const mail = invitationMail('en', { name: 'Ember & <Oak>', brandColor: '#facc15' }, { inviter: '<img src=x onerror=alert(1)>', role: 'owner', link: 'javascript:alert(1)' });
    expect(mail.subject).toBe('<img src=x onerror=alert(1)> invited you to Ember & <Oak> on Hearth');
    expect(mail.html).toContain('Ember &amp; &lt;Oak&gt;');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).not.toContain('href="javascript:');
    expect(mail.html).toContain('background:#facc15;color:#000000');
    expect(contrastRatio('#000000', '#facc15')).toBeGreaterThanOrEqual(4.5);
    // A colour that is not #rrggbb never reaches a style attribute.
    expect(invitationMail('en', { name: 'S', brandColor: 'red;background:url(x)' }, { inviter: 'B', role: 'agent', link }).html).not.toContain('url(x)');
  });
});
