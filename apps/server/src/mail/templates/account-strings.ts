import type { MemberRole } from '@hearth/protocol';

/** The languages Hearth writes mail in; an account's `locale` is one of them. */
export type MailLocale = 'en' | 'de' | 'es';
export const MAIL_LOCALES: readonly MailLocale[] = ['en', 'de', 'es'];

/** The words of account and team mail, per language. Placeholders are function arguments. */
export interface AccountMailStrings {
  greeting(name: string): string;
  fallback: string;
  footerAccount: string;
  footerSite(site: string): string;
  roles: Record<MemberRole, string>;
  reset: { subject: string; heading: string; body(email: string): string; action: string; ignore: string };
  passwordChanged: { subject: string; heading: string; body(email: string): string; action: string; notYou: string };
  invitation: { subject(inviter: string, site: string): string; heading(site: string): string; body(inviter: string, site: string, role: string): string; action: string; expiry: string };
  emailChange: { subject: string; heading: string; body(email: string): string; action: string; ignore: string };
  emailTaken: { subject: string; heading: string; body(email: string): string; hint: string };
  emailChanged: { subject: string; heading: string; body(from: string, to: string): string; notYou: string };
}

const en: AccountMailStrings = {
  greeting: (name) => `Hello ${name},`,
  fallback: 'If the button does not work, copy this link into your browser:',
  footerAccount: 'Hearth sent you this mail about your account.',
  footerSite: (site) => `Hearth sent you this mail for ${site}.`,
  roles: { owner: 'owner', agent: 'agent' },
  reset: {
    subject: 'Reset your Hearth password',
    heading: 'Choose a new password',
    body: (email) => `Somebody, hopefully you, asked to reset the password of the Hearth account ${email}. The link below works once, within one hour.`,
    action: 'Choose a new password',
    ignore: 'If you did not ask for this, ignore this mail: your password stays as it is.',
  },
  passwordChanged: {
    subject: 'Your Hearth password was changed',
    heading: 'Your password was changed',
    body: (email) => `The password of the Hearth account ${email} was just changed, and every other session of it was signed out.`,
    action: 'Open Hearth',
    notYou: 'If this was not you, use "Forgot password?" on the sign-in page at once and tell the owner of your site.',
  },
  invitation: {
    subject: (inviter, site) => `${inviter} invited you to ${site} on Hearth`,
    heading: (site) => `Join ${site} on Hearth`,
    body: (inviter, site, role) => `${inviter} invited you to answer the live chat of ${site} as ${role}.`,
    action: 'Accept the invitation',
    expiry: 'The invitation works once and expires in 7 days.',
  },
  emailChange: {
    subject: 'Confirm your new email address',
    heading: 'Confirm your new address',
    body: (email) => `Confirm that ${email} should become the address of your Hearth account. The link works once, within 24 hours.`,
    action: 'Confirm this address',
    ignore: 'If you did not ask for this, ignore this mail: nothing changes.',
  },
  emailTaken: {
    subject: 'Your address was given for a Hearth account',
    heading: 'This address already has an account',
    body: (email) => `Somebody asked to move a Hearth account to ${email}, but this address already has its own account, so nothing was changed.`,
    hint: 'If this was you, sign in with this address instead.',
  },
  emailChanged: {
    subject: 'The address of your Hearth account was changed',
    heading: 'Your address was changed',
    body: (from, to) => `The Hearth account ${from} now signs in as ${to}. Mail about it goes to the new address from now on.`,
    notYou: 'If this was not you, tell the owner of your site at once.',
  },
};

const de: AccountMailStrings = {
  greeting: (name) => `Hallo ${name},`,
  fallback: 'Falls die Schaltfläche nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:',
  footerAccount: 'Hearth hat Ihnen diese Mail zu Ihrem Konto geschickt.',
  footerSite: (site) => `Hearth hat Ihnen diese Mail für ${site} geschickt.`,
  roles: { owner: 'Inhaber', agent: 'Agent' },
  reset: {
    subject: 'Hearth-Passwort zurücksetzen',
    heading: 'Neues Passwort wählen',
    body: (email) => `Jemand, hoffentlich Sie, möchte das Passwort des Hearth-Kontos ${email} zurücksetzen. Der Link unten funktioniert einmal und nur innerhalb einer Stunde.`,
    action: 'Neues Passwort wählen',
    ignore: 'Wenn Sie das nicht waren, ignorieren Sie diese Mail: Ihr Passwort bleibt, wie es ist.',
  },
  passwordChanged: {
    subject: 'Ihr Hearth-Passwort wurde geändert',
    heading: 'Ihr Passwort wurde geändert',
    body: (email) => `Das Passwort des Hearth-Kontos ${email} wurde soeben geändert; alle anderen Sitzungen wurden abgemeldet.`,
    action: 'Hearth öffnen',
    notYou: 'Wenn Sie das nicht waren, nutzen Sie sofort „Passwort vergessen?“ auf der Anmeldeseite und informieren Sie den Inhaber Ihrer Website.',
  },
  invitation: {
    subject: (inviter, site) => `${inviter} lädt Sie zu ${site} auf Hearth ein`,
    heading: (site) => `${site} auf Hearth beitreten`,
    body: (inviter, site, role) => `${inviter} lädt Sie ein, den Live-Chat von ${site} als ${role} zu beantworten.`,
    action: 'Einladung annehmen',
    expiry: 'Die Einladung funktioniert einmal und läuft in 7 Tagen ab.',
  },
  emailChange: {
    subject: 'Neue E-Mail-Adresse bestätigen',
    heading: 'Neue Adresse bestätigen',
    body: (email) => `Bestätigen Sie, dass ${email} die Adresse Ihres Hearth-Kontos werden soll. Der Link funktioniert einmal und nur innerhalb von 24 Stunden.`,
    action: 'Diese Adresse bestätigen',
    ignore: 'Wenn Sie das nicht waren, ignorieren Sie diese Mail: Es ändert sich nichts.',
  },
  emailTaken: {
    subject: 'Ihre Adresse wurde für ein Hearth-Konto angegeben',
    heading: 'Diese Adresse hat bereits ein Konto',
    body: (email) => `Jemand wollte ein Hearth-Konto auf ${email} umstellen, aber diese Adresse hat bereits ein eigenes Konto; es wurde nichts geändert.`,
    hint: 'Wenn Sie das waren, melden Sie sich stattdessen mit dieser Adresse an.',
  },
  emailChanged: {
    subject: 'Die Adresse Ihres Hearth-Kontos wurde geändert',
    heading: 'Ihre Adresse wurde geändert',
    body: (from, to) => `Das Hearth-Konto ${from} meldet sich jetzt als ${to} an. Mails dazu gehen ab sofort an die neue Adresse.`,
    notYou: 'Wenn Sie das nicht waren, informieren Sie sofort den Inhaber Ihrer Website.',
  },
};

const es: AccountMailStrings = {
  greeting: (name) => `Hola, ${name}:`,
  fallback: 'Si el botón no funciona, copia este enlace en tu navegador:',
  footerAccount: 'Hearth te ha enviado este correo sobre tu cuenta.',
  footerSite: (site) => `Hearth te ha enviado este correo para ${site}.`,
  roles: { owner: 'propietario', agent: 'agente' },
  reset: {
    subject: 'Restablece tu contraseña de Hearth',
    heading: 'Elige una contraseña nueva',
    body: (email) => `Alguien, esperamos que tú, ha pedido restablecer la contraseña de la cuenta de Hearth ${email}. El enlace funciona una sola vez, durante una hora.`,
    action: 'Elegir una contraseña nueva',
    ignore: 'Si no lo has pedido tú, ignora este correo: tu contraseña no cambia.',
  },
  passwordChanged: {
    subject: 'Tu contraseña de Hearth ha cambiado',
    heading: 'Tu contraseña ha cambiado',
    body: (email) => `La contraseña de la cuenta de Hearth ${email} acaba de cambiar y se han cerrado todas sus demás sesiones.`,
    action: 'Abrir Hearth',
    notYou: 'Si no has sido tú, usa enseguida «¿Olvidaste tu contraseña?» en la página de acceso y avisa al propietario de tu sitio.',
  },
  invitation: {
    subject: (inviter, site) => `${inviter} te invita a ${site} en Hearth`,
    heading: (site) => `Únete a ${site} en Hearth`,
    body: (inviter, site, role) => `${inviter} te invita a atender el chat en vivo de ${site} como ${role}.`,
    action: 'Aceptar la invitación',
    expiry: 'La invitación funciona una sola vez y caduca en 7 días.',
  },
  emailChange: {
    subject: 'Confirma tu nueva dirección de correo',
    heading: 'Confirma tu nueva dirección',
    body: (email) => `Confirma que ${email} debe ser la dirección de tu cuenta de Hearth. El enlace funciona una sola vez, durante 24 horas.`,
    action: 'Confirmar esta dirección',
    ignore: 'Si no lo has pedido tú, ignora este correo: no cambia nada.',
  },
  emailTaken: {
    subject: 'Tu dirección se ha indicado para una cuenta de Hearth',
    heading: 'Esta dirección ya tiene una cuenta',
    body: (email) => `Alguien ha pedido pasar una cuenta de Hearth a ${email}, pero esta dirección ya tiene su propia cuenta, así que no ha cambiado nada.`,
    hint: 'Si has sido tú, inicia sesión con esta dirección.',
  },
  emailChanged: {
    subject: 'La dirección de tu cuenta de Hearth ha cambiado',
    heading: 'Tu dirección ha cambiado',
    body: (from, to) => `La cuenta de Hearth ${from} ahora inicia sesión como ${to}. Los correos sobre ella irán a la nueva dirección.`,
    notYou: 'Si no has sido tú, avisa enseguida al propietario de tu sitio.',
  },
};

const TABLES: Record<MailLocale, AccountMailStrings> = { en, de, es };

/** The strings of `locale`, English for anything else. */
export function accountMailStrings(locale: string | null | undefined): AccountMailStrings {
  return TABLES[(MAIL_LOCALES as readonly string[]).includes(locale ?? '') ? (locale as MailLocale) : 'en'];
}
