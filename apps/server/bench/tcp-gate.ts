/**
 * A TCP pass-through to an upstream port that can be shut and opened again on the same port: shut, new connections
 * are refused and open ones are cut, as when a host becomes unreachable. The drills put it between the server
 * processes and the emulator.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface TcpGate {
  readonly url: string;
  readonly isOpen: boolean;
  open(): Promise<void>;
  shut(): Promise<void>;
}

export async function startTcpGate(opts: { port: number; upstreamPort: number }): Promise<TcpGate> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const srv = createServer((client) => {
        const upstream = connect(opts.upstreamPort, '127.0.0.1');
        track(client);
        track(upstream);
        client.on('error', () => upstream.destroy());
        upstream.on('error', () => client.destroy());
        client.pipe(upstream).pipe(client);
      });
      srv.once('error', reject);
      srv.listen(opts.port, '127.0.0.1', () => {
        server = srv;
        resolve();
      });
    });

  await listen();
  return {
    url: `http://127.0.0.1:${opts.port}`,
    get isOpen() {
      return server !== null;
    },
    async open() {
      if (!server) await listen();
    },
    async shut() {
      const srv = server;
      server = null;
      if (!srv) return;
      const closed = new Promise<void>((resolve) => srv.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
    },
  };
}
