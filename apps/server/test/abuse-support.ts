import WebSocket from 'ws';
import { io as connect } from 'socket.io-client';
import { VISITOR_NAMESPACE, type ConversationId } from '@hearth/protocol';
import type { Harness, VisitorClient } from './harness.ts';

/**
 * A visitor socket spoken in raw engine.io/Socket.IO frames over `ws`, so a test can make it stop
 * reading (`stall()`: the TCP socket is paused, as a client that never reads its answers would be).
 * `localAddress` (127.0.0.x) makes it its own client address on loopback.
 */
export async function rawVisitorSocket(url: string, token: string, localAddress: string) {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, { localAddress });
  const frames: string[] = [];
  let closed = false;
  ws.on('message', (data) => frames.push(String(data)));
  ws.on('close', () => (closed = true));
  ws.on('error', () => (closed = true));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(`40${VISITOR_NAMESPACE},${JSON.stringify({ token })}`);
  // The namespace's answer: "40/visitor,{sid}" (connected) or "44/visitor,{message}" (refused).
  const answer = await new Promise<string>((resolve) => {
    const look = () => {
      const found = frames.find((f) => f.startsWith(`40${VISITOR_NAMESPACE},`) || f.startsWith(`44${VISITOR_NAMESPACE},`));
      if (found || closed) resolve(found ?? 'closed');
      else setTimeout(look, 5);
    };
    look();
  });
  let ackId = 0;
  return {
    connected: answer.startsWith('40'),
    refusal: answer.startsWith('44') ? (JSON.parse(answer.slice(answer.indexOf(',') + 1)) as { message: string }).message : null,
    /** Emits a command with an ack id (the answer is never read once stalled). */
    emit(event: string, payload: unknown) {
      if (ws.readyState === WebSocket.OPEN) ws.send(`42${VISITOR_NAMESPACE},${ackId++}${JSON.stringify([event, payload])}`);
    },
    /** Stops reading: whatever the server sends stays in kernel buffers, then in the server's. */
    stall() {
      (ws as unknown as { _socket: { pause(): void } })._socket.pause();
    },
    close() {
      ws.terminate();
    },
  };
}

/** A socket.io visitor client from its own loopback address, as a browser on another machine would be. */
export function visitorFrom(h: Harness, token: string, localAddress: string): VisitorClient {
  return connect(h.url + VISITOR_NAMESPACE, {
    auth: { token },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    localAddress,
  } as Parameters<typeof connect>[1]) as VisitorClient;
}

/** Fills a conversation with `count` messages of `size` characters after its first (straight into the table). */
export async function fillConversation(h: Harness, conversationId: ConversationId, siteId: string, count: number, size: number): Promise<void> {
  const body = 'x'.repeat(size);
  for (let from = 2; from < count + 2; from += 50) {
    const seqs = Array.from({ length: Math.min(50, count + 2 - from) }, (_, i) => from + i);
    await h.sql(
      `insert into messages (id, conversation_id, site_id, seq, client_id, author_type, author_id, author_name, body, created_at) values ${seqs.map(() => "(?, ?, ?, ?, ?, 'visitor', null, null, ?, ?)").join(', ')}`,
      seqs.flatMap((seq) => [`fill-${conversationId}-${seq}`, conversationId, siteId, seq, `fill-${seq}-client`, body, 1_000 + seq]),
    );
  }
  await h.sql('update conversations set last_seq = ? where id = ?', [count + 1, conversationId]);
}
