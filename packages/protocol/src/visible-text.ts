/**
 * "Empty" as a reader sees it: text with no visible character. Spaces are not the only invisible
 * input: zero-width spaces and joiners (U+200B–U+200D, U+2060), the soft hyphen (U+00AD), Hangul
 * fillers (U+3164, U+FFA0), the Braille blank (U+2800), variation selectors, bidi marks and tag
 * characters all draw nothing, and a message made of them shows as an empty bubble. This file has
 * no zod import, so the widget and the console check drafts with the same rule the server applies
 * (package export `@hearth/protocol/visible-text`).
 *
 * Invisible: White_Space, Default_Ignorable_Code_Point (fillers, joiners, selectors, tags), control
 * and format characters, and U+2800. Everything else, combining marks and private-use icons
 * included, counts as visible.
 */
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\u2800]/u;

/** @example hasVisibleText('\u200B\u2800') // false; hasVisibleText(' ok ') // true */
export const hasVisibleText = (text: string): boolean => VISIBLE.test(text);
