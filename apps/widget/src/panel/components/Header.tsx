import { avatarColor, initialsOf } from '../agent-avatar.ts';
import { useStrings } from '../i18n/use-strings.ts';

interface HeaderProps {
  siteName: string;
  /** The assigned agent, where the site shows agents; null shows the site's name. */
  agent: { name: string; avatarUrl: string | null } | null;
  agentsOnline: boolean;
  /** null when the site has the chime turned off (no toggle to show). */
  muted: boolean | null;
  onMute(muted: boolean): void;
  onClose(): void;
}

function Avatar({ name, url }: { name: string; url: string | null }) {
  // The name is next to it: the picture is decorative (alt="").
  if (url) return <img class="avatar" src={url} alt="" width={36} height={36} referrerpolicy="no-referrer" />;
  return (
    <span class="avatar" aria-hidden="true" dir="auto" style={{ background: avatarColor(name) }}>
      {initialsOf(name)}
    </span>
  );
}

export function Header({ siteName, agent, agentsOnline, muted, onMute, onClose }: HeaderProps) {
  const { t } = useStrings();
  return (
    <header class="header">
      {agent && <Avatar name={agent.name} url={agent.avatarUrl} />}
      <div class="header-text">
        <h1 dir="auto">{agent?.name ?? (siteName || t.chat)}</h1>
        <p class="availability">
          <span class={agentsOnline ? 'dot online' : 'dot'} aria-hidden="true" />
          {agentsOnline ? t.repliesSoon : t.away}
        </p>
      </div>
      {muted !== null && (
        <button type="button" class="icon-button" aria-label={t.muteSound} aria-pressed={muted} onClick={() => onMute(!muted)}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M11 5L6 9H3v6h3l5 4z" />
            {muted ? <path d="M16 9l5 6M21 9l-5 6" /> : <path d="M15.5 8.5a5 5 0 010 7M18.5 5.5a9 9 0 010 13" />}
          </svg>
        </button>
      )}
      <button type="button" class="icon-button" aria-label={t.closeChat} onClick={onClose}>
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M6 9l6 6 6-6" />
        </svg>
      </button>
    </header>
  );
}
