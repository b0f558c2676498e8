import { useEffect, useState } from 'preact/hooks';
import type { Message } from '@hearth/protocol';
import type { ChatController, ChatView } from '../chat-view.ts';
import { offlineMessage, routingText, seenSeq, showsOfflineForm } from '../chat-state.ts';
import { contactFieldsFor } from '../contact-form-rules.ts';
import { format, formatParts, pickLocale, type Strings } from '../i18n/strings.ts';
import { LocaleContext, useLocaleStrings } from '../i18n/use-strings.ts';
import { lazyComponent } from '../lazy-component.ts';
import { useDocumentAppearance, usePanelKeys } from '../panel-effects.ts';
import { Announcer } from './Announcer.tsx';
import { Composer } from './Composer.tsx';
import { EndChat } from './EndChat.tsx';
import type { ContactFormProps } from './ContactForm.tsx';
import type { CsatCardProps } from './CsatCard.tsx';
import { Header } from './Header.tsx';
import { MessageList } from './MessageList.tsx';

// Before the session answers: the site's defaults (protocol's PrechatSchema), spelled out to keep zod out.
const NO_PRECHAT = { enabled: false, name: 'optional', email: 'required', topic: 'off' } as const;
// Asked only after a chat ends: its code is fetched then, not by every visitor who opens the chat.
// Shown only while nobody is online or when the site asks questions first.
const contactForm = lazyComponent<ContactFormProps>(() => import('./ContactForm.tsx').then((m) => m.ContactForm));
const csat = lazyComponent<CsatCardProps>(() => import('./CsatCard.tsx').then((m) => m.CsatCard));

function useChatView(controller: ChatController): ChatView {
  const [view, setView] = useState(controller.view());
  useEffect(() => controller.subscribe(setView), [controller]);
  return view;
}

function notice(view: ChatView, t: Strings): string | null {
  if (view.phase === 'unavailable') return t.unavailable;
  if (view.phase === 'loading') return t.connecting;
  return view.connected ? null : t.reconnecting;
}

export function App({ controller }: { controller: ChatController }) {
  const view = useChatView(controller);
  const { conversation, messages } = view.timeline;
  const appearance = view.appearance;
  const prechat = view.prechat ?? NO_PRECHAT;
  const strings = useLocaleStrings(pickLocale(view.hostLocale, appearance?.locale ?? null, navigator.languages));
  const { locale, t } = strings;
  useDocumentAppearance(appearance?.brandColor, view.hostTheme, appearance?.theme ?? 'auto', locale);
  usePanelKeys(controller.close);

  const showAgents = appearance?.showAgents ?? true;
  const agentName = (name: string | null): string => (showAgents ? name || t.agent : view.siteName || t.agent);
  const agentLabel = (m: Message): string => agentName(m.authorName);
  const status = notice(view, t);
  const [leftMessage, setLeftMessage] = useState(false);
  const hasDepartments = view.departments.length > 0;
  const ready = view.phase === 'ready' && view.pending.length === 0;
  const offline = ready && showsOfflineForm(view.agentsOnline, conversation);
  // Asked once, before the visitor's very first message on this device.
  const askPrechat = ready && !offline && prechat.enabled && !conversation && !view.prechatDone;
  const starting = conversation?.status !== 'open';
  const assigned = conversation?.status === 'open' && showAgents && conversation.assignedAgentName;

  return (
    <LocaleContext.Provider value={strings}>
      <main class="chat">
        <Header
          siteName={view.siteName}
          agent={assigned ? { name: assigned, avatarUrl: conversation.assignedAgentAvatarUrl ?? null } : null}
          agentsOnline={view.agentsOnline}
          muted={appearance?.sound === false ? null : view.muted}
          onMute={controller.setMuted}
          onClose={controller.close}
        />
        {status && <p class="notice">{status}</p>}
        {/* Polite: a new place in line is worth hearing, but never worth interrupting the visitor. */}
        <p class="routing" role="status" aria-live="polite">
          {assigned && !conversation.queue ? formatParts(t.chattingWith, { name: <bdi>{assigned}</bdi> }) : (routingText(conversation, t, showAgents) ?? '')}
        </p>
        <Announcer announcement={view.announcement} agentName={agentName} />
        {leftMessage && !offline && <p class="confirm">{t.leftMessage}</p>}
        {offline || askPrechat ? (
          <contactForm.Component
            key={offline ? 'offline' : 'prechat'}
            kind={offline ? 'offline' : 'prechat'}
            fields={contactFieldsFor(offline ? 'offline' : 'prechat', prechat, hasDepartments)}
            departments={view.departments}
            onSubmit={(values) => {
              const fields = contactFieldsFor(offline ? 'offline' : 'prechat', prechat, hasDepartments);
              if (offline) setLeftMessage(true);
              controller.submitContact(fields, values, offline ? offlineMessage(values.name, values.email, values.message) : values.message);
            }}
          />
        ) : (
          <>
            <MessageList
              messages={messages}
              pending={view.pending}
              seenSeq={conversation ? seenSeq(messages, conversation.agentReadSeq) : null}
              closed={conversation?.status === 'closed'}
              greeting={appearance?.greeting || t.greeting}
              agentLabel={agentLabel}
            >
              {conversation?.csat && !view.csatSkipped && (
                <csat.Component key={conversation.id} prompt={conversation.csat} onRate={controller.rate} onSkip={controller.skipCsat} />
              )}
            </MessageList>
            {conversation && (
              <div class="chat-tools">
                <button
                  type="button"
                  class="link"
                  onClick={() => controller.downloadTranscript(format(t.transcriptTitle, { site: view.siteName || t.transcriptUs }), locale)}
                >
                  {t.downloadTranscript}
                </button>
                {conversation.status === 'open' && <EndChat onEnd={controller.endChat} />}
              </div>
            )}
            <p class="typing" role="status" aria-live="polite">
              {view.typing !== null ? formatParts(t.typing, { name: <bdi>{showAgents && view.typing ? view.typing : t.anAgent}</bdi> }) : ''}
            </p>
            {starting && hasDepartments && !(prechat.enabled && prechat.topic !== 'off') && (
              <div class="topic">
                <label for="topic">{t.topic}</label>
                <select id="topic" value={view.topic} onChange={(e) => controller.setTopic(e.currentTarget.value)}>
                  <option value="">{t.anyTopic}</option>
                  {view.departments.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <Composer
              disabled={view.phase === 'unavailable'}
              focusRequest={view.focusRequest}
              onSend={controller.send}
              onDraft={controller.draftChanged}
            />
          </>
        )}
      </main>
    </LocaleContext.Provider>
  );
}
