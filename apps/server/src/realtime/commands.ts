import { z } from 'zod';
import type { Socket } from 'socket.io';
import type { FastifyBaseLogger } from 'fastify';
import type { Ack, AckCallback, ErrorCode } from '@hearth/protocol';
import { observeCommand } from '../observability/command-channel.ts';

/** A refusal a use case can throw; it becomes `{ ok: false, error: { code, message } }`. */
export class CommandError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

type AckDataOf<F> = F extends (req: never, ack: AckCallback<infer T>) => void ? T : never;

export type CommandHandlers<S extends Record<string, z.ZodType>, Events> = {
  [E in keyof S & keyof Events]: (input: z.infer<S[E]>) => Promise<AckDataOf<Events[E]>> | AckDataOf<Events[E]>;
};

/**
 * The one door for every inbound event: parse with the event's zod schema, run the handler,
 * answer exactly one Ack. Handlers never see an unparsed payload; a throw never escapes to
 * Socket.IO (which would otherwise leave the client waiting). Unknown events are logged and
 * dropped, never echoed.
 */
export function registerCommands<S extends Record<string, z.ZodType>, Events>(
  socket: Socket,
  schemas: S,
  handlers: CommandHandlers<S, Events>,
  log: FastifyBaseLogger,
): void {
  socket.onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event !== 'string' || !Object.hasOwn(schemas, event)) {
      log.warn({ event: String(event).slice(0, 64), socket: socket.id }, 'dropped unknown event');
      // A client waiting on an ack for a command we do not have gets a refusal, not a timeout.
      const last = args[args.length - 1];
      if (typeof last === 'function') (last as (a: Ack<never>) => void)(fail('invalid_payload', 'Unknown command.'));
    }
  });
  for (const event of Object.keys(schemas) as Array<keyof S & keyof Events & string>) {
    const schema = schemas[event]!;
    const handler = handlers[event] as (input: unknown) => unknown;
    socket.on(event as string, async (...args: unknown[]) => {
      const last = args[args.length - 1];
      // Observed (observability/command-channel.ts): ack latency and outcome per event, in-flight count for shutdown.
      const ack = observeCommand(socket, event, typeof last === 'function' ? (last as (a: Ack<unknown>) => void) : () => {});
      const payloadArgs = typeof last === 'function' ? args.slice(0, -1) : args;
      if (payloadArgs.length !== 1) {
        ack(fail('invalid_payload', `${event} takes exactly one payload object`));
        return;
      }
      const parsed = schema.safeParse(payloadArgs[0]);
      if (!parsed.success) {
        ack(fail('invalid_payload', z.prettifyError(parsed.error)));
        return;
      }
      try {
        ack({ ok: true, data: await handler(parsed.data) });
      } catch (error) {
        if (error instanceof CommandError) {
          ack(fail(error.code, error.message));
        } else {
          log.error({ err: error, event, nsp: socket.nsp.name, socket: socket.id }, 'command failed');
          ack(fail('internal', 'Something went wrong; nothing was changed.'));
        }
      }
    });
  }
}

function fail(code: ErrorCode, message: string): Ack<never> {
  return { ok: false, error: { code, message } };
}
