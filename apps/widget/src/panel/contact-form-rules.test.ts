import { describe, expect, it } from 'vitest';
import { contactFieldsFor, firstError, profileFromContact, validateContact, type ContactFields } from './contact-form-rules.ts';

const prechat = { enabled: true, name: 'optional', email: 'required', topic: 'required' } as const;
const empty = { name: '', email: '', topic: '', message: '' };

describe('contactFieldsFor', () => {
  it('follows the site for pre-chat, shows a topic only with departments, and always asks an email offline', () => {
    expect(contactFieldsFor('prechat', prechat, true)).toEqual({ name: 'optional', email: 'required', topic: 'required' });
    expect(contactFieldsFor('prechat', prechat, false)).toEqual({ name: 'optional', email: 'required', topic: 'off' });
    expect(contactFieldsFor('offline', { ...prechat, email: 'off', name: 'off' }, false)).toEqual({ name: 'optional', email: 'required', topic: 'off' });
    expect(contactFieldsFor('offline', { ...prechat, name: 'required' }, true)).toEqual({ name: 'required', email: 'required', topic: 'required' });
  });
});

describe('validateContact', () => {
  const fields: ContactFields = { name: 'required', email: 'optional', topic: 'off' };

  it('requires required fields and the message, ignoring whitespace', () => {
    expect(validateContact(fields, { ...empty, name: '  ' })).toEqual({ name: 'errorRequired', message: 'errorRequired' });
    expect(validateContact(fields, { ...empty, name: 'Ada', message: 'Hi' })).toEqual({});
  });

  it('checks an email when one is given, even if optional', () => {
    expect(validateContact(fields, { ...empty, name: 'Ada', email: 'ada@', message: 'Hi' })).toEqual({ email: 'errorEmail' });
    expect(validateContact(fields, { ...empty, name: 'Ada', email: ' ada@example.com ', message: 'Hi' })).toEqual({});
    expect(validateContact({ ...fields, email: 'off' }, { ...empty, name: 'Ada', email: 'junk', message: 'Hi' })).toEqual({});
  });

  it('requires a topic when the site does', () => {
    expect(validateContact({ name: 'off', email: 'off', topic: 'required' }, { ...empty, message: 'Hi' })).toEqual({ topic: 'errorRequired' });
  });

  it('names the first error in reading order', () => {
    expect(firstError({ message: 'errorRequired', email: 'errorEmail' })).toBe('email');
    expect(firstError({})).toBeNull();
  });
});

describe('profileFromContact', () => {
  it('sends only what was asked and given, trimmed', () => {
    expect(profileFromContact({ name: 'optional', email: 'required', topic: 'off' }, { ...empty, name: ' Ada ', email: 'a@b.co' })).toEqual({ name: 'Ada', email: 'a@b.co' });
    expect(profileFromContact({ name: 'off', email: 'optional', topic: 'off' }, { ...empty, name: 'Ada' })).toBeNull();
  });
});
