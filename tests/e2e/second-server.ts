import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * A second production web server (scripts/web-server.mjs) on `port` with its own environment,
 * for browser and HTTP tests that need a configuration the shared e2e server does not have.
 * Resolves once /api/system/pulse answers; `stop()` ends it.
 */
export async function startSecondServer(port: number, env: Record<string, string>) {
  let output = '';
  const server: ChildProcess = spawn(process.execPath, [path.join(root, 'scripts/web-server.mjs'), '-p', String(port)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d) => (output += String(d)));
  server.stderr!.on('data', (d) => (output += String(d)));
  const base = `http://localhost:${port}`;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`web server exited:\n${output}`);
    const ok = await fetch(`${base}/api/system/pulse`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    output: () => output,
    async stop() {
      if (server.exitCode === null) {
        server.kill('SIGTERM');
        await new Promise((r) => server.once('exit', r));
      }
    },
  };
}
