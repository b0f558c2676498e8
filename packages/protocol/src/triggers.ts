import { z } from 'zod';
import { requiredText } from './text-fields.ts';

/**
 * Proactive triggers: a site owner's rule ("5 clicks on Pay now → offer help") evaluated against
 * the signals the loader gathers on the host page.
 *
 * Where evaluation runs: in the visitor's browser (the loader), with `evaluateTriggers` from
 * @hearth/chat-client. Two reasons: the prompt must appear at once (no round-trip per click), and
 * owners' regular expressions then never run on the server, so a catastrophic pattern can only
 * slow down one visitor's tab, never the process every site shares. The server only compiles a
 * pattern (syntax check, which does not match anything) and bounds its length.
 *
 * @example
 * TriggerRuleInputSchema.parse({
 *   name: 'Rage clicks', when: [[{ signal: 'rage_click' }]],
 *   action: { message: 'Stuck? We can help.', senderName: null, openPanel: false },
 * })
 */
export const PATTERN_MAX = 200;

const patternSchema = z.object({
  match: z.enum(['glob', 'regex']),
  pattern: z.string().min(1).max(PATTERN_MAX),
});

/** Compiling checks the syntax without matching anything, so it is safe on the server. */
const compiles = (pattern: string): boolean => {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
};
const isValidRegex = (p: { match: 'glob' | 'regex'; pattern: string }): boolean => p.match !== 'regex' || compiles(p.pattern);
const withPattern = <S extends 'url' | 'referrer'>(signal: S) =>
  z.strictObject({ signal: z.literal(signal), ...patternSchema.shape }).refine(isValidRegex, {
    message: 'not a valid regular expression',
    path: ['pattern'],
  });

const count = z.number().int().min(0).max(1_000_000);

// A union on `signal`: an unknown signal is one issue at `…/signal` (not one per option), and a
// known signal's issues point at its own fields (trigger-issues.ts turns both into the form's words).
export const TriggerConditionSchema = z.discriminatedUnion('signal', [
  z.strictObject({ signal: z.literal('rage_click') }),
  z.strictObject({ signal: z.literal('cart_abandon') }),
  z.strictObject({ signal: z.literal('exit_intent') }),
  z.strictObject({ signal: z.literal('time_on_page'), seconds: count }),
  z.strictObject({ signal: z.literal('scroll_depth'), percent: z.number().int().min(0).max(100) }),
  withPattern('url'),
  withPattern('referrer'),
  z.strictObject({ signal: z.literal('utm'), param: z.enum(['source', 'medium', 'campaign', 'term', 'content']), equals: z.string().min(1).max(100) }),
  z.strictObject({ signal: z.literal('visit_count'), min: count.optional(), max: count.optional() }),
  z.strictObject({ signal: z.literal('event'), name: z.string().min(1).max(64) }),
  z.strictObject({ signal: z.literal('cart_value'), min: z.number().min(0).max(1e9) }),
]);
export type TriggerCondition = z.infer<typeof TriggerConditionSchema>;
export type SignalKind = TriggerCondition['signal'];

export const TriggerRuleInputSchema = z.strictObject({
  name: requiredText(80, 'a name'),
  enabled: z.boolean().default(true),
  /** OR of AND-groups: `[[a, b], [c]]` fires when (a and b) or c. Any boolean rule has this form. */
  when: z.array(z.array(TriggerConditionSchema).min(1).max(10)).min(1).max(10),
  action: z.strictObject({
    message: requiredText(500, 'a message'),
    /** Shown as the sender; null: the site's name. */
    senderName: requiredText(60, 'a sender name').nullable(),
    openPanel: z.boolean().default(false),
  }),
  /** Seconds the conditions must keep holding before the prompt shows. */
  delaySeconds: z.number().int().min(0).max(600).default(0),
  /** Higher wins; ties go to the older trigger (smaller id), so the choice is deterministic. */
  priority: z.number().int().min(0).max(100).default(50),
  cap: z
    .strictObject({
      per: z.enum(['page', 'visit', 'visitor']),
      cooldownMinutes: z.number().int().min(0).max(525_600).default(0),
    })
    .default({ per: 'visit', cooldownMinutes: 0 }),
  audience: z
    .strictObject({
      visitors: z.enum(['all', 'new', 'returning']).default('all'),
      onlyWhenAgentsOnline: z.boolean().default(false),
    })
    .default({ visitors: 'all', onlyWhenAgentsOnline: false }),
});
export type TriggerRuleInput = z.input<typeof TriggerRuleInputSchema>;
export type TriggerRuleFields = z.infer<typeof TriggerRuleInputSchema>;

/** A stored trigger, as the console and the loader receive it. */
export interface TriggerRule extends TriggerRuleFields {
  id: string;
}

/** Per-site knobs of the detectors (defaults as PostHog counts a rage click). */
// Stored inside the site's settings document: plain objects (unknown keys are dropped), so a key a
// later version removes can never make the whole document unreadable.
export const RageClickSettingsSchema = z.object({
  clicks: z.number().int().min(2).max(20).default(3),
  windowMs: z.number().int().min(100).max(10_000).default(1000),
  radiusPx: z.number().int().min(1).max(500).default(30),
  /** Elements matching this selector never count (e.g. a "+" quantity button). */
  ignoreSelector: z.string().max(200).default(''),
});
export type RageClickSettings = z.infer<typeof RageClickSettingsSchema>;

/** A site's detector settings (in its SiteSettings); PUT /api/sites/:siteId/trigger-settings replaces them. */
export const TriggerSettingsSchema = z.object({
  rage: RageClickSettingsSchema.default(RageClickSettingsSchema.parse({})),
  /** Seconds without input on a checkout page that count as abandoning the cart. */
  checkoutIdleSeconds: z.number().int().min(5).max(3600).default(60),
  /** Regular expression (run in the browser only) for checkout-like pages, tested on path + query + hash. */
  checkoutPattern: z.string().min(1).max(PATTERN_MAX).refine(compiles, 'not a valid regular expression').default('checkout'),
});
export type TriggerSettings = z.infer<typeof TriggerSettingsSchema>;

/** GET /api/widget/triggers?site=KEY — what the loader needs; public, like the site key. */
export interface WidgetTriggerConfig {
  /** Sender of prompts whose trigger names no agent. */
  siteName: string;
  rage: RageClickSettings;
  /** Idle seconds on a checkout-like page that count as abandoning it. */
  checkoutIdleSeconds: number;
  /** A regular expression (JS syntax) tested in the browser against path + query + hash. */
  checkoutPattern: string;
  agentsOnline: boolean;
  triggers: TriggerRule[];
}

/** What the loader reports about prompts and purchases (no socket needed: sendBeacon). */
export const SignalEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.enum(['shown', 'dismissed', 'engaged']), triggerId: z.string().min(1).max(64), at: z.number().int().min(0) }),
  z.strictObject({
    type: z.literal('purchase'),
    value: z.number().min(0).max(1e9),
    currency: z.string().max(8).default(''),
    at: z.number().int().min(0),
  }),
]);
export type SignalEvent = z.input<typeof SignalEventSchema>;

export const SIGNAL_BATCH_MAX = 50;
export const SIGNAL_BODY_MAX_BYTES = 16 * 1024;

/** POST /api/widget/signals. The site comes from the key; a visit is a random id the loader keeps for the tab session. */
export const SignalBatchSchema = z.strictObject({
  siteKey: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/),
  visitId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/),
  events: z.array(SignalEventSchema).min(1).max(SIGNAL_BATCH_MAX),
});
export type SignalBatch = z.input<typeof SignalBatchSchema>;

/** One entry of the visitor's timeline the agent sees beside a triggered conversation. */
export interface VisitorTimelineEntry {
  at: number;
  kind: 'page' | 'cart' | 'rage' | 'event' | 'purchase' | 'exit';
  label: string;
}

/** Sent with the visitor's first message after they engaged with a prompt; recorded in `conversation.started`. */
export const TriggerContextSchema = z.strictObject({
  triggerId: z.string().min(1).max(64),
  triggerName: z.string().max(80),
  evidence: z.array(z.string().max(200)).max(10),
  timeline: z
    .array(z.strictObject({ at: z.number().int().min(0), kind: z.enum(['page', 'cart', 'rage', 'event', 'purchase', 'exit']), label: z.string().max(200) }))
    .max(40),
});
export type TriggerContext = z.infer<typeof TriggerContextSchema>;

/** The `conversation.started` data of a triggered conversation: the context plus what the visitor was told. */
export const TriggerStartSchema = TriggerContextSchema.extend({ prompt: z.string().max(500) });
export type TriggerStart = z.infer<typeof TriggerStartSchema>;

/** Per-trigger figures for the console. */
export interface TriggerStats {
  triggerId: string;
  shown: number;
  engaged: number;
  conversations: number;
  conversions: number;
  /** Sum of the purchases converted by a cart-abandon trigger (in the shop's currency; 0 for other triggers). */
  recoveredValue: number;
}
