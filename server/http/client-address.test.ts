import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress } from './client-address.ts';

async function seen(behindProxy: boolean, socket: string | undefined, forwarded?: string) {
  const app = new Hono();
  app.get('/', (c) => c.text(clientAddress(c, behindProxy) ?? '(inconnue)'));
  const response = await app.request(
    '/',
    { headers: forwarded ? { 'X-Forwarded-For': forwarded } : {} },
    socket === undefined ? undefined : { incoming: { socket: { remoteAddress: socket } } },
  );
  return response.text();
}

describe('the client address', () => {
  it('is the socket peer; X-Forwarded-For, which any client can send, is ignored unless behind a proxy', async () => {
    expect(await seen(false, '203.0.113.7')).toBe('203.0.113.7');
    expect(await seen(false, '203.0.113.7', '198.51.100.1')).toBe('203.0.113.7');
    expect(await seen(false, undefined)).toBe('(inconnue)');
  });

  it('behind a proxy is the last X-Forwarded-For entry, the one the proxy appended', async () => {
    expect(await seen(true, '10.0.0.2', '198.51.100.9, 192.0.2.44')).toBe('192.0.2.44');
    expect(await seen(true, '10.0.0.2')).toBe('10.0.0.2');
  });

  it('counts an IPv6 client by its /64 and an IPv4-mapped address as IPv4', () => {
    expect(addressKey('2001:db8:85a3:0:1:2:3:4')).toBe('2001:db8:85a3:0::/64');
    expect(addressKey('2001:db8:85a3::9')).toBe('2001:db8:85a3:0::/64');
    expect(addressKey('2001:0DB8:85a3:0000:ffff::1%eth0')).toBe('2001:db8:85a3:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1');
  });
});
