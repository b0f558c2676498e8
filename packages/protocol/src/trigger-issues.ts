import type { z } from 'zod';
import { TriggerRuleInputSchema, type TriggerRuleFields } from './triggers.ts';
import { signalChoices, signalInfo } from './trigger-signals.ts';

/**
 * Why a trigger rule cannot be saved, said as the console's form says it: the field by its label
 * ("Group 1, condition 2 › Seconds") and, where the value must be one of a list, the list. The
 * server answers a bad save with these, and the console shows them before saving, so an owner
 * never reads "/when/0/0: Invalid input".
 *
 * @example
 * checkTriggerRule({ …, when: [[{ signal: 'rage' }]] }).problems
 * // [{ field: 'Group 1, condition 1 › Signal', message: 'unknown signal "rage"; choose one of: rage_click (Rage clicks), …' }]
 */
export interface TriggerProblem {
  /** Where, in the form's words. */
  field: string;
  /** The path in the rule's JSON, for the advanced view and for tests. */
  path: readonly PropertyKey[];
  message: string;
}

export type TriggerCheck = { ok: true; rule: TriggerRuleFields } | { ok: false; problems: TriggerProblem[] };

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  enabled: 'Enabled',
  when: 'Conditions',
  action: 'Action',
  'action.message': 'Message',
  'action.senderName': 'Sender',
  'action.openPanel': 'Open the chat panel',
  delaySeconds: 'Delay (seconds)',
  priority: 'Priority',
  cap: 'Frequency cap',
  'cap.per': 'Show at most once per',
  'cap.cooldownMinutes': 'Cooldown (minutes)',
  audience: 'Audience',
  'audience.visitors': 'Visitors',
  'audience.onlyWhenAgentsOnline': 'Only when agents are online',
};

/** The value at `path` inside `input`, or undefined when the path leaves it. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = input;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

function fieldName(input: unknown, path: readonly PropertyKey[]): string {
  if (path[0] !== 'when') return FIELD_LABELS[path.join('.')] ?? (path.length ? path.join('.') : 'The rule');
  const [, group, condition, param] = path;
  if (typeof group !== 'number') return 'Conditions';
  if (typeof condition !== 'number') return `Group ${group + 1}`;
  const where = `Group ${group + 1}, condition ${condition + 1}`;
  if (param === undefined) return where;
  if (param === 'signal') return `${where} › Signal`;
  const signal = valueAt(input, ['when', group, condition, 'signal']);
  const label = typeof signal === 'string' ? signalInfo(signal)?.params.find((p) => p.name === param)?.label : undefined;
  return `${where} › ${label ?? String(param)}`;
}

const quoteList = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

function problemText(input: unknown, issue: z.core.$ZodIssue): string {
  const value = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_union':
      if (issue.path.at(-1) === 'signal') {
        return value === undefined ? `choose a signal: ${signalChoices()}` : `unknown signal ${JSON.stringify(value)}; choose one of: ${signalChoices()}`;
      }
      return 'is not valid';
    case 'invalid_value':
      return `${JSON.stringify(value)} is not one of: ${quoteList(issue.values)}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${issue.minimum}`;
      if (issue.origin === 'string') return issue.minimum === 1 ? 'cannot be empty' : `needs at least ${issue.minimum} characters`;
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `has at most ${issue.maximum}`;
      if (issue.origin === 'string') return issue.message.startsWith('Too big') ? `is at most ${issue.maximum} characters` : issue.message;
      return `must be at most ${issue.maximum}`;
    case 'invalid_type':
      if (value === undefined) return 'is required';
      if (issue.expected === 'int') return 'must be a whole number';
      return `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
    case 'unrecognized_keys': {
      const signal = valueAt(input, [...issue.path, 'signal']);
      const info = typeof signal === 'string' ? signalInfo(signal) : undefined;
      const valid = info
        ? info.params.length
          ? `; ${info.label} takes ${info.params.map((p) => p.name).join(', ')}`
          : `; ${info.label} takes no parameters`
        : '';
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${quoteList(issue.keys)}${valid}`;
    }
    default:
      return issue.message;
  }
}

/** The problems of a zod error over a trigger rule, with fields and messages in the form's words. */
export function describeTriggerIssues(input: unknown, issues: readonly z.core.$ZodIssue[]): TriggerProblem[] {
  return issues.map((issue) => ({ field: fieldName(input, issue.path), path: issue.path, message: problemText(input, issue) }));
}

/** Parses a rule (defaults filled) or says, per field, what is wrong with it. */
export function checkTriggerRule(input: unknown): TriggerCheck {
  const parsed = TriggerRuleInputSchema.safeParse(input);
  return parsed.success ? { ok: true, rule: parsed.data } : { ok: false, problems: describeTriggerIssues(input, parsed.error.issues) };
}

/** One line for an error response: "Group 1, condition 1 › Seconds: must be at least 0; Message: cannot be empty". */
export const triggerProblemsText = (problems: readonly TriggerProblem[]): string => problems.map((p) => `${p.field}: ${p.message}`).join('; ');
