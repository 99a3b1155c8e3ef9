// The address a request came from, for limits that count per client (sign-in attempts). It is the socket's peer,
// unless the server is configured as behind a reverse proxy (BOUSSOLE_BEHIND_PROXY, server/config.ts): the socket
// is then the proxy's, and the client is the last address of X-Forwarded-For — the one the proxy appended. Earlier
// entries came from the client and are not trusted. Without that setting the header is ignored: anyone can send it.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The key to count a client under: an IPv4 address as is, an IPv6 address by its /64 (one home or phone is given a
 * whole /64, and rotating through it must not buy fresh attempts), or undefined when unknown (in-process tests).
 */
export function clientAddress(c: Context, behindProxy: boolean): string | undefined {
  const forwarded = behindProxy ? c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim() : undefined;
  const address = forwarded || socketAddress(c);
  return address === undefined ? undefined : addressKey(address);
}

/** The peer of @hono/node-server's socket; app.request() has no socket (getConnInfo would throw). */
function socketAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: unknown; server?: { incoming?: unknown } } | undefined;
  if (!env?.incoming && !env?.server?.incoming) return undefined;
  return getConnInfo(c).remote.address;
}

export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!address.includes(':')) return address;
  return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, `::` expanded, without a zone (`%eth0`). */
function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]?.toLowerCase().split('::') ?? [];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array(Math.max(0, 8 - left.length - right.length)).fill('0');
  return [...left, ...middle, ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}
