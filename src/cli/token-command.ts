import type { Command } from 'commander';
import { ALL_SCOPES, generateToken, hashToken, type TokenScope } from '../server/api-token.js';
import { EXIT, withStore, writeJson, writeLine, type CliContext } from './cli-context.js';

const NAME = /^[A-Za-z0-9._-]{1,64}$/;

export function register(program: Command, ctx: CliContext): void {
  const token = program
    .command('token')
    .description('manage API tokens for `sitrep serve` (only their sha256 is stored)');

  token
    .command('create')
    .description('create a token and print it once: it cannot be shown again')
    .argument('<name>', 'a name to revoke it by (letters, digits, . _ -)')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--read-only', 'the token may read but not ingest')
    .option('--json', 'print {"name","token","scopes"}')
    .action(async (name: string, flags: { db?: string; readOnly?: boolean; json?: boolean }) => {
      if (!NAME.test(name)) {
        writeLine(
          ctx.stderr,
          'sitrep token create: the name must be 1-64 letters, digits, ".", "_" or "-"',
        );
        ctx.setExitCode(EXIT.usage);
        return;
      }
      const scopes: TokenScope[] = flags.readOnly ? ['read'] : [...ALL_SCOPES];
      const plain = generateToken();
      const created = await withStore(ctx, flags.db, async (store) => {
        const existing = await store.listApiTokens();
        if (existing.some((t) => t.name === name)) return false;
        await store.saveApiToken({
          name,
          tokenHash: hashToken(plain),
          scopes,
          createdAt: new Date().toISOString(),
        });
        return true;
      });
      if (!created) {
        writeLine(
          ctx.stderr,
          `sitrep token create: a token named "${name}" exists; revoke it first`,
        );
        ctx.setExitCode(EXIT.usage);
        return;
      }
      if (flags.json) writeJson(ctx, { name, token: plain, scopes });
      else {
        writeLine(ctx.stdout, plain);
        writeLine(
          ctx.stderr,
          `token "${name}" (${scopes.join(', ')}) created; it is shown only this once`,
        );
      }
    });

  token
    .command('list')
    .description('list tokens by name (never the tokens themselves)')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--json', 'print [{"name","scopes","createdAt"}]')
    .action(async (flags: { db?: string; json?: boolean }) => {
      const tokens = await withStore(ctx, flags.db, (store) => store.listApiTokens());
      const rows = tokens.map(({ name, scopes, createdAt }) => ({ name, scopes, createdAt }));
      if (flags.json) return writeJson(ctx, rows);
      if (rows.length === 0) writeLine(ctx.stdout, 'no tokens');
      for (const row of rows) {
        writeLine(ctx.stdout, `${row.name}  ${row.scopes.join(',')}  ${row.createdAt}`);
      }
    });

  token
    .command('revoke')
    .description('revoke a token by name; requests using it are refused at once')
    .argument('<name>')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .action(async (name: string, flags: { db?: string }) => {
      const revoked = await withStore(ctx, flags.db, (store) => store.revokeApiToken(name));
      if (!revoked) {
        writeLine(ctx.stderr, `sitrep token revoke: no token named "${name}"`);
        ctx.setExitCode(EXIT.fatal);
        return;
      }
      writeLine(ctx.stdout, `revoked "${name}"`);
    });
}
