/**
 * CSV for exports (RFC 4180: every field quoted, quotes doubled, CRLF). A cell starting with
 * = + - @ (or a tab/CR) is prefixed with ' so a spreadsheet never runs it as a formula: transcript
 * text is visitor input. The text starts with a UTF-8 byte-order mark: without it Excel decodes the
 * file in the system's code page ("MÃ¼nchen"). Every CSV Hearth writes goes through here.
 */
const BOM = '\uFEFF';

export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const cell = (v: string | number | null): string => {
    if (v === null) return '';
    let s = String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return `"${s.replace(/"/g, '""')}"`;
  };
  return BOM + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
