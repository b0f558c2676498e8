import type { WidgetLocale } from '@hearth/protocol';

/**
 * The proactive prompt: a small card next to the launcher, drawn by the loader in its shadow root,
 * so offering help costs no frame and no socket. Sender and message are the owner's text: set with
 * textContent, never as markup.
 */
const STRINGS: Record<WidgetLocale, { from: string; dismiss: string; reply: string }> = {
  en: { from: 'Message from', dismiss: 'Dismiss', reply: 'Reply' },
  de: { from: 'Nachricht von', dismiss: 'Schließen', reply: 'Antworten' },
  es: { from: 'Mensaje de', dismiss: 'Descartar', reply: 'Responder' },
};

export interface PromptCallbacks {
  reply(): void;
  dismiss(): void;
}

/**
 * The prompt's styles, added to the shadow root when the triggers chunk starts. The shell sets
 * `data-side` and `data-theme` (light, dark or auto: the visitor's system setting) on the host.
 */
export const PROMPT_CSS =
  '.prompt{position:fixed;right:20px;bottom:88px;z-index:2147483000;width:280px;padding:14px 16px;border-radius:16px;background:var(--hp-bg,#fff);color:var(--hp-fg,#111827);box-shadow:0 12px 48px rgba(17,24,39,.3);font:14px/1.4 system-ui,sans-serif}' +
  ':host([data-side=left]) .prompt{left:20px;right:auto}' +
  ':host([data-theme=dark]){--hp-bg:#1f2937;--hp-fg:#f9fafb;--hp-muted:#d1d5db}' +
  '@media (prefers-color-scheme:dark){:host([data-theme=auto]){--hp-bg:#1f2937;--hp-fg:#f9fafb;--hp-muted:#d1d5db}}' +
  '.prompt p{margin:0 20px 8px 0}.pf{font-weight:700;color:var(--hp-muted,#6b7280)}' +
  '.prompt button{font:inherit;cursor:pointer;border:0;border-radius:8px;padding:6px 14px;background:var(--hearth-brand);color:var(--hearth-on-brand)}' +
  '.prompt .px{position:absolute;top:6px;right:6px;padding:2px 8px;background:none;color:var(--hp-muted,#6b7280)}';

export function showPrompt(root: ShadowRoot, locale: WidgetLocale, from: string, message: string, on: PromptCallbacks): () => void {
  const strings = STRINGS[locale];
  const card = document.createElement('div');
  card.className = 'prompt';
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', `${strings.from} ${from}`);
  // Static markup only; the owner's text and our strings go in through textContent below.
  card.innerHTML = '<button class=px>×</button><p class=pf dir=auto></p><p dir=auto></p><button></button>';
  const [dismiss, sender, text, reply] = card.children as unknown as HTMLElement[];
  dismiss!.setAttribute('aria-label', strings.dismiss);
  sender!.textContent = from;
  text!.textContent = message;
  reply!.textContent = strings.reply;
  dismiss!.onclick = on.dismiss;
  reply!.onclick = on.reply;
  root.appendChild(card);
  return () => card.remove();
}
