import type { AgentSession, HttpError, LoginRequest } from '@hearth/protocol';

/**
 * The console's HTTP calls. The session is an httpOnly cookie set by the server, so nothing here
 * stores a token; `credentials: 'same-origin'` is the default and is spelled out for clarity.
 */
export type LoginResult = { ok: true; session: AgentSession } | { ok: false; message: string };

/** The signed-in agent, or null when the cookie is missing or expired (401). */
export async function fetchSession(): Promise<AgentSession | null> {
  const res = await fetch('/api/auth/me', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (res.status === 401) return null;
  if (!res.ok) throw new Error(await errorMessage(res));
  return (await res.json()) as AgentSession;
}

export async function login(request: LoginRequest): Promise<LoginResult> {
  let res: Response;
  try {
    res = await postJson('/api/auth/login', request);
  } catch {
    return { ok: false, message: 'Could not reach the server. Check your connection and try again.' };
  }
  if (res.ok) return { ok: true, session: (await res.json()) as AgentSession };
  return { ok: false, message: await errorMessage(res) };
}

export async function logout(): Promise<void> {
  await postJson('/api/auth/logout', {});
}

function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

export async function errorMessage(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as Partial<HttpError>;
    if (typeof body.error?.message === 'string' && body.error.message) return body.error.message;
  } catch {
    // Not JSON (a proxy's error page): fall through to the generic text.
  }
  if (res.status === 401) return 'Wrong email or password.';
  if (res.status === 429) return 'Too many attempts. Wait a minute and try again.';
  return `The server answered ${res.status}. Try again in a moment.`;
}
