import type { MemberRole } from '@hearth/protocol';
import { accountMailStrings, type MailLocale } from './account-strings.ts';
import { HEARTH_LOOK, renderMail, type MailLook, type RenderedMail } from './layout.ts';

/**
 * Account and team mail, rendered in the recipient account's language. Pure: the caller passes
 * the links (built from PUBLIC_URL) and the look.
 */

export function passwordResetMail(locale: MailLocale, input: { name: string; email: string; link: string }): RenderedMail {
  const s = accountMailStrings(locale);
  return renderMail(HEARTH_LOOK, {
    lang: locale,
    subject: s.reset.subject,
    heading: s.reset.heading,
    paragraphs: [s.greeting(input.name), s.reset.body(input.email)],
    action: { label: s.reset.action, url: input.link, fallback: s.fallback },
    after: [s.reset.ignore],
    footer: s.footerAccount,
  });
}

export function passwordChangedMail(locale: MailLocale, input: { name: string; email: string; consoleUrl: string }): RenderedMail {
  const s = accountMailStrings(locale);
  return renderMail(HEARTH_LOOK, {
    lang: locale,
    subject: s.passwordChanged.subject,
    heading: s.passwordChanged.heading,
    paragraphs: [s.greeting(input.name), s.passwordChanged.body(input.email), s.passwordChanged.notYou],
    action: { label: s.passwordChanged.action, url: input.consoleUrl, fallback: s.fallback },
    footer: s.footerAccount,
  });
}

export function invitationMail(locale: MailLocale, look: MailLook, input: { inviter: string; role: MemberRole; link: string }): RenderedMail {
  const s = accountMailStrings(locale);
  return renderMail(look, {
    lang: locale,
    subject: s.invitation.subject(input.inviter, look.name),
    heading: s.invitation.heading(look.name),
    paragraphs: [s.invitation.body(input.inviter, look.name, s.roles[input.role])],
    action: { label: s.invitation.action, url: input.link, fallback: s.fallback },
    after: [s.invitation.expiry],
    footer: s.footerSite(look.name),
  });
}

export function emailChangeMail(locale: MailLocale, input: { name: string; newEmail: string; link: string }): RenderedMail {
  const s = accountMailStrings(locale);
  return renderMail(HEARTH_LOOK, {
    lang: locale,
    subject: s.emailChange.subject,
    heading: s.emailChange.heading,
    paragraphs: [s.greeting(input.name), s.emailChange.body(input.newEmail)],
    action: { label: s.emailChange.action, url: input.link, fallback: s.fallback },
    after: [s.emailChange.ignore],
    footer: s.footerAccount,
  });
}

export function emailTakenMail(locale: MailLocale, input: { email: string }): RenderedMail {
  const s = accountMailStrings(locale);
  return renderMail(HEARTH_LOOK, {
    lang: locale,
    subject: s.emailTaken.subject,
    heading: s.emailTaken.heading,
    paragraphs: [s.emailTaken.body(input.email), s.emailTaken.hint],
    footer: s.footerAccount,
  });
}

export function emailChangedMail(locale: MailLocale, input: { name: string; from: string; to: string }): RenderedMail {
  const s = accountMailStrings(locale);
  return renderMail(HEARTH_LOOK, {
    lang: locale,
    subject: s.emailChanged.subject,
    heading: s.emailChanged.heading,
    paragraphs: [s.greeting(input.name), s.emailChanged.body(input.from, input.to), s.emailChanged.notYou],
    footer: s.footerAccount,
  });
}
