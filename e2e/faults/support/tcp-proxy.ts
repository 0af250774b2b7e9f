import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay the fault test controls, put between the phones and the API or between the API and PostgreSQL:
 * it forwards bytes both ways and, when told, cuts every live connection, delays every chunk, or refuses new
 * connections, the way a hall's Wi-Fi or a flaky network between two machines would.
 */
export class TcpProxy {
  /** Connections accepted, and connections cut by `cutAll` (both ends closed mid-flight), since the start. */
  readonly counts = { accepted: 0, cut: 0, refused: 0 };
  private readonly pairs = new Set<[Socket, Socket]>();
  private latencyMs = 0;
  private refusing = false;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    const address = server.address();
    if (typeof address !== 'object' || !address) throw new Error('the proxy has no port');
    const proxy = new TcpProxy(server, address.port);
    server.on('connection', (client) => proxy.relay(client, target));
    return proxy;
  }

  /** Every chunk, both ways, waits this long before it is passed on (0: none). Order is kept. */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /** While true, a new connection is closed as soon as it opens (the other side is unreachable). */
  setRefusing(refusing: boolean): void {
    this.refusing = refusing;
  }

  /** Cuts every live connection at once, both ends reset, with whatever was in flight lost. Returns how many. */
  cutAll(): number {
    const cut = this.pairs.size;
    for (const [client, upstream] of this.pairs) {
      client.resetAndDestroy();
      upstream.resetAndDestroy();
    }
    this.pairs.clear();
    this.counts.cut += cut;
    return cut;
  }

  /** No latency, no refusal: the line is healthy again. */
  heal(): void {
    this.latencyMs = 0;
    this.refusing = false;
  }

  async close(): Promise<void> {
    this.cutAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: Socket, target: { host: string; port: number }): void {
    if (this.refusing) {
      this.counts.refused += 1;
      client.resetAndDestroy();
      return;
    }
    this.counts.accepted += 1;
    const upstream = createConnection(target);
    const pair: [Socket, Socket] = [client, upstream];
    this.pairs.add(pair);
    const forget = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    // An error on either side closes the other at once; a close reaches the other side after the bytes sent before it.
    const toUpstream = this.pipe(client, upstream);
    const toClient = this.pipe(upstream, client);
    client.on('error', forget);
    upstream.on('error', forget);
    client.on('close', () => toUpstream(forget));
    upstream.on('close', () => toClient(forget));
  }

  /** Passes `from`'s bytes to `to`, each chunk the latency after it arrived (in order), and the end after the last chunk. */
  private pipe(from: Socket, to: Socket): (work: () => void) => void {
    let last = Promise.resolve();
    const later = (work: () => void) => {
      const due = Date.now() + this.latencyMs;
      last = last.then(async () => {
        const wait = due - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        work();
      });
    };
    from.on('data', (chunk: Buffer) => later(() => !to.destroyed && to.write(chunk)));
    from.on('end', () => later(() => !to.destroyed && to.end()));
    return later;
  }
}
