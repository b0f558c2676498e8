import { checkTriggerRule, signalChoices, signalInfo, type TriggerRule, type TriggerRuleInput } from '@hearth/protocol';
import { BLOCKED_TEXT, describeCondition, evaluateTriggers, missingConditions, type PromptHistory, type VisitorSignals } from '@hearth/chat-client';

/** A sample visitor for the preview: on checkout with a full cart, leaving through the top. */
export const SAMPLE_VISITOR: VisitorSignals = {
  path: '/demo?utm_source=newsletter#checkout',
  referrer: 'https://www.google.com/',
  visitCount: 2,
  timeOnPageS: 45,
  scrollDepth: 60,
  exitIntent: true,
  rage: { clicks: 5, ms: 1200, label: 'Pay now' },
  cart: { value: 84, currency: 'EUR', items: 3 },
  abandon: 'left checkout',
  events: [],
  agentsOnline: true,
};

export interface Preview {
  /** null: the rule cannot run as it stands (an unknown signal, a field out of range); `lines` say why. */
  fires: boolean | null;
  /** One sentence each: the evidence when it fires, else what is missing or what blocks it. */
  lines: string[];
}

/**
 * Whether and why a trigger (as being edited, not yet saved) would fire for a sample visitor. The
 * same `evaluateTriggers` as the loader, so the preview cannot disagree with the visitor's browser.
 */
export function previewTrigger(rule: TriggerRuleInput, signals: VisitorSignals, history: PromptHistory = {}): Preview {
  const full: TriggerRule = {
    id: 'preview',
    delaySeconds: 0,
    priority: 50,
    cap: { per: 'visit', cooldownMinutes: 0 },
    audience: { visitors: 'all', onlyWhenAgentsOnline: false },
    ...rule,
    // Previewed as if switched on (new triggers start off): the owner asks what it would do.
    enabled: true,
    action: { openPanel: false, ...rule.action },
  } as TriggerRule;
  const [result] = evaluateTriggers([full], signals, history, { now: Date.now(), visitId: 'preview', pageId: 'preview' }).results;
  if (!result) return { fires: false, lines: [] };
  if (result.fires) return { fires: true, lines: result.evidence.map((e) => `Evidence: ${e}`) };
  if (result.evidence.length > 0 && result.blocked) return { fires: false, lines: [`Conditions hold, but ${BLOCKED_TEXT[result.blocked]}.`] };
  return {
    fires: false,
    lines: missingConditions(full, signals).map((missing, i) => `Group ${i + 1} is missing ${missing.map(describeCondition).join(' and ')}.`),
  };
}

/**
 * The preview of a draft as the form holds it. A condition whose signal Hearth does not know is
 * flagged by name (it would never hold, so its group could never fire), and a rule the server would
 * refuse says which field and why, instead of evaluating something the loader will never run.
 */
export function previewDraft(draft: unknown, signals: VisitorSignals): Preview {
  const when = (draft as { when?: unknown } | null)?.when;
  const unknown: string[] = [];
  if (Array.isArray(when)) {
    when.forEach((group, g) => {
      if (!Array.isArray(group)) return;
      group.forEach((condition, c) => {
        const signal = (condition as { signal?: unknown } | null)?.signal;
        if (typeof signal !== 'string' || !signalInfo(signal)) {
          unknown.push(`Group ${g + 1}, condition ${c + 1}: unknown signal ${JSON.stringify(signal ?? null)}; it never holds, so the group cannot fire.`);
        }
      });
    });
  }
  if (unknown.length) return { fires: null, lines: [...unknown, `Signals Hearth knows: ${signalChoices()}.`] };
  const check = checkTriggerRule(draft);
  if (!check.ok) return { fires: null, lines: check.problems.map((p) => `${p.field}: ${p.message}.`) };
  return previewTrigger(check.rule, signals);
}
