import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import {
  ConversationIdSchema,
  FILE_SIZE_CEILING,
  FileIdSchema,
  FileLinksRequestSchema,
  SiteIdSchema,
  VisitorIdSchema,
  type FileLink,
  type FileLinksResponse,
  type SiteId,
} from '@hearth/protocol';
import { HttpError } from '../auth/request-auth.ts';
import type { BlobStore } from './blob-store.ts';
import { fileCaller, maySee, type FileCaller } from './file-caller.ts';
import { signFileLink, verifyFileLink } from './file-links.ts';
import { contentDisposition } from './file-name.ts';
import { INLINE_MIME } from './file-types.ts';
import { UploadRefused } from './inspect-upload.ts';
import { uploadFile, type UploadTarget } from './upload-file.ts';

export interface FilesRoutesOptions {
  blobs: BlobStore;
  linkSecret: string;
  linkTtlMs: number;
  limitDecode: <T>(work: () => Promise<T>) => Promise<T>;
}

const REFUSAL_STATUS: Record<UploadRefused['code'], number> = {
  file_empty: 400,
  upload_incomplete: 400,
  file_too_large: 413,
  file_type_not_allowed: 415,
  file_type_mismatch: 415,
  file_unreadable: 422,
  file_too_many_pixels: 422,
  file_unsafe: 422,
};

/**
 * The file routes (issue 15): upload, signed links, the signed download itself, and the agents'
 * lists (a visitor's shared files, search by name). Multipart parsing is registered here only.
 */
export const filesRoutes: FastifyPluginAsyncZod<FilesRoutesOptions> = async (app, options) => {
  // One file part per request; fields are not used (the conversation is in the query string).
  await app.register(fastifyMultipart, { limits: { files: 1, fields: 0, parts: 1, fileSize: FILE_SIZE_CEILING, headerPairs: 100 } });

  app.post(
    '/api/files',
    {
      schema: { querystring: z.strictObject({ conversationId: ConversationIdSchema.optional() }) },
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const caller = await fileCaller(app, request);
      const target = await uploadTarget(app, caller, request.query.conversationId);
      const settings = (await app.store.read.sites.settings(target.siteId)).files;
      if (!request.isMultipart()) throw new HttpError(400, 'invalid_payload', 'Send the file as multipart/form-data.');
      try {
        const part = await request.file({ limits: { fileSize: settings.maxBytes, files: 1, fields: 0, parts: 1 } });
        if (!part) throw new UploadRefused('file_empty', 'No file was sent.');
        const file = await uploadFile({ store: app.store, blobs: options.blobs, limitDecode: options.limitDecode }, part, target, settings);
        return reply.code(201).send({ file });
      } catch (error) {
        if (error instanceof UploadRefused) throw new HttpError(REFUSAL_STATUS[error.code], error.code, error.message);
        throw error;
      }
    },
  );

  app.post('/api/files/links', { schema: { body: FileLinksRequestSchema } }, async (request): Promise<FileLinksResponse> => {
    const caller = await fileCaller(app, request);
    const files = await app.store.read.files.getMany(request.body.ids);
    const expiresAt = Date.now() + options.linkTtlMs;
    // Files the caller may not see are left out, as unknown ids are: no answer tells them apart.
    const links: FileLink[] = files
      .filter((f) => maySee(caller, f))
      .map((f) => ({
        id: f.id,
        url: signFileLink(options.linkSecret, f.id, 'f', expiresAt),
        thumbnailUrl: f.thumbnailKey ? signFileLink(options.linkSecret, f.id, 't', expiresAt) : null,
        expiresAt,
      }));
    return { links };
  });

  app.get(
    '/files/:id',
    {
      schema: {
        params: z.object({ id: z.string().max(64) }),
        querystring: z.object({ v: z.string().max(2).default(''), exp: z.string().max(20).default(''), sig: z.string().max(100).default('') }),
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { v, exp, sig } = request.query;
      const check = verifyFileLink(options.linkSecret, id, v, exp, sig, Date.now());
      if (!check.ok) {
        throw check.reason === 'expired'
          ? new HttpError(410, 'link_expired', 'This link has expired; open the conversation again for a fresh one.')
          : new HttpError(403, 'link_invalid', 'This link is not valid.');
      }
      const parsed = FileIdSchema.safeParse(id);
      const file = parsed.success ? await app.store.read.files.get(parsed.data) : null;
      const key = v === 't' ? file?.thumbnailKey : file?.blobKey;
      const stream = file && key ? await options.blobs.open(key) : null;
      if (!file || !stream) throw new HttpError(404, 'not_found', 'This file is no longer available.');
      const mime = v === 't' ? 'image/webp' : file.mime;
      const inline = INLINE_MIME.has(mime);
      // Only re-encoded raster images render; everything else downloads, and nothing may sniff,
      // script or frame: even a file that fooled every check cannot run as a page of this origin.
      void reply
        .header('content-type', mime === 'text/plain' ? 'text/plain; charset=utf-8' : mime)
        .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cross-origin-resource-policy', 'same-origin')
        .header('referrer-policy', 'no-referrer')
        .header('cache-control', `private, max-age=${Math.max(0, Math.floor((Number(exp) - Date.now()) / 1000))}, immutable`);
      if (v !== 't') void reply.header('content-length', String(file.size));
      return reply.send(stream);
    },
  );

  app.get(
    '/api/visitors/:visitorId/files',
    { schema: { params: z.object({ visitorId: VisitorIdSchema }), querystring: z.strictObject({ siteId: SiteIdSchema }) } },
    async (request) => {
      const siteIds = await agentSites(app, request);
      if (!siteIds.includes(request.query.siteId)) throw new HttpError(404, 'not_found', 'No such site.');
      return { files: await app.store.read.files.ofVisitor(request.query.siteId, request.params.visitorId, 100) };
    },
  );

  app.get(
    '/api/files/search',
    { schema: { querystring: z.strictObject({ q: z.string().min(1).max(100), siteId: SiteIdSchema.optional() }) } },
    async (request) => {
      const allowed = await agentSites(app, request);
      const siteIds = request.query.siteId ? allowed.filter((s) => s === request.query.siteId) : allowed;
      return { files: await app.store.read.files.searchByName(siteIds, request.query.q, 50) };
    },
  );
};

async function agentSites(app: FastifyInstance, request: FastifyRequest): Promise<SiteId[]> {
  const caller = await fileCaller(app, request);
  if (caller.type !== 'agent') throw new HttpError(403, 'forbidden', 'Agents only.');
  return caller.siteIds;
}

/** Where an upload goes: a visitor's own; an agent's into a conversation of one of their sites. */
async function uploadTarget(app: FastifyInstance, caller: FileCaller, conversationId: z.infer<typeof ConversationIdSchema> | undefined): Promise<UploadTarget> {
  if (caller.type === 'visitor') {
    return { siteId: caller.siteId, visitorId: caller.visitorId, conversationId: null, uploaderType: 'visitor', uploaderId: caller.visitorId };
  }
  if (!conversationId) throw new HttpError(400, 'invalid_payload', 'Name the conversation the file is for (?conversationId=…).');
  const conversation = await app.store.read.files.conversationOf(conversationId, caller.siteIds);
  if (!conversation) throw new HttpError(404, 'not_found', 'Conversation not found.');
  return { ...conversation, conversationId, uploaderType: 'agent', uploaderId: caller.agentId };
}
