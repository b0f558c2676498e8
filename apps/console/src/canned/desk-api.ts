import type { CannedReply, CannedReplyCreate, CannedReplyInput, Label, LabelInput, SiteId } from '@hearth/protocol';
import { callJson } from '../session/json-api.ts';

/** The desk's HTTP endpoints: canned replies and labels (apps/server/src/canned, labels). */

const site = (siteId: SiteId) => `/api/sites/${encodeURIComponent(siteId)}`;

export const deskApi = {
  listCanned: () => callJson<{ replies: CannedReply[] }>('GET', '/api/canned-replies'),
  createCanned: (siteId: SiteId, input: CannedReplyCreate) => callJson<{ reply: CannedReply }>('POST', `${site(siteId)}/canned-replies`, input),
  updateCanned: (siteId: SiteId, id: string, input: CannedReplyInput) =>
    callJson<{ reply: CannedReply }>('PUT', `${site(siteId)}/canned-replies/${encodeURIComponent(id)}`, input),
  deleteCanned: (siteId: SiteId, id: string) => callJson<null>('DELETE', `${site(siteId)}/canned-replies/${encodeURIComponent(id)}`),
  listLabels: () => callJson<{ labels: Label[] }>('GET', '/api/labels'),
  createLabel: (siteId: SiteId, input: LabelInput) => callJson<{ label: Label }>('POST', `${site(siteId)}/labels`, input),
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
