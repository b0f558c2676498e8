import type { TriggerCondition, TriggerRule } from '@hearth/protocol';

/**
 * `evaluateTriggers(rules, signals, history, context)`: which proactive prompt (if any) to show now.
 * Pure and DOM-free: the loader runs it on the host page (see packages/protocol/src/triggers.ts for
 * why evaluation lives in the browser) and the console runs it for the owner's preview.
 */

export interface RageEvidence {
  clicks: number;
  ms: number;
  /** The element as a person would name it, quoted where it is its text: `'Pay now'`, `a blank spot under 'Shipping'`. */
  label: string;
}
export interface CartState {
  value: number;
  currency: string;
  items: number;
}

/** A snapshot of what the loader knows about the visitor on this page. */
export interface VisitorSignals {
  /** Path, query and hash of the page ("/demo?utm_source=mail#checkout"): what url globs and regexes are tested against, and where utm tags are read. */
  path: string;
  referrer: string;
  visitCount: number;
  timeOnPageS: number;
  scrollDepth: number;
  exitIntent: boolean;
  rage: RageEvidence | null;
  cart: CartState | null;
  /** Why the cart counts as abandoned ("left through the top", "idle on checkout"…), or null. */
  abandon: string | null;
  events: string[];
  agentsOnline: boolean;
}

/** The last time each trigger's prompt was shown to this visitor (kept by the loader across reloads). */
export interface PromptShown {
  at: number;
  visitId: string;
  pageId: string;
}
export type PromptHistory = Partial<Record<string, PromptShown>>;

export interface EvaluationContext {
  now: number;
  visitId: string;
  pageId: string;
}

export type Blocked = 'disabled' | 'capped' | 'audience' | 'agents_offline';

export interface RuleResult {
  rule: TriggerRule;
  fires: boolean;
  blocked: Blocked | null;
  /** The conditions of the first group that held (empty when none did). */
  evidence: string[];
}

export interface Evaluation {
  /** The one prompt to show: highest priority, ties to the smaller id. */
  winner: RuleResult | null;
  results: RuleResult[];
}

const globCache = new Map<string, RegExp | null>();
/** Owners' patterns, compiled once. A pattern that does not compile matches nothing. */
function patternRegex(match: 'glob' | 'regex', pattern: string): RegExp | null {
  const key = match + pattern;
  if (!globCache.has(key)) {
    let re: RegExp | null = null;
    try {
      re = new RegExp(match === 'regex' ? pattern : '^' + pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*+/g, '.*') + '$');
    } catch {
      // see above
    }
    globCache.set(key, re);
  }
  return globCache.get(key)!;
}

export function formatMoney(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(value);
  } catch {
    return value + ' ' + currency; // no or unknown currency code
  }
}

/** The evidence when `c` holds for `s`, or null. */
export function checkCondition(c: TriggerCondition, s: VisitorSignals): string | null {
  switch (c.signal) {
    case 'rage_click':
      return s.rage && `${s.rage.clicks} clicks on ${s.rage.label} in ${(s.rage.ms / 1000).toFixed(1)} s`;
    case 'cart_abandon':
      return s.cart && s.cart.items > 0 && s.abandon
        ? `cart ${formatMoney(s.cart.value, s.cart.currency)}, ${s.cart.items} item${s.cart.items === 1 ? '' : 's'}, ${s.abandon}`
        : null;
    case 'exit_intent':
      return s.exitIntent ? 'exit intent' : null;
    case 'time_on_page':
      return s.timeOnPageS >= c.seconds ? `${s.timeOnPageS} s on page` : null;
    case 'scroll_depth':
      return s.scrollDepth >= c.percent ? `scrolled ${s.scrollDepth}%` : null;
    case 'url':
    case 'referrer': {
      const subject = c.signal === 'url' ? s.path : s.referrer;
      return patternRegex(c.match, c.pattern)?.test(subject) ? `${c.signal} ${subject.slice(0, 150)}` : null;
    }
    case 'utm':
      return new URL(s.path, 'http://x').searchParams.get('utm_' + c.param) === c.equals ? 'utm_' + c.param : null;
    case 'visit_count':
      return s.visitCount >= (c.min ?? 0) && s.visitCount <= (c.max ?? Infinity) ? `visit ${s.visitCount}` : null;
    case 'event':
      return s.events.includes(c.name) ? c.name : null;
    case 'cart_value':
      return s.cart && s.cart.value >= c.min ? `cart ${formatMoney(s.cart.value, s.cart.currency)}` : null;
  }
}

function capped(rule: TriggerRule, last: PromptShown | undefined, ctx: EvaluationContext): boolean {
  if (!last) return false;
  if (ctx.now - last.at < rule.cap.cooldownMinutes * 60_000) return true;
  const { per } = rule.cap;
  return per === 'visitor' || (per === 'visit' && last.visitId === ctx.visitId) || (per === 'page' && last.pageId === ctx.pageId);
}

/** Conditions of each group that do not hold for `s`: why a rule does not fire (the console's preview). */
export const missingConditions = (rule: TriggerRule, s: VisitorSignals): TriggerCondition[][] =>
  rule.when.map((group) => group.filter((c) => checkCondition(c, s) === null));

function evaluateRule(rule: TriggerRule, s: VisitorSignals, history: PromptHistory, ctx: EvaluationContext): RuleResult {
  let evidence: string[] = [];
  for (const group of rule.when) {
    const found = group.map((c) => checkCondition(c, s));
    if (!found.includes(null)) {
      evidence = found as string[];
      break;
    }
  }
  const { visitors } = rule.audience;
  const blocked: Blocked | null = !rule.enabled
    ? 'disabled'
    : capped(rule, history[rule.id], ctx)
      ? 'capped'
      : (visitors === 'new' && s.visitCount > 1) || (visitors === 'returning' && s.visitCount < 2)
        ? 'audience'
        : rule.audience.onlyWhenAgentsOnline && !s.agentsOnline
          ? 'agents_offline'
          : null;
  return { rule, fires: evidence.length > 0 && !blocked, blocked, evidence };
}

/** Deterministic order: priority (high first), then id (ids are unique). */
const byPriority = (a: TriggerRule, b: TriggerRule): number => b.priority - a.priority || (a.id < b.id ? -1 : 1);

export function evaluateTriggers(
  rules: readonly TriggerRule[],
  signals: VisitorSignals,
  history: PromptHistory,
  context: EvaluationContext,
): Evaluation {
  const results = [...rules].sort(byPriority).map((rule) => evaluateRule(rule, signals, history, context));
  return { winner: results.find((r) => r.fires) ?? null, results };
}
