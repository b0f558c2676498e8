import type { ConversationSummary } from '@hearth/protocol';
import { decideAlert, type AlertInput, type AlertKind } from './notify-decision.ts';
import { visitorLabel } from '../inbox/inbox-state.ts';

const MUTED_KEY = 'hearth.console.muted';

export interface NotifierState {
  muted: boolean;
  permission: AlertInput['permission'];
}

interface NotifierOptions {
  agentId: string;
  /** The conversation open in this tab (read at alert time, so it is never stale). */
  openConversationId: () => string | null;
  /** Clicking a desktop notification opens its conversation. */
  onOpen: (conversationId: string) => void;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const permissionNow = (): NotifierState['permission'] => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);

/**
 * Sound (Web Audio, no asset to load) and desktop notifications (Notification API) for the facts
 * decideAlert picks. Permission is only ever asked from the "Enable notifications" button (browsers
 * ignore or penalise prompts without a user gesture); the browser remembers the answer. Mute is
 * remembered in localStorage.
 */
export function createNotifier(options: NotifierOptions) {
  let state: NotifierState = { muted: storage()?.getItem(MUTED_KEY) === '1', permission: permissionNow() };
  const listeners = new Set<() => void>();
  let audio: AudioContext | null = null;
  const set = (patch: Partial<NotifierState>) => {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  };

  function chime(): void {
    try {
      audio ??= new AudioContext();
      const at = audio.currentTime;
      // Two short notes, soft attack and release: audible, not alarming.
      for (const [i, freq] of [880, 1320].entries()) {
        const osc = audio.createOscillator();
        const gain = audio.createGain();
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, at + i * 0.12);
        gain.gain.exponentialRampToValueAtTime(0.15, at + i * 0.12 + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + i * 0.12 + 0.18);
        osc.connect(gain).connect(audio.destination);
        osc.start(at + i * 0.12);
        osc.stop(at + i * 0.12 + 0.2);
      }
    } catch {
      // No audio device or a blocked context: the desktop notification and the title still tell.
    }
  }

  function popUp(kind: AlertKind, conversation: ConversationSummary): void {
    const who = visitorLabel(conversation);
    const title = kind === 'new-conversation' ? `New conversation: ${who}` : `${who} wrote`;
    const body = conversation.lastMessage?.body.slice(0, 140) ?? '';
    try {
      const n = new Notification(title, { body, tag: `hearth-${conversation.id}` });
      n.onclick = () => {
        window.focus();
        options.onOpen(conversation.id);
        n.close();
      };
    } catch {
      // Some browsers only allow notifications from a service worker: the sound still played.
    }
  }

  return {
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    alert(kind: AlertKind, conversation: ConversationSummary | null): void {
      const decision = decideAlert({
        kind,
        conversation,
        agentId: options.agentId,
        openConversationId: options.openConversationId(),
        focused: document.visibilityState === 'visible' && document.hasFocus(),
        muted: state.muted,
        permission: permissionNow(),
      });
      if (!decision || !conversation) return;
      if (decision.sound) chime();
      if (decision.desktop) popUp(kind, conversation);
    },
    /** From a click: asks once; also unlocks audio, which browsers only start after a gesture. */
    async enable(): Promise<void> {
      audio ??= new AudioContext();
      void audio.resume().catch(() => undefined);
      if (typeof Notification === 'undefined' || Notification.permission !== 'default') return;
      set({ permission: await Notification.requestPermission() });
    },
    toggleMuted(): void {
      const muted = !state.muted;
      storage()?.setItem(MUTED_KEY, muted ? '1' : '0');
      set({ muted });
    },
    dispose(): void {
      listeners.clear();
      void audio?.close().catch(() => undefined);
    },
  };
}
export type Notifier = ReturnType<typeof createNotifier>;
