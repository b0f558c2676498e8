import { describe, expect, it } from 'vitest';
import type { VisitorSocket } from './outbox-sender.ts';
import { createVisitorCommands } from './visitor-commands.ts';

/** Just enough of a socket: whether it is connected, and what was emitted. */
function fakeSocket() {
  const emitted: Array<[string, unknown]> = [];
  const acks: Array<() => void> = [];
  const emit = (event: string, payload: unknown, ack: () => void) => {
    emitted.push([event, payload]);
    acks.push(ack);
  };
  const socket = { connected: false, emit, timeout: () => ({ emit }) };
  return { socket, emitted, acks, asSocket: () => socket as unknown as VisitorSocket };
}

describe('visitor commands (profile updates and tracked events)', () => {
  it('waits while disconnected and sends in order on flush, before anything else', () => {
    const { socket, emitted, asSocket } = fakeSocket();
    const commands = createVisitorCommands(asSocket);
    commands.update({ name: 'Ada' });
    commands.track({ id: 'evt-00001', name: 'cart', at: 1 });
    expect(emitted).toEqual([]);
    socket.connected = true;
    commands.flush();
    expect(emitted).toEqual([
      ['visitor:update', { name: 'Ada' }],
      ['visitor:track', { id: 'evt-00001', name: 'cart', at: 1 }],
    ]);
    commands.flush();
    expect(emitted).toHaveLength(2);
  });

  it('sends at once while connected, and forgets what waits on clear (reset)', () => {
    const { socket, emitted, asSocket } = fakeSocket();
    const commands = createVisitorCommands(asSocket);
    commands.update({ attributes: { plan: 'pro' } });
    commands.clear();
    socket.connected = true;
    commands.flush();
    expect(emitted).toEqual([]);
    commands.update({ email: 'a@b.co' });
    expect(emitted).toEqual([['visitor:update', { email: 'a@b.co' }]]);
  });

  it('resolves a profile update once the server answered it', async () => {
    const { socket, acks, asSocket } = fakeSocket();
    const commands = createVisitorCommands(asSocket);
    socket.connected = true;
    let done = false;
    const answered = commands.update({ name: 'Ada' }).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    acks[0]!();
    await answered;
    expect(done).toBe(true);
  });

  it('keeps at most 100 waiting commands', () => {
    const { socket, emitted, asSocket } = fakeSocket();
    const commands = createVisitorCommands(asSocket);
    for (let i = 0; i < 150; i++) commands.track({ id: `evt-${String(i).padStart(5, '0')}`, name: 'view', at: i });
    socket.connected = true;
    commands.flush();
    expect(emitted).toHaveLength(100);
  });
});
