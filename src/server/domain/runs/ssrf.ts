import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Outbound HTTP on behalf of a user (SPEC P2) never reaches loopback, private, link-local,
 * unique-local, carrier-grade NAT, multicast or cloud-metadata addresses, unless an operator
 * allow-list (WORKFLOW_HTTP_ALLOWLIST: hosts, IPs or CIDRs) names them. The check runs on every
 * address a name resolves to (at connect time, so DNS rebinding cannot slip past) and on every
 * redirect; literal IPs in any form (decimal, octal, IPv4-mapped IPv6) are normalised by the
 * URL parser and checked too.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['fec0::', 10],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

export type AddressPolicy = { allow: BlockList; allowHosts: Set<string> };

/** Parses the operator allow-list: `host.name, 10.1.2.3, 10.0.0.0/8, ::1`. */
export function addressPolicy(allowList: string | undefined | null): AddressPolicy {
  const allow = new BlockList();
  const allowHosts = new Set<string>();
  for (const raw of (allowList ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)) {
    const [addr, prefix] = raw.split('/');
    const family = isIP(addr!);
    if (family && prefix !== undefined) allow.addSubnet(addr!, Number(prefix), family === 4 ? 'ipv4' : 'ipv6');
    else if (family) allow.addAddress(addr!, family === 4 ? 'ipv4' : 'ipv6');
    else allowHosts.add(raw);
  }
  return { allow, allowHosts };
}

/** `::ffff:7f00:1` and `::ffff:127.0.0.1` -> `127.0.0.1`; anything else unchanged. */
function unmapped(address: string): { address: string; family: 4 | 6 } {
  const lower = address.toLowerCase().replace(/^\[|\]$/g, '');
  const mapped = /^(?:0{0,4}:){0,4}:?(?:0{0,4}:)?ffff:(.+)$/.exec(lower);
  if (mapped) {
    const tail = mapped[1]!;
    if (isIP(tail) === 4) return { address: tail, family: 4 };
    const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(tail);
    if (hex) {
      const hi = parseInt(hex[1]!, 16);
      const lo = parseInt(hex[2]!, 16);
      return { address: `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, family: 4 };
    }
  }
  return { address: lower, family: isIP(lower) === 4 ? 4 : 6 };
}

/** Whether an IP address may be reached (true) under the policy. */
export function isAddressAllowed(address: string, policy: AddressPolicy): boolean {
  const { address: a, family } = unmapped(address);
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (policy.allow.check(a, type)) return true;
  return !blocked.check(a, type);
}

export class BlockedAddressError extends Error {
  constructor(readonly host: string) {
    super(`Levqor does not call private or internal addresses (${host}). Use a public URL.`);
    this.name = 'BlockedAddressError';
  }
}

/** Checks a URL's host before connecting: literal IPs here, names again at DNS lookup. */
export function assertHostAllowed(hostname: string, policy: AddressPolicy): void {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.+$/, '');
  if (policy.allowHosts.has(host)) return;
  if (host === 'localhost' || host.endsWith('.localhost')) throw new BlockedAddressError(host);
  if (isIP(host) && !isAddressAllowed(host, policy)) throw new BlockedAddressError(host);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for http.request that refuses a name if any of its addresses is not allowed. */
export function guardedLookup(policy: AddressPolicy) {
  return (hostname: string, options: { all?: boolean; family?: number } | number, callback: LookupCallback) => {
    const opts = typeof options === 'number' ? { family: options } : options;
    dnsLookup(hostname, { all: true, family: opts.family ?? 0 }, (err, addresses) => {
      if (err) return callback(err, []);
      const list = addresses as LookupAddress[];
      const allowedByName = policy.allowHosts.has(hostname.toLowerCase());
      const bad = list.find((a) => !allowedByName && !isAddressAllowed(a.address, policy));
      if (bad || list.length === 0) {
        const e = new BlockedAddressError(hostname) as BlockedAddressError & NodeJS.ErrnoException;
        e.code = 'EBLOCKED';
        return callback(e, []);
      }
      if (opts.all) return callback(null, list);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };
}
