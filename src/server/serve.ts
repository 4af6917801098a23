import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections and waits for open requests to finish. */
  close(): Promise<void>;
}

/** Loopback addresses: binding to one of these keeps the server private to this machine. */
export const isLoopbackHost = (host: string): boolean =>
  host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

/** How long open requests may run after a stop signal before their connections are cut. */
const CLOSE_GRACE_MS = 5000;

/** Starts listening; port 0 picks a free port (tests). */
export const startServer = (
  app: Hono,
  options: { host: string; port: number },
): Promise<RunningServer> =>
  new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    const server: ServerType = serve(
      { fetch: app.fetch, hostname: options.host, port: options.port },
      (info) => {
        server.off('error', onError);
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done, fail) => {
              server.close((error) => (error ? fail(error) : done()));
              if (!('closeIdleConnections' in server)) return;
              // Idle keep-alive connections would hold close() open; busy ones get a grace period.
              server.closeIdleConnections();
              setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
            }),
        });
      },
    );
    server.once('error', onError);
  });
