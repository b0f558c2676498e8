import { useEffect, useState } from 'preact/hooks';
import type { AgentSite, SiteId, TriggerRule, TriggerRuleInput, TriggerStats } from '@hearth/protocol';
import { formatMoney, type VisitorSignals } from '@hearth/chat-client';
import { triggersApi } from './triggers-api.ts';
import { DetectorSettings } from './detector-settings.tsx';
import { TableRegion } from '../shell/table-region.tsx';
import { SAMPLE_VISITOR, previewTrigger, type Preview } from './trigger-preview.ts';

const NEW_RULE: TriggerRuleInput = {
  name: 'New trigger',
  enabled: false,
  when: [[{ signal: 'time_on_page', seconds: 30 }, { signal: 'url', match: 'glob', pattern: '/pricing*' }]],
  action: { message: 'Questions about our plans? We are here.', senderName: null, openPanel: false },
  delaySeconds: 0,
  priority: 50,
  cap: { per: 'visit', cooldownMinutes: 0 },
  audience: { visitors: 'all', onlyWhenAgentsOnline: true },
};

const toText = (value: unknown) => JSON.stringify(value, null, 2);
const withoutId = ({ id: _id, ...rule }: TriggerRule): TriggerRuleInput => rule;

function safePreview(ruleText: string, sampleText: string): Preview | string {
  let rule: TriggerRuleInput;
  let sample: VisitorSignals;
  try {
    rule = JSON.parse(ruleText) as TriggerRuleInput;
    sample = JSON.parse(sampleText) as VisitorSignals;
  } catch {
    return 'The rule or the sample visitor is not valid JSON yet.';
  }
  try {
    return previewTrigger(rule, sample);
  } catch {
    return 'The rule is not complete yet (saving shows what is wrong).';
  }
}

/**
 * Owners' triggers: figures per trigger, enable/disable, and an editor (the rule as JSON, validated
 * by the server on save) with a live preview against a sample visitor's signals.
 */
export function TriggersPage({ sites, onClose }: { sites: AgentSite[]; onClose: () => void }) {
  const [siteId, setSiteId] = useState<SiteId>(sites[0]!.id);
  const [rules, setRules] = useState<TriggerRule[]>([]);
  const [stats, setStats] = useState<Map<string, TriggerStats>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string | null; text: string } | null>(null);
  const [sample, setSample] = useState(toText(SAMPLE_VISITOR));

  async function reload() {
    const res = await triggersApi.list(siteId);
    if (!res.ok) return setError(res.message);
    setError(null);
    setRules(res.data.triggers);
    setStats(new Map(res.data.stats.map((s) => [s.triggerId, s])));
  }
  useEffect(() => void reload(), [siteId]);

  async function save() {
    if (!editing) return;
    let rule: TriggerRuleInput;
    try {
      rule = JSON.parse(editing.text) as TriggerRuleInput;
    } catch {
      return setError('The rule is not valid JSON.');
    }
    const res = editing.id ? await triggersApi.update(siteId, editing.id, rule) : await triggersApi.create(siteId, rule);
    if (!res.ok) return setError(res.message);
    setEditing(null);
    await reload();
  }

  async function toggle(rule: TriggerRule) {
    const res = await triggersApi.update(siteId, rule.id, { ...withoutId(rule), enabled: !rule.enabled });
    if (!res.ok) setError(res.message);
    await reload();
  }

  async function remove(rule: TriggerRule) {
    if (!confirm(`Delete the trigger "${rule.name}"?`)) return;
    const res = await triggersApi.remove(siteId, rule.id);
    if (!res.ok) setError(res.message);
    await reload();
  }

  const preview = editing ? safePreview(editing.text, sample) : null;
  return (
    <main class="page triggers-page" aria-label="Triggers">
      <div class="triggers-head">
        <h2>Proactive triggers</h2>
        {sites.length > 1 && (
          <select aria-label="Site" value={siteId} onChange={(e) => setSiteId((e.currentTarget as HTMLSelectElement).value as SiteId)}>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
        <button type="button" class="button button--primary" onClick={() => setEditing({ id: null, text: toText(NEW_RULE) })}>
          New trigger
        </button>
        <button type="button" class="button button--ghost" onClick={onClose}>
          Back to inbox
        </button>
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <TableRegion label="Triggers">
      <table class="table triggers-table">
        <thead>
          <tr>
            <th>Trigger</th>
            <th>Enabled</th>
            <th>Priority</th>
            <th>Shown</th>
            <th>Engaged</th>
            <th>Conversations</th>
            <th>Conversions</th>
            <th>Recovered</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => {
            const s = stats.get(rule.id);
            return (
              <tr key={rule.id}>
                <td dir="auto">{rule.name}</td>
                <td>
                  <input type="checkbox" aria-label={`Enable ${rule.name}`} checked={rule.enabled} onChange={() => void toggle(rule)} />
                </td>
                <td>{rule.priority}</td>
                <td>{s?.shown ?? 0}</td>
                <td>{s?.engaged ?? 0}</td>
                <td>{s?.conversations ?? 0}</td>
                <td>{s?.conversions ?? 0}</td>
                <td>{s?.recoveredValue ? formatMoney(s.recoveredValue, 'EUR') : '—'}</td>
                <td>
                  <button type="button" class="button button--ghost" onClick={() => setEditing({ id: rule.id, text: toText(withoutId(rule)) })}>
                    Edit
                  </button>
                  <button type="button" class="button button--ghost" onClick={() => void remove(rule)}>
                    Delete
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </TableRegion>
      <DetectorSettings key={siteId} siteId={siteId} />
      {editing && (
        <section class="trigger-editor" aria-label="Edit trigger">
          <label>
            Rule (conditions: OR of AND-groups)
            <textarea value={editing.text} onInput={(e) => setEditing({ ...editing, text: (e.currentTarget as HTMLTextAreaElement).value })} />
          </label>
          <label>
            Sample visitor's signals
            <textarea value={sample} onInput={(e) => setSample((e.currentTarget as HTMLTextAreaElement).value)} />
          </label>
          <div class="preview-result" role="status" aria-label="Preview">
            {typeof preview === 'string' ? (
              preview
            ) : preview ? (
              <>
                <strong>{preview.fires ? 'Would fire' : 'Would not fire'}</strong>
                <ul>
                  {preview.lines.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
          <div>
            <button type="button" class="button button--primary" onClick={() => void save()}>
              Save trigger
            </button>
            <button type="button" class="button button--ghost" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </section>
      )}
    </main>
  );
}
