import type { SignalEvent, TriggerContext, VisitorAttributes, VisitorTimelineEntry, WidgetLocale, WidgetTriggerConfig } from '@hearth/protocol';
import { evaluateTriggers, formatMoney, type CartState, type PromptHistory, type RageEvidence, type RuleResult } from '@hearth/chat-client';
import type { HostStorage } from '../host-storage.ts';
import type { LoaderConfig } from '../script-config.ts';
import { abandonReason, cartFromProps } from './detectors/cart.ts';
import { watchExitIntent } from './detectors/exit-intent.ts';
import { describeElement, scrollPercent } from './detectors/page-signals.ts';
import { createRageClickDetector } from './detectors/rage-click.ts';
import { adoptStyles } from '../shadow-styles.ts';
import { PROMPT_CSS, showPrompt } from './prompt.ts';

export interface ProactiveHooks {
  root: ShadowRoot;
  /** The loader's storage functions (host-storage.ts). */
  storage: HostStorage;
  /** True while the panel is open, the launcher hidden or the visitor in a conversation: no prompts then. */
  chatting(): boolean;
  /** The visitor replied to a prompt (or it opens the panel by itself): open the chat with this context. */
  engage(context: TriggerContext): void;
  /** The widget's current locale (the prompt's buttons and name). */
  locale(): WidgetLocale;
}

export interface Proactive {
  /** `Hearth('track', name, props)`, checked by the loader: 'cart', 'purchase' or a custom event. */
  track(name: string, props?: VisitorAttributes): void;
  navigated(): void;
  /** The visitor opened the chat: with a prompt on screen, that engages with it. */
  opened(): void;
}

const pathNow = (): string => location.pathname + location.search + location.hash;

/** This visit's stored state: an id and a timeline of { at, kind, label } entries. */
const isVisit = (v: any): boolean =>
  typeof v.id == 'string' &&
  Array.isArray(v.timeline) &&
  v.timeline.every((e: any) => typeof e.at == 'number' && typeof e.kind == 'string' && typeof e.label == 'string');

/** Wraps a host-page event handler: an error of ours stays in the console, never reaches the page. */
const guard =
  <A extends unknown[]>(fn: (...args: A) => void) =>
  (...args: A): void => {
    try {
      fn(...args);
    } catch (error) {
      console.error('[hearth]', error);
    }
  };

/**
 * Gathers the host page's signals (detectors/), evaluates the site's triggers on every change (and
 * once a second, for time-based conditions), shows at most one prompt at a time, and reports what
 * happened with sendBeacon, batched: a page that never shows a prompt sends nothing.
 */
export function startProactive(config: LoaderConfig, site: WidgetTriggerConfig, hooks: ProactiveHooks): Proactive {
  // One document per storage: the visitor's (visit count; prompts shown, for caps across reloads and
  // visits) and the visit's (its id; the timeline the agent sees if the visitor replies).
  adoptStyles(hooks.root, PROMPT_CSS);
  const { isRecord, loadJson, randomId, storeJson, toJson } = hooks.storage;
  const key = 'hearth:proactive:' + config.siteKey;
  // Read back only in the shape written: a page's patched JSON must never hand us a string for a list.
  const visitor = loadJson<{ visits: number; prompts: PromptHistory }>(
    key,
    { visits: 0, prompts: {} },
    (v) => typeof v.visits == 'number' && isRecord(v.prompts),
  );
  // `cart`: the label of the cart last noted in this visit's timeline (only ever compared, so not checked).
  const visit = loadJson<{ id: string; timeline: VisitorTimelineEntry[]; cart?: string }>(key, { id: '', timeline: [] }, isVisit, 'sessionStorage');
  if (!visit.id) {
    visit.id = randomId();
    visitor.visits++;
  }
  const saveVisitor = (): void => storeJson(key, visitor);
  const saveVisit = (): void => storeJson(key, visit, 'sessionStorage');
  saveVisitor();
  const { id: visitId, timeline } = visit;
  const { visits: visitCount, prompts: history } = visitor;
  const events: string[] = [];
  let pageId = randomId();
  let pageSince = Date.now();
  let lastActive = pageSince;
  let scrollDepth = 0;
  let rage: RageEvidence | null = null;
  let cart: CartState | null = null;
  let purchased = false;
  let exit: string | null = null;
  let closePrompt: (() => void) | null = null;
  let engageShown: (() => void) | null = null;
  let due: Record<string, number> = {};
  const outbox: SignalEvent[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;

  const note = (kind: VisitorTimelineEntry['kind'], label: string): void => {
    timeline.push({ at: Date.now(), kind, label: label.slice(0, 200) });
    if (timeline.length > 40) timeline.shift();
    saveVisit();
    check();
  };
  const isCheckout = (path = pathNow()): boolean => new RegExp(site.checkoutPattern).test(path);

  function flush(): void {
    clearTimeout(flushTimer);
    if (!outbox.length) return;
    const body = toJson({ siteKey: config.siteKey, visitId, events: outbox.splice(0, 50) });
    const url = config.origin + '/api/widget/signals';
    // sendBeacon survives the page being closed, and a text/plain beacon needs no CORS preflight.
    navigator.sendBeacon(url, body);
  }
  const report = (event: SignalEvent): void => {
    outbox.push(event);
    clearTimeout(flushTimer);
    flushTimer = setTimeout(guard(flush), 1000);
  };

  function show(result: RuleResult): void {
    const { rule, evidence } = result;
    const at = Date.now();
    history[rule.id] = { at, visitId, pageId };
    saveVisitor();
    report({ type: 'shown', triggerId: rule.id, at });
    const engage = (): void => {
      closePrompt?.();
      closePrompt = engageShown = null;
      report({ type: 'engaged', triggerId: rule.id, at: Date.now() });
      hooks.engage({ triggerId: rule.id, triggerName: rule.name, evidence, timeline });
    };
    closePrompt = showPrompt(hooks.root, hooks.locale(), rule.action.senderName ?? site.siteName, rule.action.message, {
      reply: engage,
      dismiss: () => {
        closePrompt?.();
        closePrompt = engageShown = null;
        report({ type: 'dismissed', triggerId: rule.id, at: Date.now() });
      },
    });
    engageShown = engage;
    if (rule.action.openPanel) engage();
  }

  // Runs from timers and host-page events: an error must stay in the console, never reach the page.
  const check = guard(() => evaluate());
  function evaluate(): void {
    // Hidden: nobody would see it, and a page being unloaded is hidden too (its prompt would be lost
    // yet count against the cap). A tab the visitor left shows its prompt when they come back.
    if (closePrompt || document.hidden || hooks.chatting()) return;
    const now = Date.now();
    const idle = isCheckout() ? Math.floor((now - Math.max(lastActive, pageSince)) / 1000) : 0;
    const { winner } = evaluateTriggers(
      site.triggers,
      {
        path: pathNow(),
        referrer: document.referrer,
        visitCount,
        timeOnPageS: Math.floor((now - pageSince) / 1000),
        scrollDepth,
        exitIntent: !!exit,
        rage,
        cart,
        abandon: abandonReason(
          // Left the checkout: an earlier page of this visit was one (SPA or not), this one is not.
          { cart, purchased, exit, idleOnCheckoutS: idle, leftCheckout: !isCheckout() && timeline.some((e) => e.kind === 'page' && isCheckout(e.label)) },
          site.checkoutIdleSeconds,
        ),
        events,
        agentsOnline: site.agentsOnline,
      },
      history,
      { now, visitId, pageId },
    );
    // The conditions must hold for the trigger's delay, without a break, before its prompt shows.
    if (!winner) return void (due = {});
    const id = winner.rule.id;
    due[id] ??= now + winner.rule.delaySeconds * 1000;
    if (now >= due[id]!) show(winner);
  }

  const detect = createRageClickDetector(site.rage);
  const ignore = site.rage.ignoreSelector;
  document.addEventListener(
    'click',
    guard((e: MouseEvent) => {
      const target = e.target as Element | null;
      // Clicks on our own widget, or on what the owner told us to ignore, never count.
      if (!target?.closest || target.closest('hearth-widget') || (ignore && target.closest(ignore))) return;
      const found = detect({ t: e.timeStamp, x: e.clientX, y: e.clientY, target });
      if (found) {
        rage = { ...found, label: describeElement(target) };
        // One timeline entry per burst (its further clicks only raise the evidence's count).
        if (found.clicks === site.rage.clicks) note('rage', 'rage clicks on ' + rage.label);
      }
    }),
    true,
  );
  watchExitIntent(
    guard((how: string) => {
      if (!exit) note('exit', (exit = how));
      flush();
    }),
  );
  addEventListener('pagehide', guard(flush));
  for (const type of ['pointermove', 'keydown', 'scroll']) {
    addEventListener(
      type,
      guard(() => {
        lastActive = Date.now();
        scrollDepth = Math.max(scrollDepth, scrollPercent(scrollY, innerHeight, document.documentElement.scrollHeight));
      }),
      { passive: true },
    );
  }
  setInterval(check, 1000);
  note('page', pathNow());
  // Read by the e2e tests (and visible in devtools): the detectors are listening from here on.
  performance.mark('hearth:triggers');

  return {
    track(name, props) {
      if (name === 'cart') {
        cart = cartFromProps(props);
        // Only a change is news: the same cart tracked again on each page is not, nor an empty cart
        // on a page load (only one that had something in it this visit can be emptied).
        const label = cart ? `cart ${formatMoney(cart.value, cart.currency)}, ${cart.items} item${cart.items === 1 ? '' : 's'}` : 'cart emptied';
        if (label !== (visit.cart ?? 'cart emptied')) {
          visit.cart = label;
          note('cart', label);
        }
      } else if (name === 'purchase') {
        purchased = true;
        // Same shape as a cart: { value, currency }.
        const { value, currency } = cartFromProps(props) ?? { value: 0, currency: '' };
        // Only a visit that saw a prompt needs its purchase counted (as a conversion).
        if (Object.values(history).some((h) => h?.visitId === visitId)) report({ type: 'purchase', value, currency, at: Date.now() });
        note('purchase', 'purchase ' + formatMoney(value, currency));
      } else {
        events.push(name);
        note('event', name);
      }
    },
    opened: () => engageShown?.(),
    navigated() {
      pageId = randomId();
      pageSince = Date.now();
      scrollDepth = 0;
      rage = null;
      note('page', pathNow()); // and evaluates
    },
  };
}
