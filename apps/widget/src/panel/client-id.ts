import { newClientId } from '@hearth/chat-client';

/**
 * newClientId() relies on crypto.randomUUID, which browsers expose only in secure contexts; a Hearth
 * served over plain http on a LAN address must still be able to send.
 */
export function clientId(): string {
  if (typeof crypto.randomUUID === 'function') return newClientId();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
