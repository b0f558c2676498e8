/**
 * Copies text to the clipboard. The async Clipboard API needs a secure context (https or
 * localhost) and permission; a plain-http LAN install has neither, so fall back to selecting the
 * text in its field and the legacy copy command. Returns false when both fail (the text stays
 * selected, so Ctrl+C still works).
 */
export async function copyText(text: string, field: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused: try the selection below.
  }
  if (!field) return false;
  field.focus();
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
