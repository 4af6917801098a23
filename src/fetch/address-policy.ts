import { BlockList, isIP } from 'node:net';

/**
 * Which resolved addresses the fetcher may connect to. Everything that reaches this machine or its
 * private networks is refused unless the operator allow-lists it (an intranet feed): the same
 * classes Miniflux refuses, plus CGNAT, IPv4-mapped IPv6 and the IPv6 equivalents.
 */

interface Range {
  readonly cidr: string;
  readonly reason: string;
}

const IPV4_REFUSED: readonly Range[] = [
  { cidr: '0.0.0.0/8', reason: 'unspecified' },
  { cidr: '10.0.0.0/8', reason: 'private' },
  { cidr: '100.64.0.0/10', reason: 'CGNAT' },
  { cidr: '127.0.0.0/8', reason: 'loopback' },
  { cidr: '169.254.0.0/16', reason: 'link-local' },
  { cidr: '172.16.0.0/12', reason: 'private' },
  { cidr: '192.0.0.0/24', reason: 'IETF protocol assignments' },
  { cidr: '192.0.2.0/24', reason: 'documentation' },
  { cidr: '192.88.99.0/24', reason: '6to4 relay' },
  { cidr: '192.168.0.0/16', reason: 'private' },
  { cidr: '198.18.0.0/15', reason: 'benchmarking' },
  { cidr: '198.51.100.0/24', reason: 'documentation' },
  { cidr: '203.0.113.0/24', reason: 'documentation' },
  { cidr: '224.0.0.0/4', reason: 'multicast' },
  { cidr: '240.0.0.0/4', reason: 'reserved' },
];

const IPV6_REFUSED: readonly Range[] = [
  { cidr: '::/128', reason: 'unspecified' },
  { cidr: '::1/128', reason: 'loopback' },
  // Embedded IPv4 forms reach IPv4 hosts by another name: refused whatever IPv4 they carry.
  { cidr: '::ffff:0:0/96', reason: 'IPv4-mapped IPv6' },
  { cidr: '::/96', reason: 'IPv4-compatible IPv6' },
  { cidr: '64:ff9b::/96', reason: 'NAT64' },
  { cidr: '64:ff9b:1::/48', reason: 'NAT64' },
  { cidr: '100::/64', reason: 'discard-only' },
  { cidr: '2001:db8::/32', reason: 'documentation' },
  { cidr: '2002::/16', reason: '6to4' },
  { cidr: 'fc00::/7', reason: 'unique local (private)' },
  { cidr: 'fe80::/10', reason: 'link-local' },
  { cidr: 'fec0::/10', reason: 'site-local' },
  { cidr: 'ff00::/8', reason: 'multicast' },
];

const splitCidr = (cidr: string): { address: string; prefix: number; family: 4 | 6 } => {
  const [address = '', prefixText] = cidr.trim().split('/');
  const family = isIP(address);
  if (family === 0) throw new Error(`"${cidr}" is not an IP address or CIDR range`);
  const max = family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max)
    throw new Error(`"${cidr}" has a bad prefix length (0-${max})`);
  return { address, prefix, family: family as 4 | 6 };
};

const familyName = (family: 4 | 6): 'ipv4' | 'ipv6' => (family === 4 ? 'ipv4' : 'ipv6');

/** The IPv4 address inside ::ffff:a.b.c.d (or its hex form), for allow-list checks. */
export const embeddedIpv4 = (address: string): string | undefined => {
  const lower = address.toLowerCase();
  const dotted = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted?.[1]) return dotted[1];
  const hex = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex?.[1] || !hex[2]) return undefined;
  const high = parseInt(hex[1], 16);
  const low = parseInt(hex[2], 16);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
};

export interface AddressPolicy {
  /** Undefined when the address may be connected to; otherwise why not ("loopback address"…). */
  refusal(address: string): string | undefined;
}

/** Parses "127.0.0.0/8,10.20.0.0/16" (SITREP_FETCH_ALLOW); throws with the bad entry named. */
export const parseAllowList = (text: string | undefined): string[] =>
  (text ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      splitCidr(entry);
      return entry;
    });

/**
 * The refusal rules with the operator's allow-list (CIDRs) punched through them. `only`, when
 * given, refuses every address outside those ranges too (an offline deployment, or tests that must
 * never leave loopback).
 */
export const createAddressPolicy = (
  allow: readonly string[] = [],
  only?: readonly string[],
): AddressPolicy => {
  const refused = [...IPV4_REFUSED, ...IPV6_REFUSED].map((range) => {
    const list = new BlockList();
    const { address, prefix, family } = splitCidr(range.cidr);
    list.addSubnet(address, prefix, familyName(family));
    return { list, reason: range.reason, family };
  });
  const allowed = new BlockList();
  for (const cidr of allow) {
    const { address, prefix, family } = splitCidr(cidr);
    allowed.addSubnet(address, prefix, familyName(family));
  }
  const isAllowed = (address: string, family: 4 | 6): boolean => {
    if (allowed.check(address, familyName(family))) return true;
    const inner = family === 6 ? embeddedIpv4(address) : undefined;
    return inner !== undefined && allowed.check(inner, 'ipv4');
  };
  const onlyList = only ? new BlockList() : undefined;
  for (const cidr of only ?? []) {
    const { address, prefix, family } = splitCidr(cidr);
    onlyList?.addSubnet(address, prefix, familyName(family));
  }
  return {
    refusal(address) {
      const family = isIP(address);
      if (family === 0) return 'not an IP address';
      if (onlyList && !onlyList.check(address, familyName(family as 4 | 6)))
        return 'an address outside SITREP_FETCH_ONLY';
      if (isAllowed(address, family as 4 | 6)) return undefined;
      for (const range of refused) {
        if (range.family !== family) continue;
        if (range.list.check(address, familyName(range.family))) {
          const inner = family === 6 ? embeddedIpv4(address) : undefined;
          return inner ? `${range.reason} address of ${inner}` : `${range.reason} address`;
        }
      }
      return undefined;
    },
  };
};
