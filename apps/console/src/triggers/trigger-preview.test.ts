import { describe, expect, it } from 'vitest';
import type { TriggerRuleInput } from '@hearth/protocol';
import { SAMPLE_VISITOR, previewTrigger } from './trigger-preview.ts';

const rule = (when: TriggerRuleInput['when'], patch: Partial<TriggerRuleInput> = {}): TriggerRuleInput => ({
  name: 'T',
  when,
  action: { message: 'Hi', senderName: null },
  ...patch,
});

describe('previewTrigger', () => {
  it('fires with the evidence for a matching sample visitor', () => {
    expect(previewTrigger(rule([[{ signal: 'cart_abandon' }]]), SAMPLE_VISITOR)).toEqual({
      fires: true,
      lines: ['Evidence: cart €84.00, 3 items, left checkout'],
    });
  });
  it('says which conditions of each group are missing', () => {
    const preview = previewTrigger(rule([[{ signal: 'event', name: 'signup' }], [{ signal: 'scroll_depth', percent: 90 }, { signal: 'exit_intent' }]]), SAMPLE_VISITOR);
    expect(preview).toEqual({
      fires: false,
      lines: ['Group 1 is missing custom event "signup".', 'Group 2 is missing scrolled at least 90%.'],
    });
  });
  it('says what blocks a rule whose conditions hold', () => {
    const preview = previewTrigger(rule([[{ signal: 'exit_intent' }]], { audience: { visitors: 'new', onlyWhenAgentsOnline: false } }), SAMPLE_VISITOR);
    expect(preview).toEqual({ fires: false, lines: ['Conditions hold, but the visitor is not in its audience.'] });
  });
});
