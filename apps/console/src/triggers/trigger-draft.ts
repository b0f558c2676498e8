import { defaultCondition, signalInfo, type SignalKind, type SignalParam, type TriggerRule, type TriggerRuleInput } from '@hearth/protocol';

/**
 * The trigger being edited, as the form builder holds it: the rule's JSON shape, loosely typed,
 * because the advanced JSON view may put anything in it (an unknown signal, a string where a number
 * belongs). The server, the preview and the save check it with `checkTriggerRule`; the form shows
 * what it holds and flags what it does not know. Every edit here returns a new draft.
 */
export interface DraftCondition {
  signal: string;
  [param: string]: unknown;
}

export interface TriggerDraft extends Omit<TriggerRuleInput, 'when' | 'action' | 'cap' | 'audience'> {
  when: DraftCondition[][];
  action: { message: string; senderName: string | null; openPanel?: boolean };
  cap: { per: string; cooldownMinutes?: number };
  audience: { visitors: string; onlyWhenAgentsOnline: boolean };
}

const FILLED = {
  enabled: true,
  delaySeconds: 0,
  priority: 50,
  cap: { per: 'visit', cooldownMinutes: 0 },
  audience: { visitors: 'all', onlyWhenAgentsOnline: false },
} as const;

/** A draft from a stored rule, a template or parsed JSON: every field the form shows is present. */
export function toDraft(rule: TriggerRuleInput | TriggerRule | Record<string, unknown>): TriggerDraft {
  const { id: _id, ...fields } = rule as Record<string, unknown>;
  const input = fields as Partial<TriggerDraft>;
  return {
    ...FILLED,
    ...input,
    name: input.name ?? '',
    when: Array.isArray(input.when) ? input.when : [[defaultCondition('time_on_page')]],
    action: { message: '', senderName: null, openPanel: false, ...input.action },
    cap: { ...FILLED.cap, ...input.cap },
    audience: { ...FILLED.audience, ...input.audience },
  };
}

const replaceAt = <T>(list: readonly T[], index: number, value: T): T[] => list.map((item, i) => (i === index ? value : item));
const removeAt = <T>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);

export const addCondition = (draft: TriggerDraft, group: number): TriggerDraft => ({
  ...draft,
  when: replaceAt(draft.when, group, [...(draft.when[group] ?? []), defaultCondition('exit_intent')]),
});

export const addGroup = (draft: TriggerDraft): TriggerDraft => ({ ...draft, when: [...draft.when, [defaultCondition('exit_intent')]] });

/** Removes a condition; a group left empty goes too (an empty group would never hold). */
export function removeCondition(draft: TriggerDraft, group: number, index: number): TriggerDraft {
  const rest = removeAt(draft.when[group] ?? [], index);
  return { ...draft, when: rest.length ? replaceAt(draft.when, group, rest) : removeAt(draft.when, group) };
}

/** Another signal: its parameters start at their defaults (the old signal's ones mean nothing to it). */
export const changeSignal = (draft: TriggerDraft, group: number, index: number, signal: SignalKind): TriggerDraft =>
  setCondition(draft, group, index, defaultCondition(signal));

function setCondition(draft: TriggerDraft, group: number, index: number, condition: DraftCondition): TriggerDraft {
  return { ...draft, when: replaceAt(draft.when, group, replaceAt(draft.when[group] ?? [], index, condition)) };
}

/** A number field's value: a number when it reads as one, else the text as typed (the check names it). */
export const numberOf = (typed: string): number | string => (typed.trim() !== '' && Number.isFinite(Number(typed)) ? Number(typed) : typed);

/**
 * A parameter as typed in its field. Numbers are stored as numbers; a blank optional field drops
 * the parameter; a blank or unreadable required number is kept as typed, so the check names it
 * ("must be a number") instead of the form quietly saving a zero.
 */
export function setParam(draft: TriggerDraft, group: number, index: number, param: SignalParam, typed: string): TriggerDraft {
  const { [param.name]: _old, ...condition } = draft.when[group]?.[index] ?? { signal: '' };
  const next = condition as DraftCondition;
  if (param.kind === 'integer' || param.kind === 'number') {
    if (typed.trim() === '' && param.optional) return setCondition(draft, group, index, next);
    next[param.name] = numberOf(typed);
  } else {
    next[param.name] = typed;
  }
  return setCondition(draft, group, index, next);
}

/** Whether the form knows this condition's signal (an unknown one comes only from the JSON view). */
export const knownSignal = (condition: DraftCondition): boolean => signalInfo(condition.signal) !== undefined;
