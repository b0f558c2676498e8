import type { ConversationDetail, ConversationId, ConversationSummary } from '@hearth/protocol';
import { lastSeqOf, newClientId } from '@hearth/chat-client';
import { emptyInbox, inboxReducer, type InboxAction, type InboxState } from '../inbox/inbox-state.ts';
import {
  unreadUpTo,
  withNote,
  withTrackedEvent,
  withAgentRead,
  withMessages,
  withPage,
  withReopened,
  withSummary,
  withVisitorRead,
  type PendingReply,
} from '../conversation/conversation-state.ts';
import type { ConsoleOutbox } from '../conversation/console-outbox.ts';
import { createTypingEmitter, type TypingEmitter } from '../conversation/typing-emitter.ts';
import { command, type AgentSocket, type CommandError, type CommandRequest } from '../socket/agent-socket.ts';

/**
 * Everything the signed-in console shows, and the commands that change it. Socket facts are fed
 * through the pure reducers; views subscribe and re-render. It lives outside Preact so socket
 * handlers always see the current state (no stale closures) and so it can be torn down on sign-out.
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting';

export interface OpenConversation {
  id: ConversationId;
  /** null while `conversation:open` is in flight. */
  detail: ConversationDetail | null;
  error: string | null;
  /** Set while the visitor is typing. */
  typing: { name: string | null } | null;
}

export interface Notice {
  id: number;
  tone: 'error' | 'info';
  text: string;
}

export interface ConsoleState {
  connection: ConnectionStatus;
  inbox: InboxState;
  inboxLoaded: boolean;
  open: OpenConversation | null;
  pending: PendingReply[];
  notice: Notice | null;
}

export interface ConsoleStoreOptions {
  socket: AgentSocket;
  outbox: ConsoleOutbox;
  /** Called when the server refuses the socket: resolves true if the session is still valid. */
  checkSession: () => Promise<boolean>;
  onSignedOut: () => void;
  isVisible?: () => boolean;
  /** A fact that may deserve a sound or a desktop notification (notifications/notifier.ts decides). */
  onAlert?: (kind: 'new-conversation' | 'visitor-message', conversation: ConversationSummary | null) => void;
}

/** A typing "true" with no follow-up (a dropped packet, a closed tab) expires after this. */
const TYPING_TTL_MS = 6000;
const NOTICE_TTL_MS = 8000;

export type ConsoleStore = ReturnType<typeof createConsoleStore>;

export function createConsoleStore(options: ConsoleStoreOptions) {
  const { socket, outbox } = options;
  const isVisible = options.isVisible ?? (() => document.visibilityState === 'visible');
  let state: ConsoleState = {
    connection: 'connecting',
    inbox: emptyInbox,
    inboxLoaded: false,
    open: null,
    pending: outbox.entries(),
    notice: null,
  };
  const listeners = new Set<() => void>();
  let typingEmitter: TypingEmitter | null = null;
  let typingExpiry: ReturnType<typeof setTimeout> | null = null;
  let noticeTimer: ReturnType<typeof setTimeout> | null = null;
  let readRequested = 0;
  let noticeSeq = 0;
  let disposed = false;

  function set(patch: Partial<ConsoleState>): void {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  }
  const dispatchInbox = (action: InboxAction) => set({ inbox: inboxReducer(state.inbox, action) });
  /** Applies a change to the open conversation's detail, if `id` is still the one open. */
  function updateOpen(id: ConversationId, fn: (d: ConversationDetail) => ConversationDetail): void {
    const open = state.open;
    if (!open || open.id !== id || !open.detail) return;
    const detail = fn(open.detail);
    if (detail !== open.detail) set({ open: { ...open, detail } });
  }
  function notify(text: string, tone: Notice['tone'] = 'error'): void {
    if (noticeTimer) clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => set({ notice: null }), NOTICE_TTL_MS);
    set({ notice: { id: ++noticeSeq, tone, text } });
  }
  function setTyping(typing: OpenConversation['typing']): void {
    if (typingExpiry) clearTimeout(typingExpiry);
    typingExpiry = typing ? setTimeout(() => setTyping(null), TYPING_TTL_MS) : null;
    if (state.open) set({ open: { ...state.open, typing } });
  }

  // ---- Facts from the server -------------------------------------------------------------
  socket.on('connect', () => {
    set({ connection: 'connected' });
    void onConnected();
  });
  // Live events may have been missed without a reconnect (cluster: a node died, Redis came back):
  // reload as after one (resends from the outbox are idempotent by client id).
  socket.on('resync', () => void onConnected());
  socket.on('disconnect', (reason) => {
    set({ connection: 'reconnecting' });
    if (reason === 'io server disconnect') onRefused();
  });
  socket.on('connect_error', () => {
    set({ connection: 'reconnecting' });
    if (!socket.active) onRefused();
  });
  /**
   * The server refused or dropped us on purpose (middleware error, expired session): socket.io
   * will not retry by itself. Either the session is gone (back to sign-in) or we retry later.
   */
  function onRefused(): void {
    void options.checkSession().then((valid) => {
      if (disposed) return;
      if (!valid) options.onSignedOut();
      else setTimeout(() => !disposed && !socket.active && socket.connect(), 3000);
    });
  }
  socket.on('conversation:created', (conversation) => {
    dispatchInbox({ type: 'created', conversation });
    options.onAlert?.('new-conversation', conversation);
  });
  socket.on('note:created', (note) => updateOpen(note.conversationId, (d) => withNote(d, note)));
  socket.on('visitor:tracked', (e) => updateOpen(e.conversationId, (d) => withTrackedEvent(d, e.event)));
  socket.on('conversation:updated', (conversation) => {
    dispatchInbox({ type: 'updated', conversation });
    updateOpen(conversation.id, (d) => withSummary(d, conversation));
  });
  socket.on('conversation:rated', ({ conversationId, rating }) => updateOpen(conversationId, (d) => ({ ...d, rating })));
  socket.on('inbox:activity', (items) => {
    for (const message of items) dispatchInbox({ type: 'message', message });
  });
  socket.on('message:created', (message) => {
    dispatchInbox({ type: 'message', message });
    updateOpen(message.conversationId, (d) => withMessages(d, [message]));
    if (state.open?.id === message.conversationId && message.authorType === 'visitor') {
      if (state.open.typing) setTyping(null);
      markRead();
    }
    if (message.authorType === 'visitor') {
      options.onAlert?.('visitor-message', state.inbox.conversations.find((c) => c.id === message.conversationId) ?? null);
    }
  });
  socket.on('typing:changed', (e) => {
    if (state.open?.id === e.conversationId) setTyping(e.isTyping ? { name: e.name } : null);
  });
  socket.on('read:updated', (e) => updateOpen(e.conversationId, (d) => withVisitorRead(d, e.upToSeq)));
  socket.on('visitor:page-viewed', (e) => {
    const detail = state.open?.detail;
    if (!detail) return;
    if (e.conversationId === detail.conversation.id || e.visitorId === detail.visitor.id) {
      updateOpen(detail.conversation.id, (d) => withPage(d, e.page));
    }
  });

  async function onConnected(): Promise<void> {
    readRequested = 0;
    const listed = await command(socket, 'inbox:list', {});
    if (listed.ok) {
      dispatchInbox({ type: 'listed', conversations: listed.data.conversations });
      set({ inboxLoaded: true });
    } else {
      notify(`Could not load the inbox: ${listed.error.message}`);
    }
    if (state.open) await loadConversation(state.open.id, true);
    for (const reply of outbox.entries()) void deliver(reply);
  }

  /** `conversation:open` also (re)joins the conversation's room; `sync` fills any gap. */
  async function loadConversation(id: ConversationId, resync: boolean): Promise<void> {
    const opened = await command(socket, 'conversation:open', { conversationId: id });
    if (state.open?.id !== id) return;
    if (!opened.ok) {
      if (!state.open.detail) set({ open: { ...state.open, error: opened.error.message } });
      else notify(`Could not refresh the conversation: ${opened.error.message}`);
      return;
    }
    set({ open: { ...state.open, detail: withReopened(state.open.detail, opened.data), error: null } });
    // A long history comes in pages (count and bytes): read on after the last message until the end.
    let more = resync || opened.data.hasMoreMessages;
    while (more && state.open?.id === id) {
      const afterSeq = lastSeqOf(state.open.detail?.messages ?? []);
      const synced = await command(socket, 'conversation:sync', { conversationId: id, afterSeq });
      if (!synced.ok) break;
      updateOpen(id, (d) => withMessages(d, synced.data.messages));
      more = synced.data.hasMore && synced.data.messages.length > 0;
    }
    markRead();
  }

  function markRead(): void {
    const open = state.open;
    if (!open?.detail || !socket.connected || !isVisible()) return;
    const upToSeq = unreadUpTo(open.detail);
    if (upToSeq === null || upToSeq <= readRequested) return;
    readRequested = upToSeq;
    void command(socket, 'messages:read', { conversationId: open.id, upToSeq }).then((r) => {
      if (r.ok) {
        dispatchInbox({ type: 'read', conversationId: open.id, upToSeq });
        updateOpen(open.id, (d) => withAgentRead(d, upToSeq));
      } else if (readRequested === upToSeq) {
        readRequested = 0; // try again on the next chance
      }
    });
  }

  /** Sends one reply until it is acked; the server dedupes by clientId, so resending is safe. */
  async function deliver(reply: PendingReply): Promise<void> {
    const r = await command(socket, 'message:send', {
      conversationId: reply.conversationId,
      clientId: reply.clientId,
      body: reply.body,
    });
    if (disposed) return;
    if (r.ok) {
      outbox.remove(reply.clientId);
      set({ pending: state.pending.filter((p) => p.clientId !== reply.clientId) });
      dispatchInbox({ type: 'message', message: r.data.message });
      updateOpen(reply.conversationId, (d) => withMessages(d, [r.data.message]));
    } else if (r.error.code === 'timeout') {
      // Still in the outbox: the next connect resends it; if the link is up, retry now.
      if (socket.connected && outbox.entries().some((p) => p.clientId === reply.clientId)) void deliver(reply);
    } else {
      outbox.remove(reply.clientId);
      const error = r.error.message || 'Not sent';
      set({ pending: state.pending.map((p) => (p.clientId === reply.clientId ? { ...p, error } : p)) });
    }
  }

  function onVisibility(): void {
    if (isVisible()) markRead();
  }
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisibility);

  // ---- Commands from the view ------------------------------------------------------------
  return {
    getState: () => state,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    openConversation(id: ConversationId | null): void {
      if (state.open?.id === id) return;
      typingEmitter?.stop();
      typingEmitter = null;
      setTyping(null);
      readRequested = 0;
      if (id === null) {
        set({ open: null });
        return;
      }
      set({ open: { id, detail: null, error: null, typing: null } });
      typingEmitter = createTypingEmitter((isTyping) => {
        if (socket.connected) void command(socket, 'typing:set', { conversationId: id, isTyping });
      });
      if (socket.connected) void loadConversation(id, false);
      // Otherwise onConnected loads it.
    },
    typingInput(): void {
      typingEmitter?.input();
    },
    sendReply(body: string): void {
      const open = state.open;
      if (!open || !body.trim()) return;
      typingEmitter?.stop();
      const reply: PendingReply = { clientId: newClientId(), conversationId: open.id, body, queuedAt: Date.now() };
      outbox.add(reply);
      set({ pending: [...state.pending, reply] });
      if (socket.connected) void deliver(reply);
    },
    retryReply(clientId: string): void {
      const failed = state.pending.find((p) => p.clientId === clientId);
      if (!failed) return;
      const reply: PendingReply = { clientId: failed.clientId, conversationId: failed.conversationId, body: failed.body, queuedAt: Date.now() };
      outbox.add(reply);
      set({ pending: state.pending.map((p) => (p.clientId === clientId ? reply : p)) });
      if (socket.connected) void deliver(reply);
    },
    discardReply(clientId: string): void {
      outbox.remove(clientId);
      set({ pending: state.pending.filter((p) => p.clientId !== clientId) });
    },
    /** Claims the open conversation, or one from the queue view. */
    async claim(id = state.open?.id): Promise<void> {
      await changeConversation(id, 'conversation:claim', 'Claimed — the conversation is yours.');
    },
    async accept(): Promise<void> {
      await changeConversation(state.open?.id, 'conversation:accept', 'Accepted — the conversation is yours.');
    },
    async close(): Promise<void> {
      await changeConversation(state.open?.id, 'conversation:close', 'Conversation closed.');
    },
    /** Hands the open conversation over; resolves with the error to show in the dialog, or null. */
    async transfer(to: Omit<CommandRequest<'conversation:transfer'>, 'conversationId'>): Promise<string | null> {
      const id = state.open?.id;
      if (!id) return 'No conversation is open.';
      const r = await command(socket, 'conversation:transfer', { ...to, conversationId: id });
      if (!r.ok) return errorText(r.error);
      applyChange(r.data.conversation);
      notify('Transferred.', 'info');
      return null;
    },
    /** An internal note on the open conversation; resolves false (with a notice) when refused. */
    async addNote(body: string): Promise<boolean> {
      const id = state.open?.id;
      if (!id || !body.trim()) return false;
      const r = await command(socket, 'note:add', { conversationId: id, clientId: newClientId(), body });
      if (!r.ok) notify(`Note not saved: ${errorText(r.error)}`);
      else updateOpen(id, (d) => withNote(d, r.data.note));
      return r.ok;
    },
    async setLabel(labelId: string, on: boolean): Promise<void> {
      const id = state.open?.id;
      if (!id) return;
      const r = await command(socket, on ? 'label:add' : 'label:remove', { conversationId: id, labelId });
      if (!r.ok) notify(errorText(r.error));
      else applyChange(r.data.conversation);
    },
    dismissNotice(): void {
      set({ notice: null });
    },
    dispose(): void {
      disposed = true;
      typingEmitter?.stop();
      if (typingExpiry) clearTimeout(typingExpiry);
      if (noticeTimer) clearTimeout(noticeTimer);
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisibility);
      socket.removeAllListeners();
      socket.disconnect();
      listeners.clear();
    },
  };

  async function changeConversation(
    id: ConversationId | undefined,
    event: 'conversation:claim' | 'conversation:close' | 'conversation:accept',
    done: string,
  ): Promise<void> {
    if (!id) return;
    const r = await command(socket, event, { conversationId: id });
    if (!r.ok) {
      notify(errorText(r.error));
      return;
    }
    applyChange(r.data.conversation);
    notify(done, 'info');
  }

  function applyChange(conversation: ConversationSummary): void {
    dispatchInbox({ type: 'updated', conversation });
    updateOpen(conversation.id, (d) => withSummary(d, conversation));
  }
}

function errorText(error: CommandError): string {
  return error.code === 'timeout' ? 'No answer from the server — check the connection and try again.' : error.message;
}
