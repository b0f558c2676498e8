import { createServer, type Server, type Socket } from 'node:net';

/**
 * A minimal SMTP server for the browser tests (the server's own suites use smtp-server and
 * mailparser, which this package does not depend on): it takes every mail Hearth sends over real
 * SMTP on 127.0.0.1 and keeps each message's raw text, quoted-printable soft breaks undone, so a
 * test can find the links in it.
 */
export interface MailSink {
  url: string;
  /** Raw messages (headers and bodies), in arrival order. */
  mails: Array<{ to: string; raw: string }>;
  /** The first link in a mail to `to` that contains `fragment`; waits up to `ms`. */
  linkFor(to: string, fragment: string, ms?: number): Promise<string>;
  close(): Promise<void>;
}

/** Quoted-printable as nodemailer writes it: `=\r\n` joins lines, `=3D` is `=`. */
const unQuote = (text: string) => text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

export async function startMailSink(): Promise<MailSink> {
  const mails: MailSink['mails'] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.setEncoding('utf8');
    let buffer = '';
    let data: string[] | null = null;
    let to = '';
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data) {
          if (line === '.') {
            mails.push({ to, raw: unQuote(data.join('\r\n')) });
            data = null;
            socket.write('250 2.0.0 queued\r\n');
          } else data.push(line.startsWith('..') ? line.slice(1) : line);
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 sink\r\n');
        else if (verb === 'RCPT') {
          to = /<([^>]*)>/.exec(line)?.[1]?.toLowerCase() ?? '';
          socket.write('250 2.1.5 ok\r\n');
        } else if (verb === 'DATA') {
          data = [];
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    async linkFor(to, fragment, ms = 15_000) {
      const end = Date.now() + ms;
      for (;;) {
        for (const mail of mails) {
          if (mail.to !== to.toLowerCase()) continue;
          const link = mail.raw.split(/[\s"<>]+/).find((w) => w.startsWith('http') && w.includes(fragment));
          if (link) return link;
        }
        if (Date.now() > end) throw new Error(`no ${fragment} link for ${to} (mails: ${mails.map((m) => m.to).join(', ') || 'none'})`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
