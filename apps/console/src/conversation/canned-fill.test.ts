import { describe, expect, it } from 'vitest';
import { fillPlaceholders } from './canned-fill.ts';

const ctx = { visitor: { name: 'Ada Lovelace', email: 'ada@example.com' }, agent: { name: 'Sam' }, site: { name: 'Ember & Oak' } };

describe('fillPlaceholders', () => {
  it('fills every known placeholder', () => {
    expect(fillPlaceholders('Hi {{visitor.first_name}} ({{visitor.name}}, {{visitor.email}}) — {{agent.name}} at {{site.name}}', ctx)).toBe(
      'Hi Ada (Ada Lovelace, ada@example.com) — Sam at Ember & Oak',
    );
  });
  it('uses the fallback when the value is unknown, and tolerates spaces', () => {
    expect(fillPlaceholders('Hi {{ visitor.name | there }}!', {})).toBe('Hi there!');
    expect(fillPlaceholders('Hi {{visitor.first_name|friend}}', { visitor: { name: '  ' } })).toBe('Hi friend');
    expect(fillPlaceholders('Mail: {{visitor.email}}.', {})).toBe('Mail: .');
  });
  it('leaves unknown placeholders visible', () => {
    expect(fillPlaceholders('Order {{order.id}} and {{visitor.phone | n/a}}', ctx)).toBe('Order {{order.id}} and {{visitor.phone | n/a}}');
  });
  it('does not treat a value as a template (no double expansion)', () => {
    expect(fillPlaceholders('{{visitor.name}}', { visitor: { name: '{{agent.name}}' } })).toBe('{{agent.name}}');
  });
});
