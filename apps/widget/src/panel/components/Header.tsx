import { availabilityText } from '../chat-state.ts';

interface HeaderProps {
  siteName: string;
  agentsOnline: boolean;
  onClose(): void;
}

export function Header({ siteName, agentsOnline, onClose }: HeaderProps) {
  return (
    <header class="header">
      <div class="header-text">
        <h1>{siteName || 'Chat'}</h1>
        <p class="availability">
          <span class={agentsOnline ? 'dot online' : 'dot'} aria-hidden="true" />
          {availabilityText(agentsOnline)}
        </p>
      </div>
      <button type="button" class="icon-button" aria-label="Close chat" onClick={onClose}>
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M6 9l6 6 6-6" />
        </svg>
      </button>
    </header>
  );
}
