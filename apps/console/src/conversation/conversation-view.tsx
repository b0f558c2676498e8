import type { ConsoleStore, OpenConversation } from '../store/console-store.ts';
import { visitorLabel } from '../inbox/inbox-state.ts';
import { pendingFor, type PendingReply } from './conversation-state.ts';
import { MessageLog } from './message-log.tsx';
import { Composer } from './composer.tsx';
import { useState } from 'preact/hooks';
import type { ConversationSummary } from '@hearth/protocol';
import type { PresenceState } from '../agents/presence-store.ts';
import { useNow } from '../store/use-console-state.ts';
import { acceptSecondsLeft, awaitsMyAccept } from '../inbox/queue-order.ts';
import { TransferDialog } from './transfer-dialog.tsx';
import { LabelMenu } from './label-menu.tsx';
import { fillPlaceholders } from './canned-fill.ts';
import type { DeskData } from '../canned/desk-api.ts';
import type { Drafts } from './drafts.ts';

interface Props {
  store: ConsoleStore;
  open: OpenConversation | null;
  pending: PendingReply[];
  agentId: string;
  siteName: string | null;
  connected: boolean;
  presence: PresenceState;
  desk: DeskData;
  agentName: string;
  /** Names of the agent's sites, for `{{site.name}}`. */
  siteNames: ReadonlyMap<string, string>;
  onLabelCreated: () => void;
  /** The visitor drawer of narrow windows (below 1200 px the sidebar is not beside the conversation). */
  visitorPanel: { open: boolean; onToggle: () => void };
  drafts: Drafts;
}

export function ConversationView({ store, open, pending, agentId, siteName, connected, presence, desk, agentName, siteNames, onLabelCreated, visitorPanel, drafts }: Props) {
  const [transferring, setTransferring] = useState(false);
  if (!open) {
    return (
      <div class="placeholder">
        <h1 class="placeholder-title">No conversation selected</h1>
        <p>Pick a conversation from the inbox to read it and reply.</p>
      </div>
    );
  }
  if (!open.detail) {
    return (
      <div class="placeholder" role={open.error ? 'alert' : 'status'}>
        {open.error ? (
          <>
            <h1 class="placeholder-title">Could not open this conversation</h1>
            <p>{open.error}</p>
          </>
        ) : (
          <p>{connected ? 'Loading conversation…' : 'Waiting for the connection…'}</p>
        )}
      </div>
    );
  }

  const { conversation, messages, visitor } = open.detail;
  const name = visitorLabel({ visitorName: conversation.visitorName ?? visitor.name, visitorId: conversation.visitorId });
  const closed = conversation.status === 'closed';
  const assignee =
    conversation.assignedAgentId === null
      ? 'Unassigned'
      : conversation.assignedAgentId === agentId
        ? 'Assigned to you'
        : `Assigned to ${conversation.assignedAgentName ?? 'another agent'}`;
  // A colleague's name is theirs to write in any script: isolated in the sentence (<bdi>).
  const colleague = conversation.assignedAgentId !== null && conversation.assignedAgentId !== agentId ? (conversation.assignedAgentName ?? 'another agent') : null;
  const mustAccept = awaitsMyAccept(conversation, agentId);
  const timeout = presence.routing.get(conversation.siteId)?.settings.acceptTimeoutSeconds;
  const rated = open.detail.rating;
  const rating = rated && { text: `Rated ${rated.score}/5${rated.ces !== null ? ` · effort ${rated.ces}/5` : ''}`, comment: rated.comment };
  const typingText = open.typing ? <><bdi>{open.typing.name ?? 'Visitor'}</bdi> is typing…</> : '';

  return (
    <div class="conversation">
      <header class="conversation-head">
        <div class="conversation-title">
          <h1 title={name} dir="auto">{name}</h1>
          <div class="conversation-sub">
            <span class={`status-pill status-pill--${conversation.status}`}>{closed ? 'Closed' : 'Open'}</span>
            <span title={assignee}>
              {colleague === null ? assignee : <>Assigned to <bdi>{colleague}</bdi></>}
            </span>
            {siteName && (
              <span class="chip" title={siteName}>
                {siteName}
              </span>
            )}
            {rating && (
              <span class="chip" title={rating.comment ?? undefined}>
                {rating.text}
              </span>
            )}
            <LabelMenu
              conversation={conversation}
              siteLabels={desk.labels.filter((l) => l.siteId === conversation.siteId)}
              disabled={!connected}
              onSet={(labelId, on) => void store.setLabel(labelId, on)}
              onCreated={onLabelCreated}
            />
          </div>
        </div>
        <div class="conversation-actions">
          {mustAccept && (
            <>
              {timeout !== undefined && <AcceptCountdown conversation={conversation} timeoutSeconds={timeout} />}
              <button type="button" class="button button--primary" disabled={!connected} onClick={() => void store.accept()}>
                Accept
              </button>
            </>
          )}
          {!closed && conversation.assignedAgentId === null && (
            <button type="button" class="button button--primary" disabled={!connected} onClick={() => void store.claim()}>
              Claim
            </button>
          )}
          {!closed && (
            <button type="button" class="button" disabled={!connected} aria-haspopup="dialog" onClick={() => setTransferring(true)}>
              Transfer
            </button>
          )}
          {!closed && (
            <button type="button" class="button" disabled={!connected} onClick={() => void store.close()}>
              Close conversation
            </button>
          )}
          <button type="button" class="button visitor-toggle" aria-controls="visitor-column" aria-expanded={visitorPanel.open} onClick={visitorPanel.onToggle}>
            Visitor
          </button>
        </div>
      </header>
      {transferring && (
        <TransferDialog store={store} presence={presence} siteId={conversation.siteId} agentId={agentId} onClose={() => setTransferring(false)} />
      )}
      <MessageLog
        messages={messages}
        notes={open.detail.notes}
        pending={pendingFor(pending, conversation.id, messages)}
        visitorName={name}
        visitorReadSeq={conversation.visitorReadSeq}
        onRetry={(id) => store.retryReply(id)}
        onDiscard={(id) => store.discardReply(id)}
      />
      <p class="typing" aria-live="polite">
        {typingText}
      </p>
      <Composer
        key={conversation.id}
        disabled={closed}
        disabledReason={closed ? 'This conversation is closed.' : null}
        onInput={() => store.typingInput()}
        onSend={(body) => store.sendReply(body)}
        onNote={(body) => store.addNote(body)}
        initialDraft={drafts.get(conversation.id)}
        onDraft={(draft) => drafts.set(conversation.id, draft)}
        replies={desk.replies.filter((r) => r.siteId === conversation.siteId)}
        fill={(text) =>
          fillPlaceholders(text, {
            visitor: { name: visitor.name ?? conversation.visitorName, email: visitor.email },
            agent: { name: agentName },
            site: { name: siteNames.get(conversation.siteId) ?? null },
          })
        }
      />
    </div>
  );
}

/** Its own component so the 1 s tick re-renders this hint, not the transcript. */
function AcceptCountdown({ conversation, timeoutSeconds }: { conversation: ConversationSummary; timeoutSeconds: number }) {
  const left = acceptSecondsLeft(conversation, timeoutSeconds, useNow(1000));
  if (left === null) return null;
  return <span class="accept-hint">{left > 0 ? `${left} s to accept` : 'Passing on…'}</span>;
}
