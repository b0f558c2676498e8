import type { ConversationId, HostIdentity, Message, PageViewInput, TriggerContext, VisitorConversation } from '@hearth/protocol';
import { createOutbox, hasVisibleText, lastSeqOf } from '@hearth/chat-client';
import { createHostStorage, localStorageOrNull } from './browser-storage.ts';
import { EMPTY_TIMELINE, applyMessage, applySync, mergeConversation, toPageViewInput, type Timeline } from './chat-state.ts';
import type { ChatController, ChatView } from './chat-view.ts';
import { clientId } from './client-id.ts';
import type { FrameParams } from './frame-params.ts';
import type { HostBridge } from './host-bridge.ts';
import { ACK_TIMEOUT_MS, createOutboxSender, type VisitorSocket } from './outbox-sender.ts';
import { SessionRefused, backoffMs, fetchSession } from './session.ts';
import { createTypingSignal } from './typing-signal.ts';
import { createConversationActions } from './conversation-actions.ts';
import { profileFromContact } from './contact-form-rules.ts';
import { createVisitorCommands } from './visitor-commands.ts';
import { browserProfile, conversationEvent, isSigned, messageEvent, profileUpdateOf, unseenAgentMessages, wasClosed } from './widget-events.ts';
import { playChime } from './notification-sound.ts';
import { openVisitorSocket } from './visitor-socket.ts';

/** An agent's "typing" expires on its own if their `false` never reaches us. */
const TYPING_EXPIRY_MS = 8_000;
/** How long a contact form's message waits for its profile update's ack before it is queued anyway. */
const PROFILE_WAIT_MS = 3_000;
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
  /** Ids of every message the timeline has held: an agent message not among them is new. */
  const seenIds = new Set<string>();
  const startedPosted = new Set<string>();
  let socket: VisitorSocket | null = null;
  let token = '';
  let refusals = 0;
  let unread = 0;
  let readSent = 0;
  let synced = false;
  let activePosted: boolean | null = null;
  let page: PageViewInput | null = null;
  let typingExpiry: ReturnType<typeof setTimeout> | undefined;
  // Skipped CSAT questions and the muted chime: remembered in the frame's own storage when it has one, else for this page.
  const skippedKey = `hearth:csat-skipped:${siteKey}`;
  const mutedKey = `hearth:muted:${siteKey}`;
  let skipped = new Set((ownStorage?.getItem(skippedKey) ?? '').split(',').filter(Boolean));
  let view: ChatView = {
    phase: 'loading', connected: false, siteName: '', agentsOnline: false, departments: [], topic: '', timeline,
    pending: [], typing: null, visible: false, focusRequest: 0, csatSkipped: false, appearance: null, prechat: null,
    prechatDone: false, hostLocale: null, hostTheme: null, muted: ownStorage?.getItem(mutedKey) === '1', announcement: null,
  };
  const commands = createVisitorCommands(() => socket);

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
    if (wasClosed(timeline.conversation, next.conversation)) bridge.post(conversationEvent('conversation:closed', next.conversation!.id));
    // Whichever way an agent message arrives (live, or by a sync that overtook its live event), it
    // counts once; what the first sync brings back is history, never announced or chimed.
    const arrived = synced ? unseenAgentMessages(seenIds, next.messages) : [];
    for (const m of next.messages) seenIds.add(m.id);
    timeline = next;
    update();
    markRead();
    if (arrived.length > 0) agentMessagesArrived(arrived);
  }

  function agentMessagesArrived(arrived: Message[]): void {
    const newest = arrived[arrived.length - 1]!;
    if (view.typing !== null) setTyping(null);
    update({ announcement: { key: newest.id, name: newest.authorName, body: newest.body } });
    for (const m of arrived) bridge.post(messageEvent('message:received', m));
    if (view.appearance?.sound !== false && !view.muted && (!view.visible || document.hidden)) playChime();
    if (!view.visible) {
      unread += arrived.length;
      // Not opened for the visitor: the launcher's badge, the page title and the chime tell them,
      // and they open the chat when they choose.
      bridge.post({ type: 'hearth:unread', count: unread });
    }
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
          const first = !synced;
          setTimeline(applySync(timeline, ack.data));
          synced = true;
          // Even an unchanged (empty) timeline must reach update() once, to post `hearth:conversation`.
          if (first) update();
          // Long histories come in pages (count and bytes): ask for the next after the last we have.
          const c = ack.data.conversation;
          if (ack.data.hasMore && c && ack.data.messages.length > 0) {
            void sync({ conversationId: c.id, afterSeq: lastSeqOf(timeline.messages) }).then(resolve);
            return;
          }
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
    // Our message opened it: new to us, or its first message (a sync may have shown it before this ack).
    if ((isNew || message.seq === 1) && conversation.status === 'open' && !startedPosted.has(conversation.id)) {
      startedPosted.add(conversation.id);
      bridge.post(conversationEvent('conversation:started', conversation.id));
    }
    bridge.post(messageEvent('message:sent', message));
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
      commands.flush();
      void sync().then(() => {
        sender.setReady(true);
        void sender.drain();
        sendPage();
      });
    });
    // Live events may have been missed without a reconnect (cluster: a node died, Redis came back).
    s.on('resync', () => void sync());
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
      if (!c || message.conversationId !== c.id) {
        // Our own first message opening a conversation: its ack brings the conversation, no need to ask.
        if (!(message.authorType === 'visitor' && sender.isSending(message.clientId))) void syncLatest();
        return;
      }
      const last = lastSeqOf(timeline.messages);
      setTimeline(applyMessage(timeline, message));
      if (message.seq > last + 1) void sync({ conversationId: c.id, afterSeq: last });
    });
    s.on('conversation:updated', (conversation) => {
      const c = timeline.conversation;
      if (c && conversation.id === c.id) setTimeline({ ...timeline, conversation: mergeConversation(c, conversation) });
      else void syncLatest();
    });
    s.on('typing:changed', (e) => {
      if (e.conversationId === timeline.conversation?.id) setTyping(e.isTyping ? (e.name ?? '') : null);
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
      const { name, departments, appearance, prechat } = session.site;
      update({ phase: 'ready', siteName: name, departments: departments ?? [], appearance, prechat, agentsOnline: session.agentsOnline });
      // Once per session: the console shows the visitor's local time and language.
      commands.update(browserProfile());
    } catch (error) {
      if (error instanceof SessionRefused) update({ phase: 'unavailable' });
      else setTimeout(() => void start(attempt + 1), backoffMs(attempt));
      return;
    }
    if (socket) {
      socket.connect();
      return;
    }
    socket = openVisitorSocket(() => token);
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
      case 'hearth:identify': {
        // A different signed user after the session started (the host signed someone in or out): start over.
        const signed = (i: HostIdentity | null) => (i && isSigned(i) ? [i.id, i.hash] : null);
        if (!awaitingStorage && JSON.stringify(signed(message.identity)) !== JSON.stringify(signed(identity))) location.reload();
        identity = message.identity;
        const profile = profileUpdateOf(identity);
        if (profile) commands.update(profile);
        break;
      }
      case 'hearth:attributes':
        commands.update({ attributes: message.attributes });
        break;
      case 'hearth:track':
        commands.track(message.event);
        break;
      case 'hearth:locale':
        update({ hostLocale: message.locale });
        break;
      case 'hearth:theme':
        update({ hostTheme: message.theme });
        break;
      case 'hearth:reset':
        reset();
        break;
      case 'hearth:stored':
        if (!awaitingStorage) break;
        hostStorage?.seed(message.values);
        startOnce();
        break;
    }
  });

  /**
   * The host's user signed out: this device forgets the visitor (token, outbox, skipped ratings, the
   * loader's copies) and a fresh anonymous session starts. The old conversation stays on the server.
   */
  function reset(): void {
    socket?.disconnect();
    sender.setReady(false);
    commands.clear();
    if (hostStorage) hostStorage.forget();
    else {
      for (const entry of outbox.entries()) outbox.remove(entry.clientId);
      storage.setItem(`hearth:token:${siteKey}`, '');
      ownStorage?.setItem(skippedKey, '');
    }
    skipped = new Set();
    identity = null;
    trigger = null;
    timeline = EMPTY_TIMELINE;
    synced = false;
    activePosted = null;
    unread = 0;
    bridge.post({ type: 'hearth:unread', count: 0 });
    update({ phase: 'loading', topic: '', prechatDone: false, typing: null, announcement: null });
    if (!awaitingStorage) void start();
  }

  function send(body: string): void {
    const text = body.trim();
    if (!hasVisibleText(text)) return;
    typingSignal.stop();
    outbox.add({ clientId: clientId(), body: text, queuedAt: Date.now() });
    update();
    void sender.drain();
  }

  const actions = createConversationActions({
    socket: () => socket,
    conversation: () => timeline.conversation,
    adopt(conversation) {
      if (conversation.id === timeline.conversation?.id) setTimeline({ ...timeline, conversation: mergeConversation(timeline.conversation, conversation) });
    },
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
    send,
    submitContact(fields, values, body) {
      const profile = profileFromContact(fields, values);
      update({ prechatDone: true, ...(fields.topic !== 'off' ? { topic: values.topic } : {}) });
      // The message waits for the profile's answer, so the server stores it under the visitor's name;
      // offline, not longer than a moment: then it waits in the outbox, which drains after the update.
      const answered = profile ? commands.update(profile) : Promise.resolve();
      void Promise.race([answered, new Promise((r) => setTimeout(r, PROFILE_WAIT_MS))]).then(() => send(body));
    },
    setTopic: (topic) => update({ topic }),
    setMuted(muted) {
      ownStorage?.setItem(mutedKey, muted ? '1' : '');
      update({ muted });
    },
    draftChanged: (draft) => (draft.trim() ? typingSignal.input() : typingSignal.stop()),
    close: () => bridge.post({ type: 'hearth:close' }),
    ...actions,
    skipCsat() {
      const c = timeline.conversation;
      if (!c) return;
      skipped.add(c.id);
      ownStorage?.setItem(skippedKey, [...skipped].slice(-20).join(','));
      update();
    },
  };
}
