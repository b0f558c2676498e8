import type { TranscriptEntry } from '@hearth/protocol';

/**
 * The plain-text transcript a visitor downloads: one line per message or event, with its date and
 * time in the visitor's locale. Built in the browser from `transcript:get`: no server-rendered file.
 *
 * @example transcriptText('Chat with Ember & Oak', entries, (ms) => new Date(ms).toISOString())
 */
export function transcriptText(title: string, entries: readonly TranscriptEntry[], when: (ms: number) => string): string {
  const lines = entries.map((e) => (e.kind === 'message' ? `[${when(e.at)}] ${e.author}: ${e.text}` : `[${when(e.at)}] — ${e.text}`));
  return [title, '', ...lines, ''].join('\n');
}

/** Hands the text to the browser as a download. */
export function saveTranscript(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `chat-transcript-${new Date().toISOString().slice(0, 10)}.txt`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
