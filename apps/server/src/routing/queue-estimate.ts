/**
 * An honest estimate of the wait: the queue ahead of you, handled at the pace agents have recently
 * handled chats. With no history yet we say a typical first guess rather than "0 minutes".
 */
export const DEFAULT_HANDLE_SECONDS = 180;

export function estimateWaitSeconds(input: {
  /** 1 = next in line. */
  position: number;
  /** Median seconds from assignment to close over recent conversations; null = no history. */
  recentHandleSeconds: number | null;
  /** Agents online on the site (busy or not): the rate at which slots free up. */
  agentsOnline: number;
}): number | null {
  if (input.agentsOnline === 0) return null;
  const perChat = input.recentHandleSeconds ?? DEFAULT_HANDLE_SECONDS;
  return Math.round((input.position * perChat) / input.agentsOnline);
}
