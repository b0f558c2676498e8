import { useEffect, useState } from 'preact/hooks';
import type { SiteId } from '@hearth/protocol';
import { triggersApi } from './triggers-api.ts';

/** The site's detector settings (rage-click thresholds, ignore selector, checkout page) as JSON, validated by the server. */
export function DetectorSettings({ siteId }: { siteId: SiteId }) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    void triggersApi.settings(siteId).then((res) => {
      if (res.ok) setText(JSON.stringify(res.data.settings, null, 2));
      else setStatus({ ok: false, text: res.message });
    });
  }, [siteId]);

  async function save() {
    let settings: unknown;
    try {
      settings = JSON.parse(text);
    } catch {
      return setStatus({ ok: false, text: 'The settings are not valid JSON.' });
    }
    const res = await triggersApi.saveSettings(siteId, settings);
    setStatus(res.ok ? { ok: true, text: 'Saved.' } : { ok: false, text: res.message });
  }

  return (
    <details class="detector-settings">
      <summary>Detector settings</summary>
      <label>
        Rage clicks (clicks within windowMs and radiusPx; ignoreSelector never counts), checkout page pattern and idle seconds
        <textarea value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      <button type="button" class="button button--primary" onClick={() => void save()}>
        Save settings
      </button>
      {status && (
        <p class={status.ok ? '' : 'form-error'} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
    </details>
  );
}
