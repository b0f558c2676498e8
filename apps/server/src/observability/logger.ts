import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { Config } from '../config.ts';
import type { SecretRedactor } from './redact.ts';

/** Where log lines go: stdout unless a test or tool passes its own stream. */
export interface LogDestination {
  write(line: string): void;
}

/**
 * Hearth's pino options for Fastify.
 * - `LOG_LEVEL` (default info) and `LOG_FORMAT` (`json`, or `pretty` for people; default pretty on a
 *   terminal): at info the log holds what happened to the server (start, stop, warnings, errors);
 *   request lines are debug.
 * - Every line passes the secret redactor last (`hooks.streamWrite`), so no path — a request line, an
 *   error quoting a URL — can print an invitation token or a `?token=`; cookies, Authorization
 *   headers and password/token/secret fields are removed by path before that.
 * - Request lines come from {@link HearthLogController}.
 * - `req` lines carry the client address under `TRUST_PROXY` (`request.ip`), never only the proxy's.
 */
export async function loggerOptions(
  config: Pick<Config, 'LOG_LEVEL' | 'LOG_FORMAT'>,
  redactor: SecretRedactor,
  destination?: LogDestination,
): Promise<FastifyServerOptions['logger']> {
  const format = config.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json');
  // Loaded only when asked for: JSON logging (production) does not pay for it at start.
  const pretty = format === 'pretty' ? (await import('pino-pretty')).default : null;
  const stream = pretty
    ? pretty({
        colorize: destination ? false : process.stdout.isTTY,
        translateTime: 'SYS:HH:MM:ss.l',
        // One line per entry; a request reads `request GET /console/ 200 1.2 ms (203.0.113.7)`.
        singleLine: true,
        ignore: 'pid,hostname,reqId,req,res,ms',
        messageFormat: '{msg}{if req.method} {req.method} {req.url} {res.statusCode} {ms} ms ({req.ip}){end}',
        sync: true,
        ...(destination ? { destination: destination as NodeJS.WritableStream } : {}),
      })
    : destination;
  return {
    level: config.LOG_LEVEL,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'headers.cookie',
        'headers.authorization',
        'res.headers["set-cookie"]',
        '*.password',
        'password',
        '*.token',
        'token',
        '*.secret',
        'secret',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: FastifyRequest) => ({ method: request.method, url: redactor.redact(request.url), ip: request.ip }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
    hooks: { streamWrite: (line: string) => redactor.redact(line) },
  };
}

/**
 * Fastify's request lines, Hearth's way: nothing when a request arrives, one `debug` line when it is
 * answered (method, redacted URL, client address, status, ms), and `error` with the request when it
 * failed. Everything else Fastify logs per request is kept.
 */
export class HearthLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const ms = Math.round(reply.elapsedTime * 10) / 10;
    if (error) reply.log.error({ req: request, res: reply, err: error, ms }, 'request errored');
    else request.log.debug({ req: request, res: reply, ms }, 'request');
  }
}
