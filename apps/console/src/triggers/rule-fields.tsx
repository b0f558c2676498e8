import { ConditionFields } from './condition-fields.tsx';
import { addCondition, addGroup, changeSignal, numberOf, removeCondition, setParam, type TriggerDraft } from './trigger-draft.ts';

/**
 * The trigger form's fields: name, the conditions (OR-ed groups of AND-ed conditions, each a signal
 * from the catalog with typed fields), the message and its sender, and when and to whom it shows.
 */
export function RuleFields({ draft, update }: { draft: TriggerDraft; update: (next: TriggerDraft) => void }) {
  const set = <K extends keyof TriggerDraft>(key: K, value: TriggerDraft[K]) => update({ ...draft, [key]: value });
  return (
    <div class="trigger-fields">
      <div class="trigger-basics">
        <label class="field">
          Name
          <input type="text" value={draft.name} maxLength={80} onInput={(e) => set('name', e.currentTarget.value)} />
        </label>
        <label class="field check">
          <input type="checkbox" checked={draft.enabled !== false} onChange={(e) => set('enabled', e.currentTarget.checked)} />
          Enabled
        </label>
      </div>

      <fieldset class="trigger-conditions">
        <legend>Show the message when</legend>
        <p class="muted">Any group holds (OR); in a group, every condition must hold (AND).</p>
        {draft.when.map((group, g) => (
          <div key={g} class="trigger-group-wrap">
            {g > 0 && (
              <p class="trigger-or" aria-hidden="true">
                or
              </p>
            )}
            <fieldset class="trigger-group">
              <legend>Group {g + 1}: all of</legend>
              {group.map((condition, c) => (
                <ConditionFields
                  key={`${g}-${c}`}
                  name={`Group ${g + 1}, condition ${c + 1}`}
                  condition={condition}
                  onSignal={(signal) => update(changeSignal(draft, g, c, signal))}
                  onParam={(param, typed) => update(setParam(draft, g, c, param, typed))}
                  onRemove={() => update(removeCondition(draft, g, c))}
                />
              ))}
              <button type="button" class="button button--ghost" onClick={() => update(addCondition(draft, g))}>
                Add condition (and)
              </button>
            </fieldset>
          </div>
        ))}
        <button type="button" class="button button--ghost" onClick={() => update(addGroup(draft))}>
          Add group (or)
        </button>
      </fieldset>

      <fieldset class="trigger-action">
        <legend>Message</legend>
        <label class="field trigger-message">
          Message shown to the visitor
          <textarea value={draft.action.message} maxLength={500} onInput={(e) => set('action', { ...draft.action, message: e.currentTarget.value })} />
        </label>
        <div class="field">
          <label for="trigger-sender">Sender</label>
          <select
            id="trigger-sender"
            value={draft.action.senderName === null ? 'site' : 'person'}
            onChange={(e) => set('action', { ...draft.action, senderName: e.currentTarget.value === 'site' ? null : '' })}
          >
            <option value="site">The site’s name</option>
            <option value="person">A person’s name</option>
          </select>
        </div>
        {draft.action.senderName !== null && (
          <label class="field">
            Sender’s name
            <input
              type="text"
              value={draft.action.senderName}
              maxLength={60}
              onInput={(e) => set('action', { ...draft.action, senderName: e.currentTarget.value })}
            />
          </label>
        )}
        <label class="field check">
          <input
            type="checkbox"
            checked={draft.action.openPanel === true}
            onChange={(e) => set('action', { ...draft.action, openPanel: e.currentTarget.checked })}
          />
          Open the chat panel instead of a small prompt
        </label>
      </fieldset>

      <fieldset class="trigger-timing">
        <legend>When and to whom</legend>
        <label class="field">
          Delay (seconds)
          <input
            type="number"
            min={0}
            max={600}
            step={1}
            value={String(draft.delaySeconds ?? '')}
            onInput={(e) => set('delaySeconds', numberOf(e.currentTarget.value) as number)}
          />
        </label>
        <label class="field">
          Priority (0–100, higher wins)
          <input
            type="number"
            min={0}
            max={100}
            step={1}
            value={String(draft.priority ?? '')}
            onInput={(e) => set('priority', numberOf(e.currentTarget.value) as number)}
          />
        </label>
        <div class="field">
          <label for="trigger-cap-per">Show at most once per</label>
          <select id="trigger-cap-per" value={draft.cap.per} onChange={(e) => set('cap', { ...draft.cap, per: e.currentTarget.value })}>
            <option value="page">Page view</option>
            <option value="visit">Visit</option>
            <option value="visitor">Visitor (ever)</option>
          </select>
        </div>
        <label class="field">
          Cooldown (minutes)
          <input
            type="number"
            min={0}
            max={525600}
            step={1}
            value={String(draft.cap.cooldownMinutes ?? '')}
            onInput={(e) => set('cap', { ...draft.cap, cooldownMinutes: numberOf(e.currentTarget.value) as number })}
          />
        </label>
        <div class="field">
          <label for="trigger-visitors">Visitors</label>
          <select
            id="trigger-visitors"
            value={draft.audience.visitors}
            onChange={(e) => set('audience', { ...draft.audience, visitors: e.currentTarget.value })}
          >
            <option value="all">Everyone</option>
            <option value="new">New visitors</option>
            <option value="returning">Returning visitors</option>
          </select>
        </div>
        <label class="field check">
          <input
            type="checkbox"
            checked={draft.audience.onlyWhenAgentsOnline}
            onChange={(e) => set('audience', { ...draft.audience, onlyWhenAgentsOnline: e.currentTarget.checked })}
          />
          Only when an agent is online
        </label>
      </fieldset>
    </div>
  );
}
