import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Hono, MiddlewareHandler } from 'hono';
import type { StoreChecksum } from '../../store/postgres/store-checksum.js';
import { HttpError } from '../http-error.js';

/** Makes a backup of the served store into `file` (SQLite online backup or pg_dump). */
export interface BackupProvider {
  /** "sqlite" backups restore with `sitrep restore FILE --db new.db`; "postgres" ones need the checksum file too. */
  readonly kind: 'sqlite' | 'postgres';
  readonly run: (file: string) => Promise<{ checksum: StoreChecksum }>;
}

/**
 * Admin endpoints. POST /api/admin/backup answers with the backup itself (made in a temporary
 * directory, removed once sent) and the store checksum in headers, so an operator can take a
 * verified backup of a serving store from another machine with an admin token. A PostgreSQL dump
 * comes with X-Sitrep-Checksum-File (base64 of FILE.checksum.json, which `sitrep restore` reads).
 */
export const addAdminRoutes = (
  app: Hono,
  admin: MiddlewareHandler,
  backup: BackupProvider | undefined,
): void => {
  app.post('/api/admin/backup', admin, async (c) => {
    if (!backup)
      throw new HttpError(
        501,
        'NOT_SUPPORTED_BY_BACKEND',
        'this server was started without backups; run `sitrep backup FILE` next to the store',
      );
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-api-backup-'));
    const file = join(dir, backup.kind === 'sqlite' ? 'store.backup' : 'store.dump');
    try {
      const made = await backup.run(file);
      const stream = createReadStream(file);
      stream.on('close', () => rmSync(dir, { recursive: true, force: true }));
      const stamp = new Date().toISOString().slice(0, 10);
      c.header('Content-Type', 'application/octet-stream');
      c.header(
        'Content-Disposition',
        `attachment; filename="sitrep-${stamp}.${backup.kind === 'sqlite' ? 'backup' : 'dump'}"`,
      );
      c.header('X-Sitrep-Checksum', made.checksum.sha256);
      c.header('X-Sitrep-Stories-Checksum', made.checksum.organiseSha256);
      c.header('X-Sitrep-Articles', String(made.checksum.articles));
      // pg_dump backups restore with the checksum file beside them: it travels base64 in a header.
      if (existsSync(`${file}.checksum.json`))
        c.header(
          'X-Sitrep-Checksum-File',
          readFileSync(`${file}.checksum.json`).toString('base64'),
        );
      return c.body(Readable.toWeb(stream) as ReadableStream);
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  });
};
