import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy between clients and the Hearth process that can cut every connection (and refuse
 * new ones) or stall them (hold bytes in both directions) for a while. The target port can move:
 * after a SIGKILL the restarted server listens on a new port 0.
 */
export class FaultProxy {
  private server: Server;
  private pairs = new Set<{ a: Socket; b: Socket }>();
  private cutUntil = 0;
  private stalled = false;
  cuts = 0;
  stalls = 0;

  constructor(public targetPort: number) {
    this.server = createServer((client) => this.accept(client));
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  private accept(client: Socket): void {
    client.on('error', () => {});
    if (Date.now() < this.cutUntil) {
      client.destroy();
      return;
    }
    const upstream = createConnection(this.targetPort, '127.0.0.1');
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    const pair = { a: client, b: upstream };
    this.pairs.add(pair);
    const drop = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', drop);
    upstream.on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
    if (this.stalled) this.pause(pair);
  }

  private pause(pair: { a: Socket; b: Socket }): void {
    pair.a.pause();
    pair.b.pause();
  }

  /** Destroys every open connection and refuses new ones for `ms`. */
  cut(ms: number): void {
    this.cuts++;
    this.cutUntil = Date.now() + ms;
    for (const pair of [...this.pairs]) {
      pair.a.destroy();
      pair.b.destroy();
    }
  }

  /** Holds all traffic (both directions, open and new connections) for `ms`, then lets it flow. */
  stall(ms: number): Promise<void> {
    this.stalls++;
    this.stalled = true;
    for (const pair of this.pairs) this.pause(pair);
    return new Promise((resolve) =>
      setTimeout(() => {
        this.stalled = false;
        for (const pair of this.pairs) {
          pair.a.resume();
          pair.b.resume();
        }
        resolve();
      }, ms),
    );
  }

  async close(): Promise<void> {
    for (const pair of this.pairs) {
      pair.a.destroy();
      pair.b.destroy();
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
