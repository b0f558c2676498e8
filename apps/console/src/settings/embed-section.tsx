import { useRef, useState } from 'preact/hooks';
import { embedSnippet, type SiteSettingsView } from '@hearth/protocol';
import { settingsApi } from './settings-api.ts';
import { copyText } from './copy-text.ts';

const IDENTIFY_EXAMPLE = `// On your server, for the signed-in user (never in the browser):
const hash = crypto.createHmac('sha256', HEARTH_SECRET).update(user.id).digest('hex');

// In the page, after the snippet:
Hearth('identify', { id: user.id, name: user.name, email: user.email, hash });`;

/** Settings → Embed: the exact snippet for this site with a Copy button, and identity verification. */
export function EmbedSection({ view }: { view: SiteSettingsView }) {
  const snippet = embedSnippet(location.origin, view.siteKey);
  const field = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [secret, setSecret] = useState<string | null>(null);
  const [secretError, setSecretError] = useState<string | null>(null);

  async function copy() {
    setCopied((await copyText(snippet, field.current)) ? 'copied' : 'failed');
  }
  async function reveal() {
    const res = await settingsApi.identitySecret(view.siteId);
    if (res.ok) setSecret(res.data.secret);
    else setSecretError(res.message);
  }

  return (
    <section class="settings-section" id="embed" aria-labelledby="embed-title">
      <h2 id="embed-title">Embed snippet</h2>
      <p class="hint">Paste this before &lt;/body&gt; on every page that should show the chat.</p>
      <label class="visually-hidden" for="embed-snippet">
        Embed snippet
      </label>
      <textarea id="embed-snippet" ref={field} class="code-block" rows={3} readOnly value={snippet} spellcheck={false} />
      <div class="save-bar">
        <button type="button" class="button button--primary" onClick={() => void copy()}>
          Copy snippet
        </button>
        <span role="status" aria-live="polite" class={copied === 'failed' ? 'form-error' : 'save-ok'}>
          {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Could not copy: the snippet is selected, press Ctrl+C (⌘C).' : ''}
        </span>
      </div>
      <h3>Identity verification</h3>
      <p class="hint">
        To show visitors as your signed-in users (and, if you require it, to chat only with them), compute an HMAC-SHA256 of the user's id with
        this site's secret on your server and pass it with <code>identify</code>:
      </p>
      <pre class="code-block">
        <code>{IDENTIFY_EXAMPLE}</code>
      </pre>
      {view.role !== 'owner' ? (
        <p class="hint">Only the site's owners can see the secret.</p>
      ) : secret === null ? (
        <button type="button" class="button" onClick={() => void reveal()}>
          Reveal secret
        </button>
      ) : (
        <p class="secret-row">
          <span>Secret (keep it on your server):</span> <code data-testid="identity-secret">{secret}</code>{' '}
          <button type="button" class="button button--ghost" onClick={() => setSecret(null)}>
            Hide
          </button>
        </p>
      )}
      {secretError && (
        <p class="form-error" role="alert">
          {secretError}
        </p>
      )}
    </section>
  );
}
