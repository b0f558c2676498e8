import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AgentId, SiteId, VisitorId } from '@hearth/protocol';
import { HttpError } from '../auth/request-auth.ts';
import { agentOfSession, SESSION_COOKIE } from '../auth/sessions.ts';
import type { StoredFile } from './file.store.ts';

/**
 * Who is asking, for the file routes: the widget's visitor (`Authorization: Bearer <visitor token>`,
 * the token the widget's socket uses; the frame cannot rely on cookies in a third-party context) or
 * a signed-in agent (session cookie) with their sites.
 */
export type FileCaller = { type: 'visitor'; siteId: SiteId; visitorId: VisitorId } | { type: 'agent'; agentId: AgentId; siteIds: SiteId[] };

export async function fileCaller(app: FastifyInstance, request: FastifyRequest): Promise<FileCaller> {
  const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (bearer) {
    const claims = app.visitorTokens.verify(bearer);
    if (!claims) throw new HttpError(401, 'unauthorized', 'Your chat session is not valid; reload the page.');
    return { type: 'visitor', ...claims };
  }
  const agent = await agentOfSession(app.store.read.auth, request.cookies[SESSION_COOKIE], Date.now());
  if (!agent) throw new HttpError(401, 'unauthorized', 'Please sign in.');
  const sites = await app.store.read.auth.agentSites(agent.agentId);
  return { type: 'agent', agentId: agent.agentId, siteIds: sites.map((s) => s.id as SiteId) };
}

/**
 * Whether the caller may fetch the file: the conversation's visitor and its site's agents see
 * what was sent; an upload not yet sent is seen by its uploader only.
 */
export function maySee(caller: FileCaller, file: StoredFile): boolean {
  const sent = file.messageId !== null;
  if (caller.type === 'visitor') {
    if (file.siteId !== caller.siteId || file.visitorId !== caller.visitorId) return false;
    return sent || (file.uploaderType === 'visitor' && file.uploaderId === caller.visitorId);
  }
  if (!caller.siteIds.includes(file.siteId)) return false;
  return sent || (file.uploaderType === 'agent' && file.uploaderId === caller.agentId);
}
