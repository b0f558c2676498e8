import { useState } from 'preact/hooks';
import { AvatarUrlSchema, type AgentProfile } from '@hearth/protocol';
import { profileApi } from './settings-api.ts';
import { SaveBar, useSave } from './save-status.tsx';

/** Settings → My profile (every agent): the name and picture visitors see when the site shows agents. */
export function ProfileSection({ profile, onSaved }: { profile: AgentProfile; onSaved: (p: AgentProfile) => void }) {
  const [name, setName] = useState(profile.name);
  const [avatarUrl, setAvatarUrl] = useState(profile.avatarUrl ?? '');
  const save = useSave(onSaved);
  const avatarValid = avatarUrl.trim() === '' || AvatarUrlSchema.safeParse(avatarUrl).success;
  return (
    <section class="settings-section" id="profile" aria-labelledby="profile-title">
      <h2 id="profile-title">My profile</h2>
      <form
        class="settings-fields"
        onSubmit={(e) => {
          e.preventDefault();
          if (!avatarValid) return save.fail('The picture must be an https:// URL of at most 512 characters.');
          void save.run(() => profileApi.save({ name, avatarUrl: avatarUrl.trim() || null }));
        }}
      >
        <label class="field">
          Display name
          <input required maxLength={80} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label class="field">
          Picture URL (https)
          <input
            type="url"
            maxLength={512}
            value={avatarUrl}
            placeholder="https://…/me.png"
            aria-invalid={!avatarValid}
            aria-describedby="avatar-help"
            onInput={(e) => setAvatarUrl(e.currentTarget.value)}
          />
          <span id="avatar-help" class={avatarValid ? 'hint' : 'form-error'}>
            {avatarValid ? 'Empty: visitors see your initials.' : 'Use an https:// address (at most 512 characters).'}
          </span>
        </label>
        <SaveBar state={save.state} label="Save profile" />
      </form>
    </section>
  );
}
