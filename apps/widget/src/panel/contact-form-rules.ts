import type { Prechat } from '@hearth/protocol';

/** How a contact field is asked: the site's pre-chat settings use the same three states. */
export type FieldRule = Prechat['name'];

export interface ContactFields {
  name: FieldRule;
  email: FieldRule;
  topic: FieldRule;
}

export interface ContactValues {
  name: string;
  email: string;
  /** A department id, or '' for none. */
  topic: string;
  message: string;
}

export type ContactErrorKey = 'errorRequired' | 'errorEmail';
export type ContactErrors = Partial<Record<keyof ContactValues, ContactErrorKey>>;

/** The order fields appear in, so "focus the first error" is the first one a visitor reads. */
export const CONTACT_FIELD_ORDER = ['name', 'email', 'topic', 'message'] as const;

/** Close to what the server's email check accepts: one @, a dot in the domain, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Which fields the form asks for. Pre-chat: the site's settings; offline: always an email (how else
 * to reply?), an optional name. The topic only where the site has departments to pick from.
 */
export function contactFieldsFor(mode: 'prechat' | 'offline', prechat: Prechat, hasDepartments: boolean): ContactFields {
  const topic = hasDepartments ? prechat.topic : 'off';
  if (mode === 'offline') return { name: prechat.name === 'required' ? 'required' : 'optional', email: 'required', topic };
  return { name: prechat.name, email: prechat.email, topic };
}

/** Errors by field (empty when the form may be sent). The message is always required. */
export function validateContact(fields: ContactFields, values: ContactValues): ContactErrors {
  const errors: ContactErrors = {};
  for (const field of ['name', 'email', 'topic'] as const) {
    if (fields[field] === 'required' && !values[field].trim()) errors[field] = 'errorRequired';
  }
  if (fields.email !== 'off' && values.email.trim() && !EMAIL.test(values.email.trim())) errors.email = 'errorEmail';
  if (!values.message.trim()) errors.message = 'errorRequired';
  return errors;
}

/** The first field with an error, in reading order. */
export const firstError = (errors: ContactErrors): keyof ContactValues | null => CONTACT_FIELD_ORDER.find((f) => errors[f]) ?? null;

/** The unverified profile the form's answers become (`visitor:update`); null when nothing was given. */
export function profileFromContact(fields: ContactFields, values: ContactValues): { name?: string; email?: string } | null {
  const name = fields.name !== 'off' ? values.name.trim().slice(0, 200) : '';
  const email = fields.email !== 'off' ? values.email.trim() : '';
  if (!name && !email) return null;
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
}
