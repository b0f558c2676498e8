import { useState } from 'preact/hooks';
import { checkTriggerRule, type TriggerRuleInput } from '@hearth/protocol';
import type { VisitorSignals } from '@hearth/chat-client';
import { RuleFields } from './rule-fields.tsx';
import { toDraft, type TriggerDraft } from './trigger-draft.ts';
import { SAMPLE_VISITOR, previewDraft } from './trigger-preview.ts';

const toText = (value: unknown) => JSON.stringify(value, null, 2);

interface TriggerFormProps {
  initial: TriggerDraft;
  /** Saves the rule; resolves to the server's message when it refused it. */
  onSave: (rule: TriggerRuleInput) => Promise<string | null>;
  onCancel: () => void;
  title: string;
}

/**
 * The trigger editor: a form over the rule (conditions as OR-ed groups of AND-ed conditions, each a
 * signal with typed fields; message, sender, delay, priority, cap, audience), with the rule's JSON
 * as an advanced view of the same draft, and a live preview against a sample visitor.
 */
export function TriggerForm({ initial, onSave, onCancel, title }: TriggerFormProps) {
  const [draft, setDraft] = useState<TriggerDraft>(initial);
  const [json, setJson] = useState<string | null>(null);
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [sample, setSample] = useState(toText(SAMPLE_VISITOR));
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  /** The JSON view edits the same draft; it goes back to the form only when it parses. */
  function showForm() {
    if (json === null) return;
    try {
      setDraft(toDraft(JSON.parse(json) as Record<string, unknown>));
      setJson(null);
      setJsonError(null);
    } catch {
      setJsonError('The JSON does not parse; fix it to go back to the form.');
    }
  }
  function current(): unknown {
    if (json === null) return draft;
    try {
      return JSON.parse(json);
    } catch {
      return undefined;
    }
  }

  async function save() {
    const rule = current();
    if (rule === undefined) return setProblems(['The JSON does not parse.']);
    const check = checkTriggerRule(rule);
    if (!check.ok) return setProblems(check.problems.map((p) => `${p.field}: ${p.message}`));
    setSaving(true);
    const refused = await onSave(check.rule);
    setSaving(false);
    setProblems(refused ? refused.split('; ') : []);
  }

  let signals: VisitorSignals | null = null;
  try {
    signals = JSON.parse(sample) as VisitorSignals;
  } catch {
    // shown below
  }
  const rule = current();
  const preview = rule === undefined ? null : signals ? previewDraft(rule, signals) : null;

  return (
    <section class="card trigger-editor" aria-label="Edit trigger">
      <div class="trigger-editor-head">
        <h2>{title}</h2>
        <div class="segmented" role="group" aria-label="Editor view">
          <button type="button" class="button button--ghost" aria-pressed={json === null} onClick={showForm}>
            Form
          </button>
          <button type="button" class="button button--ghost" aria-pressed={json !== null} onClick={() => json === null && setJson(toText(draft))}>
            JSON (advanced)
          </button>
        </div>
      </div>
      {json !== null ? (
        <div class="field">
          <label for="trigger-json">Rule as JSON (conditions: OR of AND-groups)</label>
          <textarea id="trigger-json" class="code trigger-json" value={json} onInput={(e) => setJson(e.currentTarget.value)} />
          {jsonError && (
            <p class="form-error" role="alert">
              {jsonError}
            </p>
          )}
        </div>
      ) : (
        <RuleFields draft={draft} update={setDraft} />
      )}

      <div class="trigger-preview-row">
        <div class="preview-result" role="status" aria-label="Preview">
          {rule === undefined ? (
            'The JSON does not parse yet.'
          ) : !preview ? (
            'The sample visitor is not valid JSON.'
          ) : (
            <>
              <strong>{preview.fires === null ? 'Cannot run as it stands' : preview.fires ? 'Would fire' : 'Would not fire'}</strong>
              <span class="muted"> for the sample visitor{draft.enabled === false && json === null ? ' (once switched on)' : ''}</span>
              <ul>
                {preview.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )}
        </div>
        <details class="sample-visitor">
          <summary>Sample visitor</summary>
          <label class="field">
            The sample visitor’s signals (JSON)
            <textarea class="code" value={sample} onInput={(e) => setSample(e.currentTarget.value)} />
          </label>
        </details>
      </div>

      {problems.length > 0 && (
        <div class="form-error" role="alert">
          <p>Could not save the trigger:</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <div class="trigger-editor-actions">
        <button type="button" class="button button--primary" disabled={saving} onClick={() => void save()}>
          Save trigger
        </button>
        <button type="button" class="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
