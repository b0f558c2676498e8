import type { JSX } from 'preact';
import { SIGNAL_CATALOG, signalInfo, type SignalKind, type SignalParam } from '@hearth/protocol';
import type { DraftCondition } from './trigger-draft.ts';

interface ConditionProps {
  /** "Group 1, condition 2": the fieldset's name, so every field inside is reachable by it. */
  name: string;
  condition: DraftCondition;
  onSignal: (signal: SignalKind) => void;
  onParam: (param: SignalParam, typed: string) => void;
  onRemove: () => void;
}

const fieldId = (name: string, part: string) => `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${part}`;

function ParamField({ id, param, value, onInput }: { id: string; param: SignalParam; value: unknown; onInput: (typed: string) => void }) {
  const text = value === undefined || value === null ? '' : String(value);
  const hint = param.help ? `${id}-help` : undefined;
  let control: JSX.Element;
  if (param.kind === 'choice') {
    control = (
      <select id={id} value={text} aria-describedby={hint} onChange={(e) => onInput(e.currentTarget.value)}>
        {!param.choices.some((c) => c.value === text) && <option value={text}>{text ? `Unknown: ${text}` : 'Choose…'}</option>}
        {param.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    );
  } else if (param.kind === 'text') {
    control = <input id={id} type="text" value={text} maxLength={param.maxLength} aria-describedby={hint} onInput={(e) => onInput(e.currentTarget.value)} />;
  } else {
    control = (
      <input
        id={id}
        type="number"
        inputMode={param.kind === 'integer' ? 'numeric' : 'decimal'}
        min={param.min}
        max={param.max}
        step={param.kind === 'integer' ? 1 : 'any'}
        value={text}
        placeholder={param.optional ? 'any' : undefined}
        aria-describedby={hint}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    );
  }
  return (
    <div class={`field condition-param condition-param--${param.kind}`}>
      <label for={id}>
        {param.label}
        {param.kind !== 'choice' && param.kind !== 'text' && param.unit ? ` (${param.unit})` : ''}
      </label>
      {control}
      {param.help && (
        <span id={hint} class="muted">
          {param.help}
        </span>
      )}
    </div>
  );
}

/**
 * One condition of a trigger: the signal picked from the catalog's list, its description, and its
 * parameters as typed fields. A signal the catalog does not know (possible only through the JSON
 * view) stays selected, marked as unknown, so the owner sees it instead of a silent replacement.
 */
export function ConditionFields({ name, condition, onSignal, onParam, onRemove }: ConditionProps) {
  const info = signalInfo(condition.signal);
  const signalId = fieldId(name, 'signal');
  const describedBy = fieldId(name, 'about');
  return (
    <fieldset class={`trigger-condition${info ? '' : ' trigger-condition--unknown'}`}>
      <legend class="visually-hidden">{name}</legend>
      <div class="field condition-signal">
        <label for={signalId}>Signal</label>
        <select id={signalId} value={condition.signal} aria-describedby={describedBy} onChange={(e) => onSignal(e.currentTarget.value as SignalKind)}>
          {!info && <option value={condition.signal}>Unknown signal: {condition.signal || '(none)'}</option>}
          {SIGNAL_CATALOG.map((s) => (
            <option key={s.signal} value={s.signal}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      {info?.params.map((param) => (
        <ParamField key={param.name} id={fieldId(name, param.name)} param={param} value={condition[param.name]} onInput={(typed) => onParam(param, typed)} />
      ))}
      <button type="button" class="button button--ghost condition-remove" aria-label={`Remove ${name.toLowerCase()}`} onClick={onRemove}>
        Remove
      </button>
      <p id={describedBy} class={info ? 'muted condition-about' : 'form-error condition-about'}>
        {info ? info.description : 'Hearth does not know this signal: it never holds. Pick one from the list.'}
      </p>
    </fieldset>
  );
}
