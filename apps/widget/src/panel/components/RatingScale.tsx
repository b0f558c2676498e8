import { useRef } from 'preact/hooks';
import { nextRating } from '../rating-keys.ts';

interface RatingScaleProps {
  /** Id of the element holding the question (the group's accessible name). */
  labelledBy: string;
  labels: readonly string[];
  /** Shown in each option; the accessible name is the label. */
  faces: readonly string[];
  value: number | null;
  onChange(value: number): void;
}

/**
 * A 1–5 scale as an ARIA radio group: one tab stop (the checked option, else the first), arrow
 * keys move and check, Home/End jump, Space/Enter check. Native radios would do most of this, but
 * cannot be styled as faces consistently across browsers.
 */
export function RatingScale({ labelledBy, labels, faces, value, onChange }: RatingScaleProps) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const pick = (v: number): void => {
    onChange(v);
    refs.current[v - 1]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    const next = nextRating(e.key, value);
    if (next === null) return;
    e.preventDefault();
    pick(next);
  };
  return (
    <div class="scale" role="radiogroup" aria-labelledby={labelledBy} onKeyDown={onKeyDown}>
      {labels.map((label, i) => {
        const v = i + 1;
        const checked = value === v;
        return (
          <button
            key={v}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-label={label}
            title={label}
            tabIndex={checked || (value === null && v === 1) ? 0 : -1}
            ref={(el) => {
              refs.current[i] = el;
            }}
            class={checked ? 'face checked' : 'face'}
            onClick={() => pick(v)}
          >
            <span aria-hidden="true">{faces[i]}</span>
          </button>
        );
      })}
    </div>
  );
}
