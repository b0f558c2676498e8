import { useEffect, useState } from 'preact/hooks';
import type { AgentSession, InvitationPreview } from '@hearth/protocol';
import { invitationApi } from './settings-api.ts';
import { LoginForm } from '../session/login-form.tsx';

/** `#/invite/<token>`: the token rides in the fragment, so it never reaches a server log or a Referer. */
export function invitationTokenFromHash(hash: string): string | null {
  return /^#\/invite\/([A-Za-z0-9_-]{43})$/.exec(hash)?.[1] ?? null;
}

interface Props {
  token: string;
  session: AgentSession | null;
  onAccepted: (session: AgentSession) => void;
  onSignedIn: (session: AgentSession) => void;
}

/**
 * The invitee's page: a new person chooses a name and password; someone who already has an
 * account signs in with the invited email and accepts. Either way they end up signed in, on the team.
 */
export function InvitationPage({ token, session, onAccepted, onSignedIn }: Props) {
  const [preview, setPreview] = useState<InvitationPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  // The preview does not say whether the email has an account (it must not tell the inviter): the
  // invitee says so, by choosing to sign in.
  const [signingIn, setSigningIn] = useState(false);

  useEffect(() => {
    void invitationApi.preview(token).then((res) => (res.ok ? setPreview(res.data) : setError(res.message)));
  }, [token]);

  async function accept(account: { name: string; password: string } | null) {
    setBusy(true);
    const res = await invitationApi.accept(token, account);
    setBusy(false);
    if (res.ok) onAccepted(res.data);
    else setError(res.message);
  }

  if (preview && signingIn && !session) {
    return <LoginForm notice={`Sign in as ${preview.email} to join ${preview.siteName}.`} onSignedIn={onSignedIn} />;
  }
  const signedInAsInvitee = session !== null && preview !== null && session.agent.email === preview.email;
  const otherAccount = session !== null && !signedInAsInvitee;
  return (
    <main class="login">
      <form
        class="login-card"
        aria-labelledby="invite-title"
        onSubmit={(e) => {
          e.preventDefault();
          void accept(signedInAsInvitee ? null : { name: name.trim(), password });
        }}
      >
        <h1 id="invite-title">{preview ? `Join ${preview.siteName} on Hearth` : 'Invitation'}</h1>
        <div class="alert" role="alert">
          {error}
        </div>
        {preview && !error && (
          <p>
            You were invited as {preview.role === 'owner' ? 'an owner' : 'an agent'} with <strong>{preview.email}</strong>.
          </p>
        )}
        {preview && !session && (
          <>
            <label for="invite-name">Your name</label>
            <input id="invite-name" required maxLength={80} autoComplete="name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
            <label for="invite-password">Choose a password</label>
            <input
              id="invite-password"
              type="password"
              required
              minLength={10}
              autoComplete="new-password"
              aria-describedby="invite-password-help"
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
            <p id="invite-password-help" class="hint">
              At least 10 characters.
            </p>
            <button type="button" class="button button--ghost button--block" onClick={() => setSigningIn(true)}>
              I already have a Hearth account: sign in
            </button>
          </>
        )}
        {preview && otherAccount && (
          <p>
            You are signed in as {session.agent.email}. Sign out, then open this link again and sign in as {preview.email}.
          </p>
        )}
        {preview && !otherAccount && (
          <button type="submit" class="button button--primary button--block" disabled={busy}>
            {busy ? 'Joining…' : 'Accept invitation'}
          </button>
        )}
        <a href="/console/">Go to the console</a>
      </form>
    </main>
  );
}
