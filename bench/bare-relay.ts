/**
 * Child process: the floor. A bare Socket.IO relay speaking just enough of Hearth's wire contract
 * for the swarm (same namespaces, events and ack shapes) with no validation, no database and no
 * auth: a visitor's message is acked and emitted to the room of the agent who opened the
 * conversation. Hearth's latency divided by this one is the cost of everything Hearth adds.
 */
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Server } from 'socket.io';
import { AGENT_NAMESPACE, VISITOR_NAMESPACE } from '@hearth/protocol';

const agents = Number(process.env.BENCH_AGENTS ?? 0);
const visitors = Number(process.env.BENCH_VISITORS ?? 0);

const http = createServer();
const io = new Server(http, { serveClient: false });
const agentNsp = io.of(AGENT_NAMESPACE);
const room = (conversationId: string) => `conversation:${conversationId}`;

io.of(VISITOR_NAMESPACE).on('connection', (socket) => {
  const conversationId = randomUUID();
  let seq = 0;
  socket.on('message:send', (input: { clientId: string; body: string }, ack: (a: unknown) => void) => {
    const message = { id: randomUUID(), conversationId, seq: ++seq, clientId: input.clientId, authorType: 'visitor', authorId: null, authorName: null, body: input.body, createdAt: Date.now() };
    agentNsp.to(room(conversationId)).emit('message:created', message);
    ack({ ok: true, data: { message, conversation: { id: conversationId } } });
  });
});

agentNsp.on('connection', (socket) => {
  const conversation = (conversationId: string) => ({ id: conversationId });
  socket.on('agent:set-status', (_status: unknown, ack: (a: unknown) => void) => ack({ ok: true, data: { status: 'away' } }));
  socket.on('conversation:claim', ({ conversationId }: { conversationId: string }, ack: (a: unknown) => void) =>
    ack({ ok: true, data: { conversation: conversation(conversationId) } }),
  );
  socket.on('conversation:open', async ({ conversationId }: { conversationId: string }, ack: (a: unknown) => void) => {
    await socket.join(room(conversationId));
    ack({ ok: true, data: { conversation: conversation(conversationId), messages: [] } });
  });
});

http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // Credentials are ignored here, but the swarm takes the same shape from both servers.
  process.send!({
    type: 'ready',
    url: `http://127.0.0.1:${port}`,
    agentCookies: Array.from({ length: agents }, (_, i) => `bare=${i}`),
    visitorTokens: Array.from({ length: visitors }, (_, i) => `bare-${i}`),
  });
});

process.on('message', (message: { type: string }) => {
  if (message.type === 'stats') process.send!({ type: 'stats', storedVisitorMessages: null, conversations: null });
});
process.once('SIGTERM', () => {
  io.close();
  process.exit(0);
});
