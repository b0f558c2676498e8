import { useEffect, useState } from 'preact/hooks';
import type { Appearance } from '@hearth/protocol';
import { textColorOn } from '@hearth/chat-client';

/** The widget's built-in English texts, shown when the owner leaves greeting or label empty. */
export const DEFAULT_GREETING = "Hi there! Ask us anything — we'll reply right here.";
export const DEFAULT_LAUNCHER_LABEL = 'Chat with us';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');

/** Follows the console's own colour scheme for "auto", as the widget follows the visitor's. */
function usePrefersDark(): boolean {
  const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = () => setDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return dark;
}

interface Props {
  appearance: Appearance;
  siteName: string;
  agent: { name: string; avatarUrl: string | null };
}

/**
 * A faithful, static picture of the widget with the form's current (unsaved) values: the launcher
 * in its corner with its label, and the open panel with header, greeting and a short exchange.
 * Colours come from the same rules as the widget (brand colour, text colour by contrast, theme).
 */
export function WidgetPreview({ appearance, siteName, agent }: Props) {
  const prefersDark = usePrefersDark();
  const dark = appearance.theme === 'dark' || (appearance.theme === 'auto' && prefersDark);
  const brand = appearance.brandColor;
  const onBrand = textColorOn(brand);
  const shownName = appearance.showAgents ? agent.name : siteName;
  const style = { '--preview-brand': brand, '--preview-on-brand': onBrand } as Record<string, string>;
  return (
    <figure class={`widget-preview widget-preview--${appearance.position}${dark ? ' widget-preview--dark' : ''}`} style={style} aria-labelledby="widget-preview-caption">
      <figcaption id="widget-preview-caption" class="widget-preview-caption">
        Preview ({dark ? 'dark' : 'light'} theme{appearance.theme === 'auto' ? ', following the system' : ''}, {appearance.position} side)
      </figcaption>
      <div class="preview-panel" data-testid="preview-panel">
        <div class="preview-header">
          <strong>{siteName}</strong>
          <span class="preview-availability">We're online</span>
        </div>
        <div class="preview-messages">
          <p class="preview-intro" data-testid="preview-greeting">
            {appearance.greeting || DEFAULT_GREETING}
          </p>
          <div class="preview-message preview-message--visitor">
            <p class="preview-bubble">Do you ship to Austria?</p>
          </div>
          <div class="preview-message preview-message--agent">
            {appearance.showAgents && agent.avatarUrl ? (
              <img class="preview-avatar" src={agent.avatarUrl} alt="" />
            ) : (
              <span class="preview-avatar" aria-hidden="true">
                {initials(shownName)}
              </span>
            )}
            <div>
              <p class="preview-author" data-testid="preview-agent-name">
                {shownName}
              </p>
              <p class="preview-bubble">Yes, in 3–5 days.</p>
            </div>
          </div>
        </div>
      </div>
      <div class="preview-launcher-row">
        <span class="preview-label" data-testid="preview-label">
          {appearance.launcherLabel || DEFAULT_LAUNCHER_LABEL}
        </span>
        <span class="preview-launcher" data-testid="preview-launcher" aria-hidden="true">
          <svg viewBox="0 0 24 24">
            <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z" />
          </svg>
        </span>
      </div>
    </figure>
  );
}
