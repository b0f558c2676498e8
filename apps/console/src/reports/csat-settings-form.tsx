import { useEffect, useState } from 'preact/hooks';
import type { AgentSite, CsatSettings } from '@hearth/protocol';
import { SitePicker } from '../session/site-picker.tsx';

type Status = { kind: 'loading' } | { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

const TEXTS: Array<[keyof CsatSettings, string]> = [
  ['csatQuestion', 'Rating question'],
  ['csatCommentPrompt', 'Comment question'],
  ['csatThanks', 'Thank-you text'],
  ['cesQuestion', 'Effort (CES) question'],
];
const NUMBERS: Array<[keyof CsatSettings, string]> = [
  ['csatChangeWindowHours', 'Rating can be changed for (hours)'],
  ['inactivityTimeoutMinutes', 'Close after inactivity (minutes)'],
  ['reopenWindowMinutes', 'Reopen when the visitor writes within (minutes)'],
];

/** The owners' closing and CSAT settings of one site (PUT /api/sites/:id/csat-settings). */
export function CsatSettingsForm({ sites }: { sites: AgentSite[] }) {
  const [siteId, setSiteId] = useState(sites[0]?.id ?? '');
  const [values, setValues] = useState<CsatSettings | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const url = `/api/sites/${encodeURIComponent(siteId)}/csat-settings`;

  useEffect(() => {
    if (!siteId) return;
    setStatus({ kind: 'loading' });
    fetch(url, { credentials: 'same-origin' })
      .then(async (res) => {
        if (!res.ok) throw new Error();
        setValues((await res.json()) as CsatSettings);
        setStatus({ kind: 'idle' });
      })
      .catch(() => setStatus({ kind: 'error', message: 'Could not load the settings.' }));
  }, [url]);

  async function save(e: Event) {
    e.preventDefault();
    if (!values) return;
    setStatus({ kind: 'saving' });
    const res = await fetch(url, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(values),
    }).catch(() => null);
    if (res?.ok) {
      setValues((await res.json()) as CsatSettings);
      setStatus({ kind: 'saved' });
    } else {
      const body = (await res?.json().catch(() => null)) as { error?: { message: string } } | null;
      setStatus({ kind: 'error', message: body?.error?.message ?? 'Could not save.' });
    }
  }

  const set = <K extends keyof CsatSettings>(key: K, value: CsatSettings[K]) => values && setValues({ ...values, [key]: value });

  return (
    <section class="card" aria-labelledby="csat-settings-title">
      <h2 id="csat-settings-title">Closing and satisfaction survey</h2>
      {sites.length > 1 && (
        <SitePicker class="field" sites={sites} value={siteId} onChange={setSiteId} />
      )}
      {values && (
        <form class="settings-form" onSubmit={(e) => void save(e)}>
          {TEXTS.map(([key, label]) => (
            <label key={key} class="field">
              {label}
              <input value={String(values[key])} maxLength={300} required onInput={(e) => set(key, e.currentTarget.value as never)} />
            </label>
          ))}
          <label class="field check">
            <input type="checkbox" checked={values.cesEnabled} onChange={(e) => set('cesEnabled', e.currentTarget.checked)} /> Also ask the effort
            (CES) question
          </label>
          {NUMBERS.map(([key, label]) => (
            <label key={key} class="field">
              {label}
              <input type="number" min={0} value={String(values[key])} onInput={(e) => set(key, Number(e.currentTarget.value) as never)} />
            </label>
          ))}
          <div>
            <button type="submit" class="button button--primary" disabled={status.kind === 'saving'}>
              Save settings
            </button>{' '}
            <span role="status">{status.kind === 'saved' ? 'Saved.' : status.kind === 'error' ? status.message : ''}</span>
          </div>
        </form>
      )}
    </section>
  );
}
