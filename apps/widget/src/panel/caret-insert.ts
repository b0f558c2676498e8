/** The draft with `text` put in place of the selection [start, end); also where the caret goes after. */
export function insertAt(draft: string, text: string, start: number, end: number): { value: string; caret: number } {
  return { value: draft.slice(0, start) + text + draft.slice(end), caret: start + text.length };
}
