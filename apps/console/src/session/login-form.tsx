import { useState } from 'preact/hooks';
import type { AgentSession } from '@hearth/protocol';
import { login } from './auth-api.ts';

interface Props {
  notice: string | null;
  onSignedIn: (session: AgentSession) => void;
}

export function LoginForm({ notice, onSignedIn }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await login({ email: email.trim(), password });
    setBusy(false);
    if (result.ok) onSignedIn(result.session);
    else setError(result.message);
  }

  const message = error ?? notice;
  return (
    <main class="login">
      <form class="login-card" onSubmit={submit} aria-labelledby="login-title">
        <div class="brand brand--large" aria-hidden="true">
          <span class="brand-mark" />
          Hearth
        </div>
        <h1 id="login-title">Sign in to the console</h1>
        <div class="alert" role="alert">
          {message}
        </div>
        <label for="login-email">Email</label>
        <input
          id="login-email"
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <label for="login-password">Password</label>
        <input
          id="login-password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <button type="submit" class="button button--primary button--block" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
