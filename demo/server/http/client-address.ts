/**
 * Who is asking: the client address the rate limits and the upload quota
 * count against. Behind a load balancer every request comes from the
 * balancer's socket, so every citizen would share one budget and one
 * client could lock everyone out; a client, for its part, can write any
 * `X-Forwarded-For` it likes. So the header is believed only as far as
 * it was written by proxies the operator trusts (`TRUST_PROXY`, CIDRs):
 * walking it from the right, the first hop not in that list is the
 * client; a request whose socket is not a trusted proxy is its socket's
 * address, whatever the header says.
 *
 * A budget is kept per IPv4 address and per IPv6 /64: one subscriber
 * usually holds a whole /64, and counting each of its addresses alone
 * would give them 2^64 budgets. IPv4-mapped IPv6 addresses count as IPv4.
 */
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Range = [Address, number];

/** The proxies whose `X-Forwarded-For` is believed. */
export type TrustedProxies = readonly Range[];

/** An address as written, or undefined when it is none; IPv4-mapped IPv6 becomes IPv4, a zone is dropped. */
function parseAddress(text: string): Address | undefined {
  const bare = text.trim().replace(/%.*$/, '');
  return ipaddr.isValid(bare) ? ipaddr.process(bare) : undefined;
}

/** `TRUST_PROXY`: comma-separated addresses or CIDRs (`10.0.0.0/8, ::1`); empty or unset trusts none. */
export function parseTrustedProxies(text: string | undefined): TrustedProxies {
  return (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map(trustedRange);
}

function trustedRange(item: string): Range {
  const invalid = () =>
    new Error(`TRUST_PROXY: "${item}" is not an address or a CIDR range (e.g. 10.0.0.0/8, fd00::/8)`);
  if (!item.includes('/')) {
    const address = parseAddress(item) ?? throwError(invalid());
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  }
  let range: Range;
  try {
    range = ipaddr.parseCIDR(item);
  } catch {
    throw invalid();
  }
  const [address, bits] = range;
  // ::ffff:10.0.0.0/104 is 10.0.0.0/8: addresses are compared as IPv4 once unmapped.
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96
    ? [(address as ipaddr.IPv6).toIPv4Address(), bits - 96]
    : range;
}

const throwError = (error: Error): never => {
  throw error;
};

const isTrusted = (address: Address, trusted: TrustedProxies): boolean =>
  trusted.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));

/**
 * The client's address: the socket's, or, when the socket is a trusted
 * proxy, the right-most `X-Forwarded-For` hop that is not one (a hop that
 * is no address ends the walk: what lies left of it was never checked).
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string {
  let client = parseAddress(socketAddress ?? '');
  if (!client) return 'unknown';
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '')).split(',');
  while (isTrusted(client, trusted) && hops.length > 0) {
    const hop = parseAddress(hops.pop()!);
    if (!hop) break;
    client = hop;
  }
  return client.toString();
}

/** The key a budget is kept under: the IPv4 address, or the IPv6 address's /64 (`2001:db8:1:2::/64`). */
export function addressKey(address: string): string {
  const parsed = parseAddress(address);
  if (!parsed) return address;
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`;
}
