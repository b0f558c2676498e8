import { useEffect, useState } from 'preact/hooks';
import type { AgentProfile, AgentSession, SiteId, SiteSettingsView } from '@hearth/protocol';
import { profileApi, settingsApi } from './settings-api.ts';
import { AppearanceSection } from './appearance-section.tsx';
import { PrechatSection } from './prechat-section.tsx';
import { OriginsSection } from './origins-section.tsx';
import { EmbedSection } from './embed-section.tsx';
import { TeamSection } from './team-section.tsx';
import { ProfileSection } from './profile-section.tsx';
import { IntegrationsSections } from '../integrations/integrations-sections.tsx';
import './settings.css';
import { SitePicker } from '../session/site-picker.tsx';

const SECTIONS = [
  ['appearance', 'Appearance'],
  ['prechat', 'Pre-chat form'],
  ['origins', 'Allowed origins'],
  ['embed', 'Embed snippet'],
  ['team', 'Team'],
  ['api', 'API'],
  ['webhooks', 'Webhooks'],
  ['profile', 'My profile'],
] as const;

/**
 * Settings: one page with every section of the chosen site, and the agent's own profile. Owners
 * edit; agents see the site's sections read-only (the server refuses their changes anyway).
 */
export function SettingsPage({ session }: { session: AgentSession }) {
  const [siteId, setSiteId] = useState<SiteId>(session.sites[0]!.id);
  const [view, setView] = useState<SiteSettingsView | null>(null);
  const [profile, setProfile] = useState<AgentProfile | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setView(null);
    void settingsApi.read(siteId).then((res) => (res.ok ? setView(res.data) : setError(res.message)));
  }, [siteId]);
  useEffect(() => {
    void profileApi.read().then((res) => (res.ok ? setProfile(res.data) : setError(res.message)));
  }, []);

  return (
    <main class="page settings-page" aria-labelledby="settings-title">
      <div class="page-head">
        <h1 id="settings-title">Settings</h1>
        {session.sites.length > 1 && (
          <SitePicker class="field" sites={session.sites} value={siteId} onChange={(id) => setSiteId(id as SiteId)} />
        )}
      </div>
      <nav class="settings-nav" aria-label="Settings sections">
        {SECTIONS.map(([id, label]) => (
          <a key={id} href={`#${id}`} onClick={(e) => {
            // Section links scroll in place: the URL's path is the console's page route.
            e.preventDefault();
            document.getElementById(id)?.scrollIntoView({ block: 'start' });
          }}>
            {label}
          </a>
        ))}
      </nav>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {view === null || profile === null ? (
        <p role="status">Loading settings…</p>
      ) : (
        <div class="settings-sections" key={view.siteId}>
          <AppearanceSection view={view} agent={{ name: profile.name, avatarUrl: profile.avatarUrl }} onSaved={setView} />
          <PrechatSection view={view} onSaved={setView} />
          <OriginsSection view={view} onSaved={setView} />
          <EmbedSection view={view} />
          <TeamSection siteId={view.siteId} role={view.role} agentId={session.agent.id} />
          <IntegrationsSections siteId={view.siteId} role={view.role} />
          <ProfileSection profile={profile} onSaved={setProfile} />
        </div>
      )}
    </main>
  );
}
