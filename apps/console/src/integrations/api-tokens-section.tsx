import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiScope, ApiToken, SiteId } from '@hearth/protocol';
import { copyText } from '../settings/copy-text.ts';
import { TableRegion } from '../shell/table-region.tsx';
import { dateTimeText, tokensApi } from './integrations-api.ts';

const EXPIRY_CHOICES = [
  ['never', 'Never'],
  ['30', 'In 30 days'],
  ['90', 'In 90 days'],
  ['365', 'In a year'],
] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

function tokenState(t: ApiToken, now: number): string {
  if (t.revokedAt !== null) return 'Revoked';
  if (t.expiresAt !== null && t.expiresAt <= now) return 'Expired';
  return t.expiresAt === null ? 'Active' : `Active until ${new Date(t.expiresAt).toLocaleDateString()}`;
}

/**
 * Settings → API (owners): create a named token with scopes and an optional expiry — shown once,
 * to copy — list tokens with their last use, revoke. Links the API reference.
 */
export function ApiTokensSection({ siteId }: { siteId: SiteId }) {
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Record<ApiScope, boolean>>({ read: true, write: false });
  const [expiry, setExpiry] = useState<(typeof EXPIRY_CHOICES)[number][0]>('never');
  const [fresh, setFresh] = useState<{ name: string; token: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const tokenField = useRef<HTMLTextAreaElement>(null);

  const load = async () => {
    const res = await tokensApi.list(siteId);
    if (res.ok) setTokens(res.data.tokens);
    else setError(res.message);
  };
  useEffect(() => void load(), [siteId]);

  async function create(e: Event) {
    e.preventDefault();
    const chosen = (['read', 'write'] as const).filter((s) => scopes[s]);
    if (chosen.length === 0) return setError('Choose at least one scope.');
    const res = await tokensApi.create(siteId, { name, scopes: chosen, expiresAt: expiry === 'never' ? null : Date.now() + Number(expiry) * DAY_MS });
    if (!res.ok) return setError(res.message);
    setError(null);
    setFresh({ name, token: res.data.token });
    setCopied(false);
    setName('');
    await load();
  }

  async function revoke(t: ApiToken) {
    if (!confirm(`Revoke “${t.name}”? Integrations using it stop working at once.`)) return;
    const res = await tokensApi.revoke(siteId, t.id);
    setError(res.ok ? null : res.message);
    await load();
  }

  const now = Date.now();
  return (
    <section class="settings-section" id="api" aria-labelledby="api-title">
      <h2 id="api-title">API tokens</h2>
      <p class="hint">
        Tokens let your other tools use the <a href="/api/v1/docs/" target="_blank" rel="noopener">Hearth API</a> for this site: send{' '}
        <code>Authorization: Bearer hth_…</code>. <strong>read</strong> reads conversations, visitors, agents and reports; <strong>write</strong> replies, assigns,
        closes and updates visitors.
      </p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <form class="integration-form" onSubmit={(e) => void create(e)}>
        <label class="field">
          Name
          <input required maxLength={80} placeholder="e.g. Zapier, help desk sync" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <fieldset class="inline-choices">
          <legend>Scopes</legend>
          {(['read', 'write'] as const).map((s) => (
            <label key={s} class="check">
              <input type="checkbox" checked={scopes[s]} onChange={(e) => setScopes({ ...scopes, [s]: e.currentTarget.checked })} />
              {s}
            </label>
          ))}
        </fieldset>
        <label class="field">
          Expires
          <select value={expiry} onChange={(e) => setExpiry(e.currentTarget.value as typeof expiry)}>
            {EXPIRY_CHOICES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="button button--primary">
          Create token
        </button>
      </form>
      {fresh && (
        <div class="fresh-secret" role="status">
          <label class="field" for="fresh-token">
            The token “{fresh.name}”. Copy it now: Hearth keeps only its hash and cannot show it again.
          </label>
          <div class="secret-copy">
            <textarea id="fresh-token" ref={tokenField} class="code-block" rows={2} readOnly value={fresh.token} />
            <button type="button" class="button" onClick={() => void copyText(fresh.token, tokenField.current).then(setCopied)}>
              Copy
            </button>
            <span aria-live="polite" class="save-ok">
              {copied ? 'Copied' : ''}
            </span>
          </div>
        </div>
      )}
      {tokens && tokens.length > 0 ? (
        <TableRegion label="API tokens">
          <table class="table integration-table">
            <caption class="visually-hidden">API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Token</th>
                <th scope="col">Scopes</th>
                <th scope="col">State</th>
                <th scope="col">Last used</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id} class={t.revokedAt !== null ? 'is-inactive' : undefined}>
                  <th scope="row">
                    <bdi>{t.name}</bdi>
                  </th>
                  <td>
                    <code>{t.prefix}…</code>
                  </td>
                  <td>{t.scopes.join(', ')}</td>
                  <td>{tokenState(t, now)}</td>
                  <td>{t.lastUsedAt === null ? 'Never' : dateTimeText(t.lastUsedAt)}</td>
                  <td>
                    {t.revokedAt === null && (
                      <button type="button" class="button button--ghost" onClick={() => void revoke(t)}>
                        Revoke<span class="visually-hidden"> {t.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        tokens && <p class="hint">No tokens yet.</p>
      )}
    </section>
  );
}
