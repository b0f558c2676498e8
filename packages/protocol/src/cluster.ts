/**
 * Why the server asks a client to sync now (`resync`, both namespaces): live events may have been
 * missed although this client's own connection never dropped.
 * - `peer-lost`: another node stopped (killed, host lost); facts it committed just before dying
 *   may never have been broadcast.
 * - `redis-reconnected`: this node lost Redis for a while; events other nodes published meanwhile
 *   may not have reached it.
 * The client does what it does after a reconnect: asks for everything after its last seq. A hint,
 * not a command: no ack, and sending it twice costs one extra sync.
 */
export type ResyncReason = 'peer-lost' | 'redis-reconnected';

export interface ResyncHint {
  reason: ResyncReason;
}
