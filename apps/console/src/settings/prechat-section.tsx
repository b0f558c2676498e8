import { useState } from 'preact/hooks';
import type { Prechat, SiteSettingsView } from '@hearth/protocol';
import { settingsApi } from './settings-api.ts';
import { ReadOnlyNote, SaveBar, useSave } from './save-status.tsx';

const FIELDS: Array<[keyof Omit<Prechat, 'enabled'>, string]> = [
  ['name', 'Name'],
  ['email', 'Email'],
  ['topic', 'Topic (department; shown only when the site has departments)'],
];

/** Settings → Pre-chat form: asked before the first message, each field off, optional or required. */
export function PrechatSection({ view, onSaved }: { view: SiteSettingsView; onSaved: (view: SiteSettingsView) => void }) {
  const [draft, setDraft] = useState<Prechat>(view.prechat);
  const save = useSave(onSaved);
  const readOnly = view.role !== 'owner';
  const set = <K extends keyof Prechat>(key: K, value: Prechat[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    save.reset();
  };
  return (
    <section class="settings-section" id="prechat" aria-labelledby="prechat-title">
      <h2 id="prechat-title">Pre-chat form</h2>
      {readOnly && <ReadOnlyNote what="the pre-chat form" />}
      <form
        class="settings-fields"
        onSubmit={(e) => {
          e.preventDefault();
          void save.run(() => settingsApi.save(view.siteId, { prechat: draft }));
        }}
      >
        <fieldset disabled={readOnly}>
          <legend class="visually-hidden">Pre-chat form</legend>
          <label class="field check">
            <input type="checkbox" checked={draft.enabled} onChange={(e) => set('enabled', e.currentTarget.checked)} />
            Ask visitors these questions before their first message
          </label>
          {FIELDS.map(([key, label]) => (
            <label key={key} class="field">
              {label}
              <select value={draft[key]} disabled={!draft.enabled} onChange={(e) => set(key, e.currentTarget.value as Prechat[typeof key])}>
                <option value="off">Don't ask</option>
                <option value="optional">Optional</option>
                <option value="required">Required</option>
              </select>
            </label>
          ))}
        </fieldset>
        {!readOnly && <SaveBar state={save.state} label="Save pre-chat form" />}
      </form>
    </section>
  );
}
