import type { TranscriptEntry } from '@hearth/protocol';

/**
 * The plain-text transcript a visitor downloads: one line per message or event, with its date and
 * time in the visitor's locale. Built in the browser from `transcript:get`: no server-rendered file.
 *
 * @example transcriptText('Ember & Oak', entries, (ms) => new Date(ms).toISOString())
 */
export function transcriptText(siteName: string, entries: readonly TranscriptEntry[], when: (ms: number) => string): string {
  const lines = entries.map((e) => (e.kind === 'message' ? `[${when(e.at)}] ${e.author}: ${e.text}` : `[${when(e.at)}] — ${e.text}`));
  return [`Chat with ${siteName || 'us'}`, '', ...lines, ''].join('\n');
}
