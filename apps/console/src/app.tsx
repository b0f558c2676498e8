import { useEffect, useState } from 'preact/hooks';
import type { AgentSession } from '@hearth/protocol';
import { fetchSession, logout } from './session/auth-api.ts';
import { LoginForm } from './session/login-form.tsx';
import { ConsoleShell } from './console-shell.tsx';
import { InvitationPage, invitationTokenFromHash } from './settings/invitation-page.tsx';

type AuthState =
  | { kind: 'loading' }
  | { kind: 'signed-out'; reason: string | null }
  | { kind: 'signed-in'; session: AgentSession };

/** Session gate: ask the server who we are, then show sign-in or the console. */
export function App() {
  const [auth, setAuth] = useState<AuthState>({ kind: 'loading' });
  const [inviteToken, setInviteToken] = useState(() => invitationTokenFromHash(location.hash));

  useEffect(() => {
    fetchSession()
      .then((session) => setAuth(session ? { kind: 'signed-in', session } : { kind: 'signed-out', reason: null }))
      .catch(() => setAuth({ kind: 'signed-out', reason: 'Could not reach the server. Sign in to try again.' }));
  }, []);

  if (auth.kind === 'loading') {
    return (
      <div class="splash" role="status">
        Loading Hearth…
      </div>
    );
  }
  if (inviteToken) {
    const signIn = (session: AgentSession) => setAuth({ kind: 'signed-in', session });
    return (
      <InvitationPage
        token={inviteToken}
        session={auth.kind === 'signed-in' ? auth.session : null}
        onSignedIn={signIn}
        onAccepted={(session) => {
          history.replaceState(null, '', '/console/'); // the link is used up: drop it from the address bar
          setInviteToken(null);
          signIn(session);
        }}
      />
    );
  }
  if (auth.kind === 'signed-out') {
    return <LoginForm notice={auth.reason} onSignedIn={(session) => setAuth({ kind: 'signed-in', session })} />;
  }
  return (
    <ConsoleShell
      session={auth.session}
      onSignOut={async () => {
        try {
          await logout();
        } finally {
          setAuth({ kind: 'signed-out', reason: null });
        }
      }}
      onSessionExpired={() => setAuth({ kind: 'signed-out', reason: 'Your session has ended. Please sign in again.' })}
    />
  );
}
