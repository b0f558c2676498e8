import { useEffect, useState } from 'preact/hooks';
import type { SiteId, TriggerSettings } from '@hearth/protocol';
import { triggersApi } from './triggers-api.ts';
import { numberOf } from './trigger-draft.ts';

interface NumberSpec {
  label: string;
  min: number;
  max: number;
  get: (s: TriggerSettings) => number;
  set: (s: TriggerSettings, n: number) => TriggerSettings;
}

// Bounds as RageClickSettingsSchema / TriggerSettingsSchema (packages/protocol/src/triggers.ts); the server checks them.
const NUMBERS: NumberSpec[] = [
  { label: 'Clicks that count as a rage click', min: 2, max: 20, get: (s) => s.rage.clicks, set: (s, n) => ({ ...s, rage: { ...s.rage, clicks: n } }) },
  { label: 'Within (milliseconds)', min: 100, max: 10_000, get: (s) => s.rage.windowMs, set: (s, n) => ({ ...s, rage: { ...s.rage, windowMs: n } }) },
  { label: 'Within a radius of (px)', min: 1, max: 500, get: (s) => s.rage.radiusPx, set: (s, n) => ({ ...s, rage: { ...s.rage, radiusPx: n } }) },
  {
    label: 'Idle seconds on checkout that count as abandoning',
    min: 5,
    max: 3600,
    get: (s) => s.checkoutIdleSeconds,
    set: (s, n) => ({ ...s, checkoutIdleSeconds: n }),
  },
];

/** The site's detector settings (rage-click thresholds, ignore selector, checkout page) as a form, validated by the server. */
export function DetectorSettings({ siteId }: { siteId: SiteId }) {
  const [settings, setSettings] = useState<TriggerSettings | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    void triggersApi.settings(siteId).then((res) => {
      if (res.ok) setSettings(res.data.settings);
      else setStatus({ ok: false, text: res.message });
    });
  }, [siteId]);

  async function save() {
    if (!settings) return;
    const res = await triggersApi.saveSettings(siteId, settings);
    if (res.ok) setSettings(res.data.settings);
    setStatus(res.ok ? { ok: true, text: 'Saved.' } : { ok: false, text: res.message });
  }

  return (
    <details class="card detector-settings">
      <summary>Detector settings</summary>
      {settings && (
        <div class="settings-form detector-fields">
          {NUMBERS.map((spec) => (
            <label key={spec.label} class="field">
              {spec.label}
              <input
                type="number"
                min={spec.min}
                max={spec.max}
                step={1}
                value={String(spec.get(settings))}
                onInput={(e) => setSettings(spec.set(settings, numberOf(e.currentTarget.value) as number))}
              />
            </label>
          ))}
          <label class="field">
            Never count clicks on (CSS selector)
            <input
              type="text"
              value={settings.rage.ignoreSelector}
              maxLength={200}
              placeholder="e.g. .quantity-plus"
              onInput={(e) => setSettings({ ...settings, rage: { ...settings.rage, ignoreSelector: e.currentTarget.value } })}
            />
          </label>
          <label class="field">
            Checkout pages (regular expression on path, query and hash)
            <input
              type="text"
              value={settings.checkoutPattern}
              maxLength={200}
              onInput={(e) => setSettings({ ...settings, checkoutPattern: e.currentTarget.value })}
            />
          </label>
        </div>
      )}
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
