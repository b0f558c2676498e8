import type { TranscriptEntry, VisitorConversation } from '@hearth/protocol';
import type { ChatController } from './chat-view.ts';
import { ACK_TIMEOUT_MS, type VisitorSocket } from './outbox-sender.ts';

interface ActionDeps {
  socket(): VisitorSocket | null;
  conversation(): VisitorConversation | null;
  /** Takes the server's newer view of a conversation (ignored if the visitor moved on to another). */
  adopt(conversation: VisitorConversation): void;
}

/** What the visitor does to their current conversation besides writing: end it, rate it, download it. */
export function createConversationActions({ socket, conversation, adopt }: ActionDeps): Pick<ChatController, 'endChat' | 'rate' | 'downloadTranscript'> {
  return {
    endChat() {
      const c = conversation();
      const s = socket();
      if (!c || c.status !== 'open' || !s?.connected) return;
      s.timeout(ACK_TIMEOUT_MS).emit('conversation:end', { conversationId: c.id }, (err, ack) => {
        if (!err && ack.ok) adopt(ack.data.conversation);
      });
    },
    rate(request) {
      const c = conversation();
      const s = socket();
      if (!c || !s?.connected) return Promise.resolve({ key: 'errorOffline' });
      return new Promise((resolve) => {
        s.timeout(ACK_TIMEOUT_MS).emit('csat:rate', { conversationId: c.id, ...request }, (err, ack) => {
          if (err) return resolve({ key: 'errorNoAnswer' });
          if (!ack.ok) return resolve({ text: ack.error.message });
          adopt(ack.data.conversation);
          resolve(null);
        });
      });
    },
    downloadTranscript(title, locale) {
      const c = conversation();
      const s = socket();
      if (!c || !s?.connected) return;
      const entries: TranscriptEntry[] = [];
      // The server answers in pages (count and bytes); the file is saved once every page is in.
      const page = (after: number) =>
        s.timeout(ACK_TIMEOUT_MS).emit('transcript:get', { conversationId: c.id, after }, (err, ack) => {
          if (err || !ack.ok) return;
          entries.push(...ack.data.entries);
          if (ack.data.next !== null && ack.data.entries.length > 0) return page(ack.data.next);
          const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
          // A chunk of its own: few visitors download a transcript.
          void import('./transcript-text.ts').then(({ saveTranscript, transcriptText }) => saveTranscript(transcriptText(title, entries, (ms) => when.format(ms))));
        });
      page(0);
    },
  };
}
