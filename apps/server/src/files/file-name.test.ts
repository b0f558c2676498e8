import { describe, expect, it } from 'vitest';
import { FILE_NAME_MAX, cleanFileName, contentDisposition, extensionOf } from './file-name.ts';

describe('cleanFileName', () => {
  it('keeps the last path segment and refuses hidden and parent names', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('..\\..\\windows\\win.ini')).toBe('win.ini');
    expect(cleanFileName('..')).toBe('file');
    expect(cleanFileName('.htaccess')).toBe('htaccess');
    expect(cleanFileName('')).toBe('file');
  });

  it('drops control, bidi-override and zero-width characters', () => {
    expect(cleanFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(cleanFileName('a\u0000b\u0007c\r\n.txt')).toBe('abc.txt');
    expect(cleanFileName('re\u200Bport\u2066.pdf')).toBe('report.pdf');
    expect(cleanFileName('a<b>:c"d|e?f*.txt')).toBe('a_b__c_d_e_f_.txt');
    expect(cleanFileName('  many   spaces  .txt  ')).toBe('many spaces .txt');
  });

  it('shortens a 1,000-character name to the limit and keeps its extension', () => {
    const cleaned = cleanFileName(`${'x'.repeat(1000)}.pdf`);
    expect([...cleaned]).toHaveLength(FILE_NAME_MAX);
    expect(cleaned.endsWith('.pdf')).toBe(true);
    expect([...cleanFileName('😀'.repeat(1000))]).toHaveLength(FILE_NAME_MAX);
  });

  it('reads extensions', () => {
    expect(extensionOf('Photo.JPEG')).toBe('jpeg');
    expect(extensionOf('README')).toBe('');
    expect(extensionOf('archive.tar.gz')).toBe('gz');
  });
});

describe('contentDisposition', () => {
  it('quotes nothing the header could end on, and carries the exact name encoded', () => {
    expect(contentDisposition('attachment', 'Rapport été "final".pdf')).toBe(
      `attachment; filename="Rapport _t_ _final_.pdf"; filename*=UTF-8''Rapport%20%C3%A9t%C3%A9%20%22final%22.pdf`,
    );
    expect(contentDisposition('inline', "it's (1).png")).toBe(`inline; filename="it's (1).png"; filename*=UTF-8''it%27s%20%281%29.png`);
  });
});
