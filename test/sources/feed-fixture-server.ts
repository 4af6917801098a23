import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';

/**
 * A loopback HTTP server for feed fixtures: each path serves a file's bytes with ETag and
 * Last-Modified, answers conditional requests with 304, and records what it saw (concurrency per
 * Host, conditional headers, request times). Used by the polling tests and bench/sources-*.ts.
 */
export interface SeenRequest {
  readonly path: string;
  readonly host: string;
  /** When the request arrived, and when it was answered. */
  readonly at: number;
  readonly answeredAt: number;
  readonly conditional: boolean;
  readonly status: number;
}

interface Entry {
  body: Buffer;
  etag: string;
  lastModified: string;
  contentType: string;
}

const TYPES: Record<string, string> = {
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.json': 'application/json',
  '.html': 'text/html',
};

export type Override = (req: IncomingMessage, res: ServerResponse) => boolean;

export class FeedFixtureServer {
  readonly seen: SeenRequest[] = [];
  /** Highest number of requests in flight at once, per Host header. */
  readonly maxConcurrentByHost = new Map<string, number>();
  private readonly active = new Map<string, number>();
  private readonly entries = new Map<string, Entry>();
  private readonly servers: Server[] = [];
  private override: Override | undefined;
  /** Added to every response (to see politeness limits bite). */
  delayMs = 0;
  ports: number[] = [];

  /** Serves `bytes` at `path`; a new body gets a new ETag and Last-Modified. */
  setFile(path: string, bytes: Buffer, contentType?: string, modified = new Date()): void {
    this.entries.set(path, {
      body: bytes,
      etag: `"${createHash('sha1').update(bytes).digest('hex').slice(0, 16)}"`,
      lastModified: new Date(Math.floor(modified.getTime() / 1000) * 1000).toUTCString(),
      contentType: contentType ?? TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
    });
  }

  serveFile(path: string, file: string): void {
    this.setFile(path, readFileSync(file));
  }

  /** Handles requests first; return true when it answered. */
  intercept(override: Override | undefined): void {
    this.override = override;
  }

  /** Listens on `count` loopback ports (distinct hosts for per-host limits: host includes the port). */
  async listen(count = 1): Promise<void> {
    for (let i = 0; i < count; i++) {
      const server = createServer((req, res) => this.handle(req, res));
      server.keepAliveTimeout = 1000;
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      this.servers.push(server);
      this.ports.push((server.address() as AddressInfo).port);
    }
  }

  url(path: string, portIndex = 0): string {
    return `http://127.0.0.1:${this.ports[portIndex]}${path}`;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const host = req.headers.host ?? '';
    const now = this.active.get(host) ?? 0;
    this.active.set(host, now + 1);
    this.maxConcurrentByHost.set(host, Math.max(this.maxConcurrentByHost.get(host) ?? 0, now + 1));
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const conditional =
      req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined;
    const arrived = Date.now();
    const finish = (status: number) => {
      this.seen.push({ path, host, at: arrived, answeredAt: Date.now(), conditional, status });
      this.active.set(host, (this.active.get(host) ?? 1) - 1);
    };
    const respond = () => {
      if (this.override?.(req, res)) return finish(res.statusCode);
      const entry = this.entries.get(path);
      if (!entry) {
        res.writeHead(404).end();
        return finish(404);
      }
      const noneMatch = req.headers['if-none-match'];
      const since = req.headers['if-modified-since'];
      const fresh =
        noneMatch !== undefined
          ? noneMatch === entry.etag
          : since !== undefined && Date.parse(since) >= Date.parse(entry.lastModified);
      if (fresh) {
        res.writeHead(304, { etag: entry.etag, 'last-modified': entry.lastModified }).end();
        return finish(304);
      }
      res
        .writeHead(200, {
          'content-type': entry.contentType,
          etag: entry.etag,
          'last-modified': entry.lastModified,
          'content-length': entry.body.byteLength,
        })
        .end(entry.body);
      finish(200);
    };
    if (this.delayMs > 0) setTimeout(respond, this.delayMs);
    else respond();
  }

  async close(): Promise<void> {
    await Promise.all(
      this.servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      ),
    );
  }
}
