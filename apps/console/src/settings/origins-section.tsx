import { useState } from 'preact/hooks';
import type { SiteSettingsView } from '@hearth/protocol';
import { settingsApi } from './settings-api.ts';
import { ReadOnlyNote, SaveBar, useSave } from './save-status.tsx';
import { parseOriginList } from './origin-list.ts';

/** Settings → Allowed origins: the pages that may embed this site's widget. */
export function OriginsSection({ view, onSaved }: { view: SiteSettingsView; onSaved: (view: SiteSettingsView) => void }) {
  const [text, setText] = useState(view.allowedOrigins.join('\n'));
  const save = useSave((saved: SiteSettingsView) => {
    setText(saved.allowedOrigins.join('\n'));
    onSaved(saved);
  });
  const readOnly = view.role !== 'owner';
  const parsed = parseOriginList(text);
  return (
    <section class="settings-section" id="origins" aria-labelledby="origins-title">
      <h2 id="origins-title">Allowed origins</h2>
      {readOnly && <ReadOnlyNote what="the allowed origins" />}
      <p class="hint" id="origins-help">
        One origin per line, like <code>https://shop.example</code> (scheme and host, a port if not the default; no path). The widget only
        starts on pages from these origins. <strong>Empty = any page may embed the widget.</strong>
      </p>
      <form
        class="settings-fields"
        onSubmit={(e) => {
          e.preventDefault();
          if (parsed.invalid.length) return save.fail(`Not an http(s) origin: ${parsed.invalid.join(', ')}`);
          void save.run(() => settingsApi.save(view.siteId, { allowedOrigins: parsed.origins }));
        }}
      >
        <label class="field" for="allowed-origins">
          Origins
        </label>
        <textarea
          id="allowed-origins"
          rows={4}
          value={text}
          readOnly={readOnly}
          aria-describedby="origins-help origins-check"
          aria-invalid={parsed.invalid.length > 0}
          spellcheck={false}
          onInput={(e) => {
            setText(e.currentTarget.value);
            save.reset();
          }}
        />
        <p id="origins-check" class={parsed.invalid.length ? 'form-error' : 'hint'}>
          {parsed.invalid.length
            ? `Not an http(s) origin: ${parsed.invalid.join(', ')}`
            : parsed.origins.length
              ? `Will allow: ${parsed.origins.join(', ')}`
              : 'Any page may embed the widget.'}
        </p>
        {!readOnly && <SaveBar state={save.state} label="Save origins" />}
      </form>
    </section>
  );
}
