import { useRef, useState } from 'preact/hooks';
import type { CsatPrompt } from '@hearth/protocol';
import type { RateFailure, RateRequest } from '../chat-view.ts';
import { format, type Strings } from '../i18n/strings.ts';
import { useStrings } from '../i18n/use-strings.ts';
import { useReveal } from '../reveal.ts';
import { RatingScale } from './RatingScale.tsx';

const scaleLabels = (t: Strings, prefix: 'csat' | 'ces'): string[] =>
  ([1, 2, 3, 4, 5] as const).map((value) => format(t.scaleOption, { value, label: t[`${prefix}${value}`] }));
// Digits, not emoji: emoji fonts are missing on many systems (and read differently across cultures).
const DIGITS = ['1', '2', '3', '4', '5'];
/** Matches the protocol's CSAT_COMMENT_MAX (not imported: the protocol's runtime would bring zod). */
const COMMENT_MAX = 2000;

export interface CsatCardProps {
  prompt: CsatPrompt;
  onRate(request: RateRequest): Promise<RateFailure | null>;
  onSkip(): void;
}

/**
 * The CSAT question inside the chat, after close: a 1–5 scale, then (once a score is picked) an
 * optional comment and the CES question if the site enabled it, then a thank-you. Skippable;
 * changeable until the window ends. A chunk of its own (App.tsx): only visitors whose chat ended fetch it.
 */
export function CsatCard({ prompt, onRate, onSkip }: CsatCardProps) {
  const { t } = useStrings();
  const [editing, setEditing] = useState(prompt.rating === null);
  const [score, setScore] = useState<number | null>(prompt.rating?.score ?? null);
  const [ces, setCes] = useState<number | null>(prompt.rating?.ces ?? null);
  const [comment, setComment] = useState(prompt.rating?.comment ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RateFailure | null>(null);
  const thanks = useRef<HTMLElement>(null);
  const form = useRef<HTMLFormElement>(null);
  // The question when it appears, the comment box and send button once a score is picked, an error, the thanks.
  useReveal(editing ? form : thanks, [editing, score === null, error]);

  if (!editing) {
    return (
      <section class="csat" aria-label={t.rating} ref={thanks}>
        <p class="csat-thanks" role="status" dir="auto">{prompt.thanks}</p>
        <button type="button" class="link" onClick={() => setEditing(true)}>
          {t.changeRating}
        </button>
      </section>
    );
  }

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (score === null || busy) return;
    setBusy(true);
    const failure = await onRate({ score, ces: prompt.cesQuestion ? ces : null, comment: comment.trim() || null });
    setBusy(false);
    setError(failure);
    if (!failure) setEditing(false);
  };

  return (
    <form class="csat" aria-label={t.rating} ref={form} onSubmit={(e) => void submit(e)}>
      <p id="csat-q" class="csat-q" dir="auto">{prompt.question}</p>
      <RatingScale labelledBy="csat-q" labels={scaleLabels(t, 'csat')} faces={DIGITS} value={score} onChange={setScore} />
      <p class="scale-ends" aria-hidden="true">
        <span>{t.csat1}</span>
        <span>{t.csat5}</span>
      </p>
      {score !== null && (
        <>
          {prompt.cesQuestion && (
            <>
              <p id="ces-q" class="csat-q" dir="auto">{prompt.cesQuestion}</p>
              <RatingScale labelledBy="ces-q" labels={scaleLabels(t, 'ces')} faces={DIGITS} value={ces} onChange={setCes} />
              <p class="scale-ends" aria-hidden="true">
                <span>{t.ces1}</span>
                <span>{t.ces5}</span>
              </p>
            </>
          )}
          <label class="csat-q" for="csat-comment">
            {prompt.commentPrompt} <span class="optional">{t.optional}</span>
          </label>
          <textarea id="csat-comment" dir="auto" rows={2} maxLength={COMMENT_MAX} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
        </>
      )}
      {error && (
        <p class="csat-error" role="alert">
          {'key' in error ? t[error.key] : error.text}
        </p>
      )}
      <div class="csat-actions">
        <button type="submit" class="primary" disabled={score === null || busy}>
          {t.sendRating}
        </button>
        <button type="button" class="link" onClick={() => (prompt.rating ? setEditing(false) : onSkip())}>
          {prompt.rating ? t.cancel : t.skip}
        </button>
      </div>
    </form>
  );
}
