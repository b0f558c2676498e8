import { describe, expect, it } from 'vitest';
import type { TriggerRuleInput } from '@hearth/protocol';
import { SAMPLE_VISITOR, previewDraft, previewTrigger } from './trigger-preview.ts';

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
    const preview = previewTrigger(
      rule([[{ signal: 'event', name: 'signup' }], [{ signal: 'scroll_depth', percent: 90 }, { signal: 'exit_intent' }]]),
      SAMPLE_VISITOR,
    );
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

describe('previewDraft', () => {
  it('flags an unknown signal by its place instead of evaluating it', () => {
    const preview = previewDraft(rule([[{ signal: 'exit_intent' }, { signal: 'mind_reading' } as never]]), SAMPLE_VISITOR);
    expect(preview.fires).toBeNull();
    expect(preview.lines[0]).toBe('Group 1, condition 2: unknown signal "mind_reading"; it never holds, so the group cannot fire.');
    expect(preview.lines[1]).toMatch(/^Signals Hearth knows: rage_click \(Rage clicks\)/);
    expect(preview.lines.join(' ')).not.toContain('undefined');
  });
  it('names a field the server would refuse', () => {
    const preview = previewDraft(rule([[{ signal: 'time_on_page', seconds: 'soon' as never }]]), SAMPLE_VISITOR);
    expect(preview).toEqual({ fires: null, lines: ['Group 1, condition 1 › Seconds: must be a number.'] });
  });
  it('previews a valid draft like a saved rule', () => {
    expect(previewDraft(rule([[{ signal: 'exit_intent' }]]), SAMPLE_VISITOR)).toEqual({ fires: true, lines: ['Evidence: exit intent'] });
  });
});
