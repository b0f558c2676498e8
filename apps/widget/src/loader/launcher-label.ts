/**
 * The launcher's accessible name. The unread count is part of the name (not only the visual badge)
 * so screen-reader users hear it too.
 *
 * @example launcherLabel(false, 2) // 'Open chat, 2 unread'
 */
export function launcherLabel(open: boolean, unread: number): string {
  if (open) return 'Close chat';
  return unread > 0 ? `Open chat, ${unread} unread` : 'Open chat';
}

/** Badge text: keeps the badge round for large counts. */
export const badgeText = (unread: number): string => (unread > 99 ? '99+' : String(unread));
