import fp from 'fastify-plugin';
import {
  agentCommandSchemas,
  visitorCommandSchemas,
  type AgentClientToServerEvents,
  type VisitorClientToServerEvents,
} from '@hearth/protocol';
import type { AgentSocket, VisitorSocket } from '../plugins/io.ts';
import type { CommandHandlers } from './commands.ts';

export type AgentCommandName = keyof typeof agentCommandSchemas & string;
export type VisitorCommandName = keyof typeof visitorCommandSchemas & string;
export type AgentHandlers = CommandHandlers<typeof agentCommandSchemas, AgentClientToServerEvents>;
export type VisitorHandlers = CommandHandlers<typeof visitorCommandSchemas, VisitorClientToServerEvents>;

interface Registration<S, H> {
  names: readonly string[];
  build: (socket: S) => Partial<H>;
}

/**
 * Where features add their socket commands and connection hooks, so the namespaces (and the
 * conversation core) import no feature. Each registration names its commands up front: a command
 * registered twice throws at once, and one the protocol has but nobody registered fails the app's
 * start (`assertComplete`, run on ready).
 *
 * @example
 * app.realtime.agentCommands(['note:add'], (socket) => noteCommands({ store: app.store, agentNsp: app.agentNsp, socket }));
 */
export class CommandRegistry {
  private readonly agent: Array<Registration<AgentSocket, AgentHandlers>> = [];
  private readonly visitor: Array<Registration<VisitorSocket, VisitorHandlers>> = [];
  private readonly agentNames = new Set<string>();
  private readonly visitorNames = new Set<string>();
  readonly agentConnected: Array<(socket: AgentSocket) => void> = [];
  readonly visitorConnected: Array<(socket: VisitorSocket) => void> = [];

  agentCommands<K extends AgentCommandName>(names: readonly K[], build: (socket: AgentSocket) => Pick<AgentHandlers, K>): void {
    claim(this.agentNames, names, 'agent');
    this.agent.push({ names, build });
  }

  visitorCommands<K extends VisitorCommandName>(names: readonly K[], build: (socket: VisitorSocket) => Pick<VisitorHandlers, K>): void {
    claim(this.visitorNames, names, 'visitor');
    this.visitor.push({ names, build });
  }

  /** Runs for every new agent socket after authentication, before its commands are bound. */
  onAgentConnected(hook: (socket: AgentSocket) => void): void {
    this.agentConnected.push(hook);
  }

  onVisitorConnected(hook: (socket: VisitorSocket) => void): void {
    this.visitorConnected.push(hook);
  }

  /** The whole handler map for one socket. */
  agentHandlers(socket: AgentSocket): AgentHandlers {
    return merge(this.agent, socket) as AgentHandlers;
  }

  visitorHandlers(socket: VisitorSocket): VisitorHandlers {
    return merge(this.visitor, socket) as VisitorHandlers;
  }

  /** Throws naming every protocol command without a handler. */
  assertComplete(): void {
    const missing = [
      ...Object.keys(agentCommandSchemas).filter((n) => !this.agentNames.has(n)).map((n) => `agent ${n}`),
      ...Object.keys(visitorCommandSchemas).filter((n) => !this.visitorNames.has(n)).map((n) => `visitor ${n}`),
    ];
    if (missing.length) throw new Error(`socket commands without a handler: ${missing.join(', ')}`);
  }
}

function claim(taken: Set<string>, names: readonly string[], namespace: string): void {
  for (const name of names) {
    if (taken.has(name)) throw new Error(`${namespace} command ${name} is registered twice`);
    taken.add(name);
  }
}

function merge<S, H>(registrations: Array<Registration<S, H>>, socket: S): Record<string, unknown> {
  const handlers: Record<string, unknown> = {};
  for (const { names, build } of registrations) {
    const built = build(socket) as Record<string, unknown>;
    for (const name of names) handlers[name] = built[name];
  }
  return handlers;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Socket commands and connection hooks, added by each feature (realtime/command-registry.ts). */
    realtime: CommandRegistry;
  }
}

export default fp(
  async (app) => {
    const registry = new CommandRegistry();
    app.decorate('realtime', registry);
    app.addHook('onReady', async () => registry.assertComplete());
  },
  { name: 'realtime' },
);
