import { useEffect, useState } from 'preact/hooks';
import type { AgentSite, SiteId, TriggerRule, TriggerRuleInput, TriggerStats } from '@hearth/protocol';
import { formatMoney } from '@hearth/chat-client';
import { triggersApi } from './triggers-api.ts';
import { DetectorSettings } from './detector-settings.tsx';
import { TableRegion } from '../shell/table-region.tsx';
import { TriggerForm } from './trigger-form.tsx';
import { toDraft, type TriggerDraft } from './trigger-draft.ts';
import { TRIGGER_TEMPLATES } from './trigger-templates.ts';

const withoutId = ({ id: _id, ...rule }: TriggerRule): TriggerRuleInput => rule;

/**
 * Owners' triggers: figures per trigger, enable/disable, templates for the common cases, and the
 * form builder (with the rule's JSON as an advanced view) and its live preview.
 */
export function TriggersPage({ sites, onClose }: { sites: AgentSite[]; onClose: () => void }) {
  const [siteId, setSiteId] = useState<SiteId>(sites[0]!.id);
  const [rules, setRules] = useState<TriggerRule[]>([]);
  const [stats, setStats] = useState<Map<string, TriggerStats>>(new Map());
  const [error, setError] = useState<string | null>(null);
  /** The rule in the editor (id null: a new one), or 'templates' while the owner picks a starting point. */
  const [editing, setEditing] = useState<{ id: string | null; draft: TriggerDraft; key: number } | 'templates' | null>(null);

  async function reload() {
    const res = await triggersApi.list(siteId);
    if (!res.ok) return setError(res.message);
    setError(null);
    setRules(res.data.triggers);
    setStats(new Map(res.data.stats.map((s) => [s.triggerId, s])));
  }
  useEffect(() => void reload(), [siteId]);

  async function save(id: string | null, rule: TriggerRuleInput): Promise<string | null> {
    const res = id ? await triggersApi.update(siteId, id, rule) : await triggersApi.create(siteId, rule);
    if (!res.ok) return res.message;
    setEditing(null);
    await reload();
    return null;
  }
  const edit = (id: string | null, rule: TriggerRuleInput) => setEditing({ id, draft: toDraft(rule), key: Date.now() });

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
        <button type="button" class="button button--primary" onClick={() => setEditing('templates')}>
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
      {editing === 'templates' && (
        <section class="card trigger-templates" aria-label="New trigger">
          <h2>Start from a template</h2>
          <ul>
            {TRIGGER_TEMPLATES.map((t) => (
              <li key={t.id}>
                <button type="button" class="template-choice" onClick={() => edit(null, t.rule)}>
                  <strong>{t.title}</strong>
                  <span class="muted">{t.summary}</span>
                </button>
              </li>
            ))}
          </ul>
          <button type="button" class="button button--ghost" onClick={() => setEditing(null)}>
            Cancel
          </button>
        </section>
      )}
      {editing && editing !== 'templates' && (
        <TriggerForm
          key={editing.key}
          title={editing.id ? `Edit “${editing.draft.name}”` : 'New trigger'}
          initial={editing.draft}
          onSave={(rule) => save(editing.id, rule)}
          onCancel={() => setEditing(null)}
        />
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
                    <button type="button" class="button button--ghost" aria-label={`Edit ${rule.name}`} onClick={() => edit(rule.id, withoutId(rule))}>
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
    </main>
  );
}
