import type { SignalKind, TriggerCondition } from './triggers.ts';

/**
 * The catalog of trigger signals: what each one means and its parameters with their types and
 * bounds. One list for the server (its save errors name the valid choices from it), the console
 * (the form builder's signal list, its fields, the preview) and the README's table, so the three
 * cannot disagree. `trigger-signals.test.ts` checks it against `TriggerConditionSchema`: every
 * signal of the schema is here, every default parses, and every bound is the schema's.
 *
 * @example signalInfo('time_on_page')?.params[0] // { name: 'seconds', kind: 'integer', min: 0, … }
 */
export type SignalParam =
  | {
      name: string;
      label: string;
      kind: 'integer' | 'number';
      min: number;
      max: number;
      /** A blank field leaves the parameter out (e.g. a visit-count range open at one end). */
      optional?: boolean;
      unit?: string;
      default?: number;
      help?: string;
    }
  | { name: string; label: string; kind: 'choice'; choices: readonly { value: string; label: string }[]; default: string; help?: string }
  | { name: string; label: string; kind: 'text'; maxLength: number; default: string; help?: string };

export interface SignalInfo {
  signal: SignalKind;
  /** A few words, for the signal list. */
  label: string;
  /** One sentence: when the condition holds. */
  description: string;
  params: readonly SignalParam[];
}

const patternParams = (what: string, example: string): SignalParam[] => [
  {
    name: 'match',
    label: 'Match as',
    kind: 'choice',
    choices: [
      { value: 'glob', label: 'Wildcard (* matches anything)' },
      { value: 'regex', label: 'Regular expression' },
    ],
    default: 'glob',
  },
  { name: 'pattern', label: 'Pattern', kind: 'text', maxLength: 200, default: example, help: `Tested against the ${what}.` },
];

export const SIGNAL_CATALOG: readonly SignalInfo[] = [
  {
    signal: 'rage_click',
    label: 'Rage clicks',
    description: 'The visitor clicks the same spot again and again (as set in the detector settings), usually on something that does not work.',
    params: [],
  },
  {
    signal: 'cart_abandon',
    label: 'Cart abandon',
    description: 'The cart holds items and the visitor shows exit intent, idles on checkout or leaves the checkout page.',
    params: [],
  },
  {
    signal: 'cart_value',
    label: 'Cart value',
    description: 'The cart the page reports is worth at least this much (in the shop’s currency).',
    params: [{ name: 'min', label: 'At least', kind: 'number', min: 0, max: 1e9, default: 50 }],
  },
  {
    signal: 'exit_intent',
    label: 'Exit intent',
    description: 'The pointer leaves the page through the top edge, towards the tabs and the address bar.',
    params: [],
  },
  {
    signal: 'time_on_page',
    label: 'Time on page',
    description: 'The visitor has been on the current page for at least this long.',
    params: [{ name: 'seconds', label: 'Seconds', kind: 'integer', min: 0, max: 1_000_000, unit: 's', default: 30 }],
  },
  {
    signal: 'scroll_depth',
    label: 'Scroll depth',
    description: 'The visitor has scrolled at least this far down the page.',
    params: [{ name: 'percent', label: 'Percent', kind: 'integer', min: 0, max: 100, unit: '%', default: 50 }],
  },
  {
    signal: 'url',
    label: 'Page URL',
    description: 'The current page’s path, query and hash match a pattern.',
    params: patternParams('path, query and hash (e.g. /pricing?plan=pro)', '/pricing*'),
  },
  {
    signal: 'referrer',
    label: 'Referrer',
    description: 'The page the visitor came from matches a pattern.',
    params: patternParams('full referring URL', 'https://www.google.*'),
  },
  {
    signal: 'utm',
    label: 'UTM parameter',
    description: 'A campaign parameter of the landing URL equals a value.',
    params: [
      {
        name: 'param',
        label: 'Parameter',
        kind: 'choice',
        choices: ['source', 'medium', 'campaign', 'term', 'content'].map((p) => ({ value: p, label: `utm_${p}` })),
        default: 'source',
      },
      { name: 'equals', label: 'Equals', kind: 'text', maxLength: 100, default: 'newsletter' },
    ],
  },
  {
    signal: 'visit_count',
    label: 'Visit count',
    description: 'This is the visitor’s n-th visit, within a range (leave an end blank to keep it open).',
    params: [
      { name: 'min', label: 'At least', kind: 'integer', min: 0, max: 1_000_000, optional: true, default: 2 },
      { name: 'max', label: 'At most', kind: 'integer', min: 0, max: 1_000_000, optional: true },
    ],
  },
  {
    signal: 'event',
    label: 'Custom event',
    description: 'The page tracked an event with this name (Hearth("track", name)).',
    params: [{ name: 'name', label: 'Event name', kind: 'text', maxLength: 64, default: 'signup_started' }],
  },
];

const BY_SIGNAL = new Map<string, SignalInfo>(SIGNAL_CATALOG.map((s) => [s.signal, s]));

/** The catalog entry of a signal name, or undefined for a name Hearth does not know. */
export const signalInfo = (signal: string): SignalInfo | undefined => BY_SIGNAL.get(signal);

/** "rage_click (Rage clicks), cart_abandon (Cart abandon), …": the valid choices, for error messages. */
export const signalChoices = (): string => SIGNAL_CATALOG.map((s) => `${s.signal} (${s.label})`).join(', ');

/** A condition of this signal with each parameter at its default (optional ones without a default left out). */
export function defaultCondition(signal: SignalKind): TriggerCondition {
  const condition: Record<string, unknown> = { signal };
  for (const p of signalInfo(signal)?.params ?? []) if (p.default !== undefined) condition[p.name] = p.default;
  return condition as TriggerCondition;
}
