/**
 * Child process: the message swarm. Visitors and agents are real socket.io-clients in this one
 * process, so a message's send time and its receipt at the agent are read from one clock.
 *
 * 'connect': agents, then visitors, connect; each visitor opens a conversation (first message),
 * and one agent claims and opens it, as in the console. 'phase': visitors send at an offered rate
 * for a fixed time; latency is measured at the agent who owns the conversation. Every agent's
 * `message:created` is counted too, to report how many deliveries one message costs (fan-out).
 */
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import {
  AGENT_NAMESPACE,
  VISITOR_NAMESPACE,
  type Ack,
  type AgentClientToServerEvents,
  type AgentServerToClientEvents,
  type Message,
  type VisitorClientToServerEvents,
  type VisitorServerToClientEvents,
} from '@hearth/protocol';
import { percentile, round } from './child.ts';

type VisitorClient = Socket<VisitorServerToClientEvents, VisitorClientToServerEvents>;
type AgentClient = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;

export interface LatencySummary {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}
export interface PhaseResult {
  offeredRate: number;
  durationMs: number;
  sent: number;
  acked: number;
  ackFailed: number;
  /** Received by the agent who owns the conversation. */
  delivered: number;
  /** Every `message:created` received by any agent for the phase's messages. */
  deliveriesToAllAgents: number;
  e2e: LatencySummary;
  ack: LatencySummary;
}

const visitors: VisitorClient[] = [];
const agents: AgentClient[] = [];
/** conversationId → index of the agent who claimed it. */
const owner = new Map<string, number>();
/** clientId → send time, for the phase's messages not yet seen at their agent. */
const pending = new Map<string, number>();
let e2eMs: number[] = [];
let deliveriesToAll = 0;

const summary = (values: number[]): LatencySummary => ({
  p50Ms: round(percentile(values, 0.5)),
  p99Ms: round(percentile(values, 0.99)),
  maxMs: round(values.reduce((a, b) => Math.max(a, b), 0)),
});

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (e) => reject(new Error(`connect failed: ${e.message}`)));
  });
}

function ask<T>(emit: (ack: (a: Ack<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    emit((ack) => (ack.ok ? resolve(ack.data) : reject(new Error(`${ack.error.code}: ${ack.error.message}`))));
  });
}

/** Runs `task(i)` for i in [0, n) with at most `width` in flight. */
async function inBatches(n: number, width: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, n) }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

async function connectAll(url: string, agentCookies: string[], visitorTokens: string[]) {
  const options = { transports: ['websocket'], forceNew: true, reconnection: false };
  const t0 = performance.now();
  await inBatches(agentCookies.length, 20, async (i) => {
    const socket: AgentClient = io(url + AGENT_NAMESPACE, { ...options, extraHeaders: { cookie: agentCookies[i]! } });
    agents[i] = socket;
    socket.on('message:created', (message: Message) => {
      deliveriesToAll++;
      const sentAt = pending.get(message.clientId);
      if (sentAt !== undefined && owner.get(message.conversationId) === i) {
        e2eMs.push(performance.now() - sentAt);
        pending.delete(message.clientId);
      }
    });
    await connected(socket);
    // Away: routing leaves the new conversations in the queue, so each is claimed by a known agent
    // (i % A) below — the swarm then knows whose receipt to time. Claiming and replying are unchanged.
    await ask((ack) => socket.emit('agent:set-status', { status: 'away' }, ack));
  });
  await inBatches(visitorTokens.length, 100, async (i) => {
    const socket: VisitorClient = io(url + VISITOR_NAMESPACE, { ...options, auth: { token: visitorTokens[i]! } });
    visitors[i] = socket;
    await connected(socket);
  });
  const connectMs = performance.now() - t0;

  // Each visitor starts a conversation; agent i % A claims it and opens it.
  const t1 = performance.now();
  await inBatches(visitors.length, 50, async (i) => {
    const { message } = await ask<{ message: Message }>((ack) =>
      visitors[i]!.emit('message:send', { clientId: randomUUID(), body: 'Hello, is anyone there?' }, ack),
    );
    const agentIndex = i % agents.length;
    const conversationId = message.conversationId;
    owner.set(conversationId, agentIndex);
    await ask((ack) => agents[agentIndex]!.emit('conversation:claim', { conversationId }, ack));
    await ask((ack) => agents[agentIndex]!.emit('conversation:open', { conversationId }, ack));
  });
  return { connectMs: round(connectMs), setupMs: round(performance.now() - t1) };
}

async function phase(rate: number, durationMs: number, drainMs: number): Promise<PhaseResult> {
  // Let the setup's broadcasts settle, then count from zero.
  await new Promise((r) => setTimeout(r, 500));
  pending.clear();
  e2eMs = [];
  deliveriesToAll = 0;
  const ackMs: number[] = [];
  let acked = 0;
  let ackFailed = 0;
  const total = Math.round((rate * durationMs) / 1000);
  let sent = 0;

  const send = (k: number) => {
    const visitor = visitors[k % visitors.length]!;
    const clientId = randomUUID();
    const t0 = performance.now();
    pending.set(clientId, t0);
    visitor.emit('message:send', { clientId, body: `Benchmark message ${k}` }, (ack) => {
      if (ack.ok) {
        acked++;
        ackMs.push(performance.now() - t0);
      } else ackFailed++;
    });
  };

  const start = performance.now();
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000));
      while (sent < due) send(sent++);
      if (sent >= total) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });
  const sendMs = performance.now() - start;
  const drainUntil = performance.now() + drainMs;
  while ((pending.size > 0 || acked + ackFailed < sent) && performance.now() < drainUntil) {
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    offeredRate: rate,
    durationMs: round(sendMs, 0),
    sent,
    acked,
    ackFailed,
    delivered: e2eMs.length,
    deliveriesToAllAgents: deliveriesToAll,
    e2e: summary(e2eMs),
    ack: summary(ackMs),
  };
}

process.on('message', (message: { type: string; [k: string]: unknown }) => {
  const reply = (work: Promise<object>) =>
    work.then(
      (result) => process.send!({ type: message.type, ...result }),
      (error: Error) => process.send!({ type: message.type, error: error.message }),
    );
  if (message.type === 'connect') {
    void reply(connectAll(message.url as string, message.agentCookies as string[], message.visitorTokens as string[]));
  } else if (message.type === 'phase') {
    void reply(phase(message.rate as number, message.durationMs as number, message.drainMs as number));
  }
});
process.once('SIGTERM', () => {
  for (const socket of [...visitors, ...agents]) socket?.disconnect();
  process.exit(0);
});
process.send!({ type: 'started' });
