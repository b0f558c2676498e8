import type { HttpError } from '@hearth/protocol';

/** A console API answer: the data, or the server's message (with its code) ready to show. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; message: string; code: string | null };

/** A same-origin JSON call with the session cookie; never throws. */
export async function callJson<T>(method: string, url: string, body?: unknown): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { ok: false, message: 'Could not reach the server.', code: null };
  }
  if (res.status === 204) return { ok: true, data: null as T };
  const json = (await res.json().catch(() => null)) as unknown;
  if (res.ok) return { ok: true, data: json as T };
  const error = (json as HttpError | null)?.error;
  return { ok: false, message: error?.message ?? `Request failed (${res.status}).`, code: error?.code ?? null };
}
