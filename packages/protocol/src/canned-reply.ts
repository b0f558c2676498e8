import { z } from 'zod';
import { requiredBody, requiredText } from './text-fields.ts';
import type { AgentId, SiteId } from './ids.ts';

/**
 * Canned replies (issue 6): short texts an agent inserts by typing `/shortcut` in the composer.
 * Site-wide replies are written by the site's owners; personal ones by any agent, for themself.
 * The text may hold placeholders (`{{visitor.name | there}}`) that the console fills on insert.
 *
 * @example { scope: 'site', title: 'Greeting', shortcut: 'hi', text: 'Hi {{visitor.first_name | there}}!' }
 */
export const CANNED_SHORTCUT = /^[a-z0-9-]{1,32}$/;

export const CannedReplyInputSchema = z.strictObject({
  title: requiredText(80, 'a title'),
  shortcut: z.string().regex(CANNED_SHORTCUT, 'lowercase letters, digits and dashes, at most 32'),
  text: requiredBody(2000, 'a reply'),
});
export type CannedReplyInput = z.infer<typeof CannedReplyInputSchema>;

export const CannedReplyCreateSchema = CannedReplyInputSchema.extend({ scope: z.enum(['site', 'personal']) });
export type CannedReplyCreate = z.infer<typeof CannedReplyCreateSchema>;

export interface CannedReply extends CannedReplyInput {
  id: string;
  siteId: SiteId;
  scope: 'site' | 'personal';
  /** The agent a personal reply belongs to; null for site-wide ones. */
  agentId: AgentId | null;
  /** Whether the caller may change it: owners for site-wide replies, the agent for their own. */
  editable: boolean;
  updatedAt: number;
}
