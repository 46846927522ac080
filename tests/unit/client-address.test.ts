import { describe, expect, it } from 'vitest';
import { clientAddress, CLIENT_IP_HEADER, normalizeAddress, trustedHopsFromEnv } from '../../scripts/web-server.mjs';
import { CLIENT_IP_HEADER as APP_HEADER, clientIp } from '~/server/transport/rest/client-ip';

describe('client address behind the web server (issue 11 #2)', () => {
  it('takes the socket address and ignores x-forwarded-for when no proxy is trusted', () => {
    expect(clientAddress('6.6.6.6', '::ffff:192.0.2.10', 0)).toBe('192.0.2.10');
    expect(clientAddress('1.1.1.1, 2.2.2.2', '2001:db8::1', 0)).toBe('2001:db8::1');
    expect(clientAddress(undefined, '127.0.0.1', 0)).toBe('127.0.0.1');
  });

  it('counts trusted hops from the right, so entries a client prepends are ignored', () => {
    // client -> proxy (appends the client's address) -> app
    expect(clientAddress('6.6.6.6, 203.0.113.7', '10.0.0.2', 1)).toBe('203.0.113.7');
    expect(clientAddress('203.0.113.7', '10.0.0.2', 1)).toBe('203.0.113.7');
    // client -> CDN -> load balancer -> app
    expect(clientAddress('6.6.6.6, 203.0.113.7, 198.51.100.4', '10.0.0.2', 2)).toBe('203.0.113.7');
    expect(clientAddress(['6.6.6.6, 203.0.113.7', '198.51.100.4'], '10.0.0.2', 2)).toBe('203.0.113.7');
  });

  it('falls back to the socket when the chosen entry is not an address, and to the leftmost when the chain is short', () => {
    expect(clientAddress('not-an-ip', '10.0.0.2', 1)).toBe('10.0.0.2');
    expect(clientAddress('', '10.0.0.2', 3)).toBe('10.0.0.2');
    expect(clientAddress('203.0.113.7', '10.0.0.2', 3)).toBe('203.0.113.7');
  });

  it('normalizes addresses', () => {
    expect(normalizeAddress(' [2001:DB8::1] ')).toBe('2001:db8::1');
    expect(normalizeAddress('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(normalizeAddress('1.2.3.4:5678')).toBeNull();
    expect(normalizeAddress(undefined)).toBeNull();
  });

  it('reads TRUSTED_PROXY_HOPS strictly', () => {
    expect(trustedHopsFromEnv(undefined)).toBe(0);
    expect(trustedHopsFromEnv('2')).toBe(2);
    for (const bad of ['-1', '1.5', 'two', '11']) expect(() => trustedHopsFromEnv(bad)).toThrow(/TRUSTED_PROXY_HOPS/);
  });

  it('the app reads the header the server sets, before any x-forwarded-for', () => {
    expect(APP_HEADER).toBe(CLIENT_IP_HEADER);
    expect(clientIp(new Headers({ [APP_HEADER]: '203.0.113.7', 'x-forwarded-for': '6.6.6.6' }))).toBe('203.0.113.7');
    // Without the web server (next dev): the rightmost entry, which Next fills from the socket.
    expect(clientIp(new Headers({ 'x-forwarded-for': '6.6.6.6, 127.0.0.1' }))).toBe('127.0.0.1');
    expect(clientIp(new Headers())).toBeNull();
  });
});
