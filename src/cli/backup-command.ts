import type { Command } from 'commander';
import { isPostgresLocation } from '../store/open-store.js';
import { backupPostgres, checksumFileOf, restorePostgres } from '../store/postgres/backup.js';
import { backupSqlite, restoreSqlite } from '../store/sqlite/backup.js';
import { dbLocation, EXIT, writeJson, writeLine, type CliContext } from './cli-context.js';

interface BackupFlags {
  db?: string;
  force?: boolean;
  json?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('backup')
    .description(
      'copy the store into FILE while it may be serving or ingesting (SQLite online backup; pg_dump on PostgreSQL), and print its checksum',
    )
    .argument('<file>', 'the backup file to write (refused if it exists, unless --force)')
    .option(
      '--db <location>',
      'SQLite store file or postgres:// URL (?schema=) (default: $SITREP_DB or ./sitrep.db)',
    )
    .option('--force', 'replace FILE if it exists')
    .option('--json', 'print {"file","bytes","checksum"} as JSON')
    .addHelpText(
      'after',
      '\nRestore with `sitrep restore FILE --db NEW`; both print the same checksum.',
    )
    .action(async (file: string, flags: BackupFlags) => {
      const location = dbLocation(ctx, flags.db);
      if (isPostgresLocation(location)) {
        const report = await backupPostgres(location, file, {
          force: flags.force === true,
          env: ctx.env,
        });
        if (flags.json) writeJson(ctx, { ...report, checksumFile: checksumFileOf(file) });
        else
          writeLine(
            ctx.stdout,
            `backed up ${report.checksum.articles} articles of schema ${report.schema} (pg_dump, ${report.bytes} bytes) to ${report.file}\nchecksum ${report.checksum.sha256} stories ${report.checksum.organiseSha256} (kept in ${checksumFileOf(file)})`,
          );
        return;
      }
      const report = await backupSqlite(location, file, { force: flags.force === true });
      if (flags.json) writeJson(ctx, report);
      else
        writeLine(
          ctx.stdout,
          `backed up ${report.checksum.articles} articles (${report.bytes} bytes) to ${report.file}\nchecksum ${report.checksum.sha256} stories ${report.checksum.organiseSha256}`,
        );
    });

  program
    .command('restore')
    .description('restore a backup made by `sitrep backup` into a store file, verified by checksum')
    .argument('<file>', 'the backup file')
    .option(
      '--db <location>',
      'SQLite store file to create, or postgres:// URL (?schema=) (default: $SITREP_DB or ./sitrep.db)',
    )
    .option('--force', 'replace the store if it exists (stop `sitrep serve` on it first)')
    .option('--json', 'print {"store","backupChecksum","restoredChecksum","verified"} as JSON')
    .addHelpText(
      'after',
      '\nExit codes: 0 restored and verified, 1 the checksums differ or an error.',
    )
    .action(async (file: string, flags: BackupFlags) => {
      const location = dbLocation(ctx, flags.db);
      const report = isPostgresLocation(location)
        ? await restorePostgres(file, location, { force: flags.force === true, env: ctx.env })
        : await restoreSqlite(file, location, { force: flags.force === true });
      if (flags.json) writeJson(ctx, report);
      else
        writeLine(
          ctx.stdout,
          `restored ${report.restoredChecksum.articles} articles into ${report.store}\nchecksum ${report.restoredChecksum.sha256} stories ${report.restoredChecksum.organiseSha256}\n${report.verified ? 'verified: the checksum equals the backup' : 'NOT verified: the restored store differs from the backup'}`,
        );
      if (!report.verified) ctx.setExitCode(EXIT.fatal);
    });
}
