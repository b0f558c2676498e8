import { z } from 'zod';
import { hasVisibleText } from './visible-text.ts';

/**
 * A one-line text a person writes (names, titles, labels, prompts): trimmed, at most `max` UTF-16
 * code units, and with at least one visible character (visible-text.ts), so a field of zero-width
 * spaces is refused like one of spaces. Every such input of the protocol uses these.
 *
 * @example requiredText(80, 'a title').parse('\u200B') // throws "a title cannot be empty"
 */
export const requiredText = (max: number, what = 'text') =>
  z
    .string()
    .trim()
    .max(max, `${what} is at most ${max} characters`)
    .refine(hasVisibleText, `${what} cannot be empty`);

/** A message or a note: kept as written (leading spaces may indent code), yet never invisible. */
export const requiredBody = (max: number, what = 'text') =>
  z
    .string()
    .max(max, `${what} is at most ${max} characters`)
    .refine(hasVisibleText, `${what} cannot be empty`);

/** Optional text: a value with nothing visible in it is no value (undefined), never stored. */
export const optionalText = (max: number, what = 'text') =>
  z
    .string()
    .trim()
    .max(max, `${what} is at most ${max} characters`)
    .transform((s) => (hasVisibleText(s) ? s : undefined))
    .optional();

/** Text with a default when left empty ('' means "use the default"): nothing visible reads as ''. */
export const textOrEmpty = (max: number, what = 'text') =>
  z
    .string()
    .trim()
    .max(max, `${what} is at most ${max} characters`)
    .transform((s) => (hasVisibleText(s) ? s : ''));
