import type { CannedReply, CannedReplyCreate, CannedReplyInput, HttpError, Label, LabelInput, SiteId } from '@hearth/protocol';

/** The desk's HTTP endpoints: canned replies and labels (apps/server/src/canned, labels). */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; message: string };

async function call<T>(method: string, url: string, body?: unknown): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { ok: false, message: 'Could not reach the server.' };
  }
  if (res.status === 204) return { ok: true, data: null as T };
  const json = (await res.json().catch(() => null)) as unknown;
  if (res.ok) return { ok: true, data: json as T };
  return { ok: false, message: (json as HttpError | null)?.error.message ?? `Request failed (${res.status}).` };
}

const site = (siteId: SiteId) => `/api/sites/${encodeURIComponent(siteId)}`;

export const deskApi = {
  listCanned: () => call<{ replies: CannedReply[] }>('GET', '/api/canned-replies'),
  createCanned: (siteId: SiteId, input: CannedReplyCreate) => call<{ reply: CannedReply }>('POST', `${site(siteId)}/canned-replies`, input),
  updateCanned: (siteId: SiteId, id: string, input: CannedReplyInput) =>
    call<{ reply: CannedReply }>('PUT', `${site(siteId)}/canned-replies/${encodeURIComponent(id)}`, input),
  deleteCanned: (siteId: SiteId, id: string) => call<null>('DELETE', `${site(siteId)}/canned-replies/${encodeURIComponent(id)}`),
  listLabels: () => call<{ labels: Label[] }>('GET', '/api/labels'),
  createLabel: (siteId: SiteId, input: LabelInput) => call<{ label: Label }>('POST', `${site(siteId)}/labels`, input),
};

export interface DeskData {
  replies: CannedReply[];
  labels: Label[];
}

/** Canned replies and labels, loaded once per sign-in and after each change; shared by every view. */
export function createDeskData() {
  let state: DeskData = { replies: [], labels: [] };
  const listeners = new Set<() => void>();
  const set = (patch: Partial<DeskData>) => {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  };
  return {
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async reloadReplies(): Promise<void> {
      const r = await deskApi.listCanned();
      if (r.ok) set({ replies: r.data.replies });
    },
    async reloadLabels(): Promise<void> {
      const r = await deskApi.listLabels();
      if (r.ok) set({ labels: r.data.labels });
    },
  };
}
export type DeskDataStore = ReturnType<typeof createDeskData>;
