import { useState } from 'preact/hooks';
import { HexColorSchema, WIDGET_LOCALES, type Appearance, type SiteSettingsView } from '@hearth/protocol';
import { settingsApi } from './settings-api.ts';
import { ReadOnlyNote, SaveBar, useSave } from './save-status.tsx';
import { WidgetPreview } from './widget-preview.tsx';

const LOCALE_NAMES: Record<(typeof WIDGET_LOCALES)[number], string> = { en: 'English', de: 'Deutsch', es: 'Español' };

interface Props {
  view: SiteSettingsView;
  agent: { name: string; avatarUrl: string | null };
  onSaved: (view: SiteSettingsView) => void;
}

/**
 * Settings → Appearance: the widget's colour, corner, theme, texts and language, with a live
 * preview of the unsaved values beside the form. The hex field is checked as the owner types; the
 * preview keeps the last valid colour meanwhile.
 */
export function AppearanceSection({ view, agent, onSaved }: Props) {
  const [draft, setDraft] = useState<Appearance>(view.appearance);
  const [hexText, setHexText] = useState(view.appearance.brandColor);
  const save = useSave(onSaved);
  const readOnly = view.role !== 'owner';
  const hexValid = HexColorSchema.safeParse(hexText).success;
  const set = <K extends keyof Appearance>(key: K, value: Appearance[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    save.reset();
  };
  const setColor = (text: string) => {
    setHexText(text);
    const parsed = HexColorSchema.safeParse(text);
    if (parsed.success) set('brandColor', parsed.data);
  };

  return (
    <section class="settings-section" id="appearance" aria-labelledby="appearance-title">
      <h2 id="appearance-title">Appearance</h2>
      {readOnly && <ReadOnlyNote what="how the widget looks" />}
      <div class="appearance-layout">
        <form
          class="settings-fields"
          onSubmit={(e) => {
            e.preventDefault();
            if (!hexValid) return save.fail('The brand colour must look like #4f46e5.');
            void save.run(() => settingsApi.save(view.siteId, { appearance: draft }));
          }}
        >
          <fieldset disabled={readOnly}>
            <legend class="visually-hidden">Widget appearance</legend>
            <div class="field">
              <label for="brand-color-hex">Brand colour</label>
              <div class="color-row">
                <input type="color" aria-label="Brand colour picker" value={draft.brandColor} onInput={(e) => setColor(e.currentTarget.value)} />
                <input
                  id="brand-color-hex"
                  value={hexText}
                  maxLength={7}
                  spellcheck={false}
                  aria-invalid={!hexValid}
                  aria-describedby="brand-color-help"
                  onInput={(e) => setColor(e.currentTarget.value)}
                />
              </div>
              <span id="brand-color-help" class={hexValid ? 'hint' : 'form-error'}>
                {hexValid ? 'Six hex digits, like #4f46e5. Text on it turns white or black for contrast.' : 'Not a colour: use # and six hex digits, like #4f46e5.'}
              </span>
            </div>
            <fieldset class="field inline-choices">
              <legend>Position</legend>
              {(['right', 'left'] as const).map((p) => (
                <label key={p} class="check">
                  <input type="radio" name="position" value={p} checked={draft.position === p} onChange={() => set('position', p)} />
                  {p === 'right' ? 'Bottom right' : 'Bottom left'}
                </label>
              ))}
            </fieldset>
            <label class="field">
              Theme
              <select value={draft.theme} onChange={(e) => set('theme', e.currentTarget.value as Appearance['theme'])}>
                <option value="auto">Auto (follows the visitor's system)</option>
                <option value="light">Light</option>
                <option value="dark">Dark</option>
              </select>
            </label>
            <label class="field">
              Greeting
              <textarea rows={2} maxLength={300} value={draft.greeting} placeholder="Empty: the widget's default greeting" onInput={(e) => set('greeting', e.currentTarget.value)} />
            </label>
            <label class="field">
              Launcher label
              <input maxLength={40} value={draft.launcherLabel} placeholder="Empty: “Chat with us”" onInput={(e) => set('launcherLabel', e.currentTarget.value)} />
            </label>
            <label class="field check">
              <input type="checkbox" checked={draft.showAgents} onChange={(e) => set('showAgents', e.currentTarget.checked)} />
              Show agents' names and pictures to visitors (off: visitors see the site's name)
            </label>
            <label class="field check">
              <input type="checkbox" checked={draft.sound} onChange={(e) => set('sound', e.currentTarget.checked)} />
              Play a sound for new replies while the chat is closed
            </label>
            <label class="field">
              Language
              <select value={draft.locale ?? ''} onChange={(e) => set('locale', (e.currentTarget.value || null) as Appearance['locale'])}>
                <option value="">Follow the visitor's browser</option>
                {WIDGET_LOCALES.map((l) => (
                  <option key={l} value={l}>
                    {LOCALE_NAMES[l]}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
          {!readOnly && <SaveBar state={save.state} label="Save appearance" />}
        </form>
        <WidgetPreview appearance={draft} siteName={view.siteName} agent={agent} />
      </div>
    </section>
  );
}
