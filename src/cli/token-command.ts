import type { Command } from 'commander';
import { ALL_SCOPES, expiryAfter, isTokenScope, type TokenScope } from '../server/api-token.js';
import { createApiToken, tokenListing } from '../server/token-admin.js';
import { EXIT, withStore, writeJson, writeLine, type CliContext } from './cli-context.js';

interface CreateFlags {
  db?: string;
  readOnly?: boolean;
  scope?: string;
  expiresIn?: string;
  expiresAt?: string;
  json?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  const token = program
    .command('token')
    .description('manage API tokens for `sitrep serve` (only their sha256 is stored)');

  const usage = (message: string): void => {
    writeLine(ctx.stderr, `sitrep token create: ${message}`);
    ctx.setExitCode(EXIT.usage);
  };

  token
    .command('create')
    .description('create a token and print it once: it cannot be shown again')
    .argument('<name>', 'a name to revoke it by (letters, digits, . _ -)')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option(
      '--scope <scope>',
      'read: read endpoints; write: also ingest, sources, watchlists; admin: also tokens and backups',
      'write',
    )
    .option('--read-only', 'the same as --scope read')
    .option(
      '--expires-in <duration>',
      'refuse the token after 90m, 12h, 30d, 8w ... (default: never)',
    )
    .option('--expires-at <when>', 'refuse the token after this ISO time (default: never)')
    .option('--json', 'print {"name","token","scopes","createdAt","expiresAt"}')
    .action(async (name: string, flags: CreateFlags) => {
      const now = new Date();
      const scope = flags.scope ?? 'write';
      if (!isTokenScope(scope))
        return usage(`--scope must be one of ${ALL_SCOPES.join(', ')}, not "${scope}"`);
      if (flags.expiresIn !== undefined && flags.expiresAt !== undefined)
        return usage('give --expires-in or --expires-at, not both');
      let expiresAt = flags.expiresAt;
      if (flags.expiresIn !== undefined) {
        expiresAt = expiryAfter(flags.expiresIn, now);
        if (expiresAt === undefined)
          return usage(
            `--expires-in "${flags.expiresIn}" is not a duration such as 90m, 12h, 30d or 8w`,
          );
      }
      const level: TokenScope = flags.readOnly ? 'read' : scope;
      const created = await withStore(ctx, flags.db, (store) =>
        createApiToken(store, { name, level, ...(expiresAt ? { expiresAt } : {}) }, now),
      );
      if (!created.ok) return usage(created.reason);
      const { scopes, createdAt, expiresAt: expiry } = created.listing;
      if (flags.json)
        writeJson(ctx, { name, token: created.token, scopes, createdAt, expiresAt: expiry });
      else {
        writeLine(ctx.stdout, created.token);
        writeLine(
          ctx.stderr,
          `token "${name}" (${scopes.join(', ')}${expiry ? `, expires ${expiry}` : ', never expires'}) created; it is shown only this once`,
        );
      }
    });

  token
    .command('list')
    .description('list tokens by name (never the tokens themselves), with scopes and expiry')
    .option('--db <location>', 'SQLite file or postgres:// URL')
    .option('--json', 'print [{"name","scopes","createdAt","expiresAt","expired"}]')
    .action(async (flags: { db?: string; json?: boolean }) => {
      const tokens = await withStore(ctx, flags.db, (store) => store.listApiTokens());
      const now = new Date();
      const rows = tokens.map((t) => tokenListing(t, now));
      if (flags.json) return writeJson(ctx, rows);
      if (rows.length === 0) writeLine(ctx.stdout, 'no tokens');
      for (const row of rows) {
        const expiry = row.expiresAt
          ? `${row.expired ? 'EXPIRED' : 'expires'} ${row.expiresAt}`
          : 'never expires';
        writeLine(ctx.stdout, `${row.name}  ${row.scopes.join(',')}  ${row.createdAt}  ${expiry}`);
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
