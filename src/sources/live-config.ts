import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { parseAllowList } from '../fetch/address-policy.js';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from '../fetch/safe-fetch.js';
import { DEFAULT_POLL_POLICY, type PollPolicy } from './poll-policy.js';

/**
 * Settings of polling and deliveries: a JSON config file (SITREP_CONFIG, default ./sitrep.config.json
 * when present) with environment variables on top (SITREP_FETCH_ALLOW, SITREP_FETCH_ONLY).
 */
const Cidrs = z.array(z.string().min(1));

const ConfigFile = z
  .object({
    fetch: z
      .object({
        allow: Cidrs.optional(),
        only: Cidrs.optional(),
        maxBytes: z.number().int().positive().optional(),
        timeoutMs: z.number().int().positive().optional(),
        perHostLimit: z.number().int().positive().optional(),
        politenessMs: z.number().int().nonnegative().optional(),
        concurrency: z.number().int().positive().optional(),
        userAgent: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    poll: z
      .object({
        minIntervalSeconds: z.number().positive().optional(),
        maxIntervalSeconds: z.number().positive().optional(),
        maxFailures: z.number().int().positive().optional(),
        backoffBaseSeconds: z.number().positive().optional(),
        backoffMaxSeconds: z.number().positive().optional(),
      })
      .strict()
      .optional(),
    smtp: z
      .object({
        host: z.string().min(1),
        port: z.number().int().positive(),
        secure: z.boolean().optional(),
        requireTls: z.boolean().optional(),
        user: z.string().optional(),
        pass: z.string().optional(),
        from: z.string().min(1),
      })
      .strict()
      .optional(),
    /** Where links in digests, Atom feeds and webhooks point (the address users reach `sitrep serve` at). */
    publicUrl: z.string().url().optional(),
  })
  .strict();

export type SmtpConfig = NonNullable<z.infer<typeof ConfigFile>['smtp']>;

export interface LiveConfig {
  readonly fetch: {
    readonly allow: readonly string[];
    readonly only?: readonly string[];
    readonly maxBytes: number;
    readonly timeoutMs: number;
    readonly perHostLimit: number;
    readonly politenessMs: number;
    readonly concurrency: number;
    readonly userAgent?: string;
  };
  readonly policy: PollPolicy;
  readonly smtp?: SmtpConfig;
  readonly publicUrl: string;
}

const readConfigFile = (path: string, required: boolean): z.infer<typeof ConfigFile> => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    if (!required && (cause as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new AppError(
      'INVALID_ARGUMENT',
      `cannot read config ${path}: ${(cause as Error).message}`,
      { cause },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new AppError(
      'INVALID_ARGUMENT',
      `config ${path} is not JSON: ${(cause as Error).message}`,
      { cause },
    );
  }
  const parsed = ConfigFile.safeParse(json);
  if (!parsed.success)
    throw new AppError(
      'INVALID_ARGUMENT',
      `config ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
};

const cidrs = (label: string, values: readonly string[] | string | undefined): string[] => {
  try {
    return typeof values === 'string'
      ? parseAllowList(values)
      : parseAllowList((values ?? []).join(','));
  } catch (cause) {
    throw new AppError('INVALID_ARGUMENT', `${label}: ${(cause as Error).message}`, { cause });
  }
};

export const loadLiveConfig = (env: Readonly<Record<string, string | undefined>>): LiveConfig => {
  const path = env['SITREP_CONFIG'] ?? './sitrep.config.json';
  const file = readConfigFile(path, env['SITREP_CONFIG'] !== undefined);
  const allow = [
    ...cidrs('config fetch.allow', file.fetch?.allow),
    ...cidrs('SITREP_FETCH_ALLOW', env['SITREP_FETCH_ALLOW']),
  ];
  const onlyText = env['SITREP_FETCH_ONLY'];
  const only =
    onlyText !== undefined
      ? cidrs('SITREP_FETCH_ONLY', onlyText)
      : file.fetch?.only
        ? cidrs('config fetch.only', file.fetch.only)
        : undefined;
  return {
    fetch: {
      allow,
      ...(only ? { only } : {}),
      maxBytes: file.fetch?.maxBytes ?? DEFAULT_MAX_BYTES,
      timeoutMs: file.fetch?.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      perHostLimit: file.fetch?.perHostLimit ?? 2,
      politenessMs: file.fetch?.politenessMs ?? 1000,
      concurrency: file.fetch?.concurrency ?? 16,
      ...(file.fetch?.userAgent ? { userAgent: file.fetch.userAgent } : {}),
    },
    policy: { ...DEFAULT_POLL_POLICY, ...file.poll },
    ...(file.smtp ? { smtp: file.smtp } : {}),
    publicUrl: (file.publicUrl ?? env['SITREP_PUBLIC_URL'] ?? 'http://127.0.0.1:8750').replace(
      /\/$/,
      '',
    ),
  };
};
