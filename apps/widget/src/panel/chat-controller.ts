import { io } from 'socket.io-client';
import type { ConversationId, HostIdentity, Message, PageViewInput, TriggerContext, VISITOR_NAMESPACE, VisitorConversation } from '@hearth/protocol';
import { createOutbox, lastSeqOf } from '@hearth/chat-client';
import { createHostStorage, localStorageOrNull } from './browser-storage.ts';
import { EMPTY_TIMELINE, applyMessage, applySync, mergeConversation, toPageViewInput, type Timeline } from './chat-state.ts';
import type { ChatController, ChatView } from './chat-view.ts';
import { clientId } from './client-id.ts';
import type { FrameParams } from './frame-params.ts';
import type { HostBridge } from './host-bridge.ts';
import { ACK_TIMEOUT_MS, createOutboxSender, type VisitorSocket } from './outbox-sender.ts';
import { SessionRefused, backoffMs, fetchSession } from './session.ts';
import { createTypingSignal } from './typing-signal.ts';
import { transcriptText } from './transcript-text.ts';

// Spelled out, not imported: the protocol's runtime modules pull zod into the bundle. The `typeof`
// annotation still breaks type-checking if the protocol's namespace changes.
const VISITOR_NS: typeof VISITOR_NAMESPACE = '/visitor';
/** An agent's "typing" expires on its own if their `false` never reaches us. */
const TYPING_EXPIRY_MS = 8_000;
const noop = (): void => {};

/** The visitor's chat: session, socket, outbox and the host-page channel, behind a small view store. */
export function createChatController({ siteKey, host }: FrameParams, bridge: HostBridge): ChatController {
  const ownStorage = localStorageOrNull();
  const hostStorage = ownStorage ? null : createHostStorage(siteKey, bridge.post);
  const storage = ownStorage ?? hostStorage!.storage;
  // The session waits for the loader's `hearth:stored` (or gives up waiting): it follows
  // `hearth:identify`, and without storage of our own it carries the visitor's token.
  let awaitingStorage = true;
  let identity: HostIdentity | null = null;
  const outbox = createOutbox(storage, `hearth:outbox:${siteKey}`);
  const listeners = new Set<(view: ChatView) => void>();
  // Set when the visitor replied to a proactive prompt; cleared once a message of theirs is accepted.
  let trigger: TriggerContext | null = null;
  const sender = createOutboxSender({
    outbox,
    socket: () => socket,
    onSent: adoptSent,
    onChange: () => update(),
    departmentId: () => (timeline.conversation?.status !== 'open' && view.topic) || undefined,
    trigger: () => trigger,
  });
  let timeline: Timeline = EMPTY_TIMELINE;
  let socket: VisitorSocket | null = null;
  let token = '';
  let refusals = 0;
  let unread = 0;
  let readSent = 0;
  let synced = false;
  let activePosted: boolean | null = null;
  let page: PageViewInput | null = null;
  let typingExpiry: ReturnType<typeof setTimeout> | undefined;
  let view: ChatView = {
    phase: 'loading', connected: false, siteName: '', agentsOnline: false, departments: [], topic: '', timeline,
    pending: [], typing: null, visible: false, focusRequest: 0, csatSkipped: false,
  };
  // Skipped CSAT questions: remembered in the frame's own storage when it has one, else for this page.
  const skippedKey = `hearth:csat-skipped:${siteKey}`;
  const skipped = new Set((ownStorage?.getItem(skippedKey) ?? '').split(',').filter(Boolean));

  const typingSignal = createTypingSignal({
    emit: (isTyping) => {
      if (socket?.connected && timeline.conversation?.status === 'open') socket.emit('typing:set', { isTyping }, noop);
    },
  });

  function update(patch: Partial<ChatView> = {}): void {
    const csatSkipped = !!timeline.conversation && skipped.has(timeline.conversation.id);
    view = { ...view, ...patch, timeline, pending: sender.pending(timeline.messages), csatSkipped };
    // Only after a sync: before it we do not know, and a premature `false` would drop the preload flag.
    const active = timeline.conversation?.status === 'open';
    if (synced && active !== activePosted) {
      activePosted = active;
      bridge.post({ type: 'hearth:conversation', active });
    }
    for (const listener of listeners) listener(view);
  }

  function setTimeline(next: Timeline): void {
    if (next === timeline) return;
    if (next.conversation?.id !== timeline.conversation?.id) readSent = 0;
    timeline = next;
    update();
    markRead();
  }

  function markRead(): void {
    const c = timeline.conversation;
    const last = lastSeqOf(timeline.messages);
    if (!view.visible || !c || !socket?.connected || last <= readSent) return;
    // Only what the other side wrote needs a receipt; our own messages are read by definition.
    if (!timeline.messages.some((m) => m.seq > readSent && m.authorType !== 'visitor')) return;
    readSent = last;
    socket.emit('messages:read', { conversationId: c.id, upToSeq: last }, noop);
  }

  /** Without arguments: "what happened after my last seq?"; `conversationId: null` asks for the latest conversation in full. */
  function sync(request?: { conversationId: ConversationId | null; afterSeq: number }): Promise<void> {
    const s = socket;
    if (!s?.connected) return Promise.resolve();
    const c = timeline.conversation;
    const req = request ?? { conversationId: c?.id ?? null, afterSeq: c ? lastSeqOf(timeline.messages) : 0 };
    return new Promise((resolve) => {
      s.timeout(ACK_TIMEOUT_MS).emit('conversation:sync', req, (err, ack) => {
        if (!err && ack.ok) {
          const next = applySync(timeline, ack.data);
          const first = !synced;
          synced = true;
          // Even an unchanged (empty) timeline must reach update() once, to post `hearth:conversation`.
          if (next === timeline && first) update();
          else setTimeline(next);
        } else if (!err && !ack.ok && ack.error.code === 'not_found' && req.conversationId) {
          // The conversation we remember is gone: start over from the visitor's latest.
          void syncLatest().then(resolve);
          return;
        }
        resolve();
      });
    });
  }

  // One "latest conversation, in full" request at a time: a new conversation announces itself by
  // several events (message:created, conversation:updated) that would each ask for the same thing.
  let latestSync: Promise<void> | null = null;
  function syncLatest(): Promise<void> {
    latestSync ??= sync({ conversationId: null, afterSeq: 0 }).finally(() => (latestSync = null));
    return latestSync;
  }

  function adoptSent(message: Message, conversation: VisitorConversation): void {
    trigger = null;
    const isNew = conversation.id !== timeline.conversation?.id;
    setTimeline(applySync(timeline, { conversation, messages: [message] }));
    // A new conversation we had not seen: fetch what came before our message (another tab's, say).
    if (isNew && message.seq > 1) void syncLatest();
  }

  function sendPage(): void {
    if (!page || !socket?.connected) return;
    socket.emit('page:view', page, noop);
    page = null;
  }

  function setTyping(name: string | null): void {
    clearTimeout(typingExpiry);
    if (name !== null) typingExpiry = setTimeout(() => update({ typing: null }), TYPING_EXPIRY_MS);
    update({ typing: name });
  }

  function wire(s: VisitorSocket): void {
    s.on('connect', () => {
      refusals = 0;
      update({ connected: true });
      void sync().then(() => {
        sender.setReady(true);
        void sender.drain();
        sendPage();
      });
    });
    s.on('disconnect', (reason) => {
      sender.setReady(false);
      clearTimeout(typingExpiry);
      update({ connected: false, typing: null });
      // socket.io does not reconnect after a server-side disconnect (token revoked, say): start over.
      if (reason === 'io server disconnect') setTimeout(() => void start(), backoffMs(refusals++));
    });
    s.on('connect_error', () => {
      // Transport errors are retried by socket.io itself; an inactive socket means the server refused
      // our token (expired, revoked, server reset): fetch a fresh session, then reconnect.
      if (s.active) return;
      setTimeout(() => void start(), backoffMs(refusals++));
    });
    s.on('message:created', (message) => {
      const c = timeline.conversation;
      let fresh = true;
      if (!c || message.conversationId !== c.id) {
        // Our own first message opening a conversation: its ack brings the conversation, no need to ask.
        if (!(message.authorType === 'visitor' && sender.isSending(message.clientId))) void syncLatest();
      } else {
        const last = lastSeqOf(timeline.messages);
        const next = applyMessage(timeline, message);
        fresh = next !== timeline;
        setTimeline(next);
        if (message.seq > last + 1) void sync({ conversationId: c.id, afterSeq: last });
      }
      if (message.authorType !== 'agent' || !fresh) return;
      if (view.typing) setTyping(null);
      if (!view.visible) {
        unread += 1;
        bridge.post({ type: 'hearth:unread', count: unread });
        bridge.post({ type: 'hearth:open-request' });
      }
    });
    s.on('conversation:updated', (conversation) => {
      const c = timeline.conversation;
      if (c && conversation.id === c.id) setTimeline({ ...timeline, conversation: mergeConversation(c, conversation) });
      else void syncLatest();
    });
    s.on('typing:changed', (e) => {
      if (e.conversationId === timeline.conversation?.id) setTyping(e.isTyping ? e.name || 'An agent' : null);
    });
    s.on('read:updated', (e) => {
      const c = timeline.conversation;
      if (c && e.conversationId === c.id && e.upToSeq > c.agentReadSeq) {
        setTimeline({ ...timeline, conversation: { ...c, agentReadSeq: e.upToSeq } });
      }
    });
    s.on('availability:changed', (e) => update({ agentsOnline: e.agentsOnline }));
    s.on('queue:updated', ({ conversationId, position, estimatedWaitSeconds }) => {
      const c = timeline.conversation;
      if (c?.id === conversationId) setTimeline({ ...timeline, conversation: { ...c, queue: { position, estimatedWaitSeconds } } });
    });
  }

  async function start(attempt = 0): Promise<void> {
    try {
      const session = await fetchSession(siteKey, storage, host, identity);
      token = session.token;
      update({ phase: 'ready', siteName: session.site.name, departments: session.site.departments ?? [], agentsOnline: session.agentsOnline });
    } catch (error) {
      if (error instanceof SessionRefused) update({ phase: 'unavailable' });
      else setTimeout(() => void start(attempt + 1), backoffMs(attempt));
      return;
    }
    if (socket) {
      socket.connect();
      return;
    }
    // auth as a function: every reconnect presents the newest token.
    socket = io(location.origin + VISITOR_NS, { auth: (cb) => cb({ token }), transports: ['websocket', 'polling'] });
    wire(socket);
  }

  bridge.listen((message) => {
    switch (message.type) {
      case 'hearth:open':
        unread = 0;
        bridge.post({ type: 'hearth:unread', count: 0 });
        update({ visible: true, focusRequest: view.focusRequest + (message.focus ? 1 : 0) });
        markRead();
        break;
      case 'hearth:closed':
        update({ visible: false });
        break;
      case 'hearth:page':
        page = toPageViewInput(message.page);
        sendPage();
        break;
      case 'hearth:trigger':
        trigger = message.context;
        break;
      case 'hearth:identify':
        // A different user after the session started (the host signed someone in or out): start over.
        if (!awaitingStorage && JSON.stringify(message.identity) !== JSON.stringify(identity)) location.reload();
        identity = message.identity;
        break;
      case 'hearth:stored':
        if (!awaitingStorage) break;
        hostStorage?.seed(message.values);
        startOnce();
        break;
    }
  });

  function startOnce(): void {
    awaitingStorage = false;
    void start();
  }
  // A loader that never answers (an older widget.js cached on the host page): go on without it.
  setTimeout(() => awaitingStorage && startOnce(), 2000);

  return {
    view: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send(body) {
      const text = body.trim();
      if (!text) return;
      typingSignal.stop();
      outbox.add({ clientId: clientId(), body: text, queuedAt: Date.now() });
      update();
      void sender.drain();
    },
    setTopic: (topic) => update({ topic }),
    draftChanged: (draft) => (draft.trim() ? typingSignal.input() : typingSignal.stop()),
    close: () => bridge.post({ type: 'hearth:close' }),
    endChat() {
      const c = timeline.conversation;
      if (!c || c.status !== 'open' || !socket?.connected) return;
      socket.timeout(ACK_TIMEOUT_MS).emit('conversation:end', { conversationId: c.id }, (err, ack) => {
        if (!err && ack.ok) setTimeline({ ...timeline, conversation: mergeConversation(timeline.conversation, ack.data.conversation) });
      });
    },
    rate(request) {
      const c = timeline.conversation;
      const s = socket;
      if (!c || !s?.connected) return Promise.resolve('You are offline. Please try again in a moment.');
      return new Promise((resolve) => {
        s.timeout(ACK_TIMEOUT_MS).emit('csat:rate', { conversationId: c.id, ...request }, (err, ack) => {
          if (err) return resolve('No answer from the server. Please try again.');
          if (!ack.ok) return resolve(ack.error.message);
          if (ack.data.conversation.id === timeline.conversation?.id) {
            setTimeline({ ...timeline, conversation: mergeConversation(timeline.conversation, ack.data.conversation) });
          }
          resolve(null);
        });
      });
    },
    skipCsat() {
      const c = timeline.conversation;
      if (!c) return;
      skipped.add(c.id);
      ownStorage?.setItem(skippedKey, [...skipped].slice(-20).join(','));
      update();
    },
    downloadTranscript() {
      const c = timeline.conversation;
      if (!c || !socket?.connected) return;
      socket.timeout(ACK_TIMEOUT_MS).emit('transcript:get', { conversationId: c.id }, (err, ack) => {
        if (err || !ack.ok) return;
        const text = transcriptText(view.siteName, ack.data.entries, (ms) => new Date(ms).toLocaleString());
        const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
        const a = document.createElement('a');
        a.href = url;
        a.download = `chat-transcript-${new Date().toISOString().slice(0, 10)}.txt`;
        a.click();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      });
    },
  };
}
