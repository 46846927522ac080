/**
 * The production web server (`npm run web`, started by `npm start`): Next's request handler
 * behind node:http, so that the caller's address can be taken from the socket. `next start`
 * cannot: Next only fills `x-forwarded-for` from the socket when the client did not send one,
 * so a client could choose the address every per-IP limit counts.
 *
 * Each request gets `x-levqor-client-ip`, which the app reads (src/server/transport/rest/
 * client-ip.ts): the socket address, or - when TRUSTED_PROXY_HOPS says that many proxies in
 * front of us append to `x-forwarded-for` - the entry that many places from the right. Any
 * `x-levqor-client-ip` the client sent is replaced.
 *
 * Plain JavaScript so that node runs it without a TypeScript loader in front of Next.
 */
import { createServer } from 'node:http';
import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CLIENT_IP_HEADER = 'x-levqor-client-ip';

/** `::ffff:1.2.3.4` -> `1.2.3.4`; anything that is not an IP address -> null. */
export function normalizeAddress(value) {
  if (typeof value !== 'string') return null;
  let v = value.trim();
  if (v.startsWith('[') && v.includes(']')) v = v.slice(1, v.indexOf(']'));
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(v)) v = v.slice(7);
  return isIP(v) ? v.toLowerCase() : null;
}

/**
 * The client's address: the hop chain is the `x-forwarded-for` entries followed by the socket
 * address; with `trustedHops` proxies in front, the client is that many places from the right.
 * A chain shorter than that (a request that did not pass every proxy) gives its leftmost entry;
 * an entry that is not an address gives the socket address.
 */
export function clientAddress(forwardedFor, socketAddress, trustedHops) {
  const socket = normalizeAddress(socketAddress);
  const hops = Number.isInteger(trustedHops) && trustedHops > 0 ? trustedHops : 0;
  if (hops === 0) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor ?? '';
  const chain = [...header.split(',').map((s) => s.trim()).filter(Boolean), socketAddress ?? ''];
  const picked = chain[Math.max(0, chain.length - 1 - hops)];
  return normalizeAddress(picked) ?? socket;
}

/** TRUSTED_PROXY_HOPS: a whole number 0-10; anything else is a configuration error. */
export function trustedHopsFromEnv(value) {
  if (value === undefined || value === '') return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 10) {
    throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10 (got "${value}").`);
  }
  return n;
}

async function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const args = process.argv.slice(2);
  const portFlag = args.indexOf('-p');
  const port = Number(portFlag >= 0 ? args[portFlag + 1] : process.env.PORT ?? 3000);
  // The app's default APP_URL is this machine on this port (src/env.ts).
  process.env.PORT = String(port);
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: root, port, hostname: 'localhost' });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Read after Next has loaded the .env files.
  const hops = trustedHopsFromEnv(process.env.TRUSTED_PROXY_HOPS);

  const server = createServer((req, res) => {
    req.headers[CLIENT_IP_HEADER] = clientAddress(req.headers['x-forwarded-for'], req.socket.remoteAddress, hops) ?? '';
    handle(req, res).catch((error) => {
      console.error('web: request failed', error instanceof Error ? error.name : 'unknown');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal server error');
    });
  });
  server.keepAliveTimeout = 65_000;
  // No fixed bind address, like `next start`: binding to 127.0.0.1 breaks the locale rewrite.
  server.listen(port, () => {
    console.log(`  Web listening on port ${port} (trusted proxy hops: ${hops})`);
  });

  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
