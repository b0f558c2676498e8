import { describe, expect, it } from 'vitest';
import { SIGNAL_CATALOG, defaultCondition, signalInfo } from './trigger-signals.ts';
import { checkTriggerRule, triggerProblemsText } from './trigger-issues.ts';
import { TriggerConditionSchema, type SignalKind } from './triggers.ts';

const rule = (when: unknown, extra: Record<string, unknown> = {}) => ({
  name: 'Help on pricing',
  when,
  action: { message: 'Questions?', senderName: null },
  ...extra,
});

describe('the signal catalog', () => {
  it('lists exactly the signals of the schema, each default condition valid', () => {
    const schemaSignals = TriggerConditionSchema.options.map((o) => o.shape.signal.value).sort();
    expect(SIGNAL_CATALOG.map((s) => s.signal).sort()).toEqual(schemaSignals);
    for (const info of SIGNAL_CATALOG) {
      expect(TriggerConditionSchema.safeParse(defaultCondition(info.signal)).success, info.signal).toBe(true);
      expect(info.description.length, info.signal).toBeGreaterThan(20);
    }
  });

  it('has the schema’s bounds and choices for every parameter', () => {
    for (const info of SIGNAL_CATALOG) {
      for (const param of info.params) {
        const base = defaultCondition(info.signal) as Record<string, unknown>;
        const parses = (value: unknown) => TriggerConditionSchema.safeParse({ ...base, [param.name]: value }).success;
        if (param.kind === 'integer' || param.kind === 'number') {
          expect(parses(param.min), `${info.signal}.${param.name} min`).toBe(true);
          expect(parses(param.max), `${info.signal}.${param.name} max`).toBe(true);
          expect(parses(param.min - 1), `${info.signal}.${param.name} below`).toBe(false);
          expect(parses(param.max + 1), `${info.signal}.${param.name} above`).toBe(false);
          if (param.kind === 'integer') expect(parses(param.min + 0.5)).toBe(false);
          if (param.optional) expect(TriggerConditionSchema.safeParse({ signal: info.signal }).success).toBe(true);
        } else if (param.kind === 'choice') {
          for (const c of param.choices) expect(parses(c.value)).toBe(true);
          expect(parses('nonsense')).toBe(false);
        } else if (param.kind === 'text') {
          expect(parses('x'.repeat(param.maxLength))).toBe(true);
          expect(parses('x'.repeat(param.maxLength + 1))).toBe(false);
        }
      }
      // No parameter the schema takes is missing from the catalog.
      expect(TriggerConditionSchema.safeParse({ ...defaultCondition(info.signal), extra: 1 }).success).toBe(false);
    }
  });

  it('knows nothing of signals the schema does not take', () => {
    expect(signalInfo('rage')).toBeUndefined();
    expect(signalInfo('time_on_page' satisfies SignalKind)?.label).toBe('Time on page');
  });
});

describe('trigger save problems in the form’s words', () => {
  it('an unknown signal names the condition and lists the valid signals', () => {
    const check = checkTriggerRule(rule([[{ signal: 'time_on_page', seconds: 5 }, { signal: 'rage' }]]));
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems).toHaveLength(1);
    expect(check.problems[0]!.field).toBe('Group 1, condition 2 › Signal');
    expect(check.problems[0]!.message).toMatch(/^unknown signal "rage"; choose one of: rage_click \(Rage clicks\), /);
    for (const info of SIGNAL_CATALOG) expect(check.problems[0]!.message).toContain(info.signal);
  });

  it('a parameter out of range, of the wrong type or unknown is named by its label', () => {
    const check = checkTriggerRule(
      rule([
        [{ signal: 'scroll_depth', percent: 150 }],
        [
          { signal: 'time_on_page', seconds: 1.5 },
          { signal: 'exit_intent', seconds: 3 },
        ],
      ]),
    );
    expect(check.ok ? '' : triggerProblemsText(check.problems)).toBe(
      'Group 1, condition 1 › Percent: must be at most 100; Group 2, condition 1 › Seconds: must be a whole number; Group 2, condition 2: unknown field "seconds"; Exit intent takes no parameters',
    );
  });

  it('enums list their choices; missing and empty fields say so', () => {
    const check = checkTriggerRule(rule([[{ signal: 'utm', param: 'source' }]], { cap: { per: 'day' }, action: { message: ' ', senderName: null } }));
    expect(check.ok ? '' : triggerProblemsText(check.problems)).toBe(
      'Group 1, condition 1 › Equals: is required; Message: a message cannot be empty; Show at most once per: "day" is not one of: "page", "visit", "visitor"',
    );
    const empty = checkTriggerRule(rule([]));
    expect(empty.ok ? '' : triggerProblemsText(empty.problems)).toBe('Conditions: needs at least 1');
  });

  it('a valid rule parses with its defaults', () => {
    const check = checkTriggerRule(rule([[defaultCondition('url')]]));
    expect(check.ok && check.rule.cap).toEqual({ per: 'visit', cooldownMinutes: 0 });
  });
});
