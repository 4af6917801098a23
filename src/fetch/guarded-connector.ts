import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { buildConnector } from 'undici';
import type { AddressPolicy } from './address-policy.js';
import { FetchError } from './fetch-error.js';

export interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
}

/** Host name -> addresses; injectable so tests can answer private addresses without any DNS. */
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) =>
  lookup(hostname, { all: true, verbatim: true });

const withArticle = (phrase: string): string =>
  /^an? /.test(phrase) ? phrase : `${/^(IPv4|[aeiou])/.test(phrase) ? 'an' : 'a'} ${phrase}`;

/**
 * An undici connector that resolves the host itself, checks every answer against the policy and
 * connects only to an address that passed: the address checked is the address connected to, so a
 * DNS answer that changes between check and connect (rebinding) gains nothing. Runs for every
 * connection, so every redirect target is checked too. `base` opens the socket (tests count calls).
 */
export const guardedConnector = (options: {
  readonly policy: AddressPolicy;
  readonly resolver?: Resolver;
  readonly base?: buildConnector.connector;
  readonly timeoutMs?: number;
  /** Resolve no names but localhost (no DNS query leaves the machine): with SITREP_FETCH_ONLY. */
  readonly noDns?: boolean;
}): buildConnector.connector => {
  const resolver = options.resolver ?? systemResolver;
  const base =
    options.base ?? buildConnector({ timeout: options.timeoutMs ?? 10_000, keepAlive: true });
  const pick = async (hostname: string): Promise<string> => {
    const host = hostname.replace(/^\[(.*)\]$/, '$1');
    let answers: readonly ResolvedAddress[];
    if (isIP(host) !== 0) answers = [{ address: host, family: isIP(host) }];
    else if (options.noDns && host.toLowerCase() !== 'localhost')
      throw new FetchError(
        'REFUSED_ADDRESS',
        `refused to resolve ${host}: SITREP_FETCH_ONLY allows address literals and localhost only`,
      );
    else if (options.noDns) answers = [{ address: '127.0.0.1', family: 4 }];
    else {
      try {
        answers = await resolver(host);
      } catch (cause) {
        throw new FetchError('DNS_FAILED', `cannot resolve ${host}: ${(cause as Error).message}`, {
          cause,
        });
      }
      if (answers.length === 0) throw new FetchError('DNS_FAILED', `${host} has no address`);
    }
    // Every answer must pass: a name that also points inside is refused as a whole.
    for (const answer of answers) {
      const refusal = options.policy.refusal(answer.address);
      if (refusal !== undefined) {
        const what =
          answer.address === host
            ? `${host} is ${withArticle(refusal)}`
            : `${host} resolves to ${answer.address}, ${withArticle(refusal)}`;
        throw new FetchError(
          'REFUSED_ADDRESS',
          `refused to connect: ${what} (allow it with SITREP_FETCH_ALLOW)`,
        );
      }
    }
    const first = answers[0];
    if (!first) throw new FetchError('DNS_FAILED', `${host} has no address`);
    return first.address;
  };
  return (connectOptions, callback) => {
    pick(connectOptions.hostname).then(
      (address) => {
        const host = connectOptions.hostname.replace(/^\[(.*)\]$/, '$1');
        base(
          {
            ...connectOptions,
            hostname: address,
            ...(isIP(host) === 0 ? { servername: connectOptions.servername ?? host } : {}),
          },
          callback,
        );
      },
      (error: unknown) => callback(error as Error, null),
    );
  };
};
