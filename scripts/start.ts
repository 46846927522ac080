/**
 * `npm start`: the whole product in production mode on this machine. Services checked (and
 * started when local), database created and migrated, demo data on first run, web built when
 * sources changed, then web (scripts/web-server.mjs, Next behind node:http) + workers together; Ctrl-C stops both.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { buildIfNeeded } from './lib/build';
import { ROOT } from './lib/local-env';
import { ServiceError } from './lib/services';
import { setup } from './lib/setup';
import { workerNodeOptions } from '~/server/infra/queue/worker-heap';

async function waitForHttp(url: string, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

async function main() {
  // A real installation starts without the demo (LEVQOR_DEMO_DATA=false) and makes its admins
  // with `npm run admin:create`.
  const demo = process.env.LEVQOR_DEMO_DATA !== 'false';
  const credentials = await setup({ seed: demo });
  await buildIfNeeded();

  const port = process.env.PORT ?? '3000';
  const url = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', PORT: port, NEXT_TELEMETRY_DISABLED: '1' };
  const children: ChildProcess[] = [
    spawn(process.execPath, [path.join(ROOT, 'scripts', 'web-server.mjs'), '-p', port], { cwd: ROOT, env, stdio: 'inherit' }),
    // node --import tsx, not the tsx CLI: its signal relay SIGKILLs a child that is slow to
    // acknowledge SIGTERM, which would cut a graceful shutdown short.
    spawn(process.execPath, ['--import', 'tsx', 'workers/index.ts'], {
      cwd: ROOT,
      env: { ...env, NODE_OPTIONS: workerNodeOptions(env.NODE_OPTIONS) },
      stdio: 'inherit',
    }),
  ];

  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    const force = setTimeout(() => {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    }, 35_000);
    Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r))))).then(() => {
      clearTimeout(force);
      process.exit(code);
    });
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  for (const child of children) {
    child.once('exit', (code) => {
      if (!stopping) {
        console.error(`A Levqor process exited (code ${code ?? 'signal'}); stopping the other.`);
        stop(code ?? 1);
      }
    });
  }

  if (await waitForHttp(`${url}/api/system/pulse`, 60_000)) {
    const lines = [
      '',
      `  Levqor is running at ${url}`,
      !demo
        ? '  No demo data (LEVQOR_DEMO_DATA=false). Create an admin with: npm run admin:create -- --email you@example.com'
        : credentials
          ? `  Demo admin:  ${credentials.admin.email}  /  ${credentials.admin.password}\n  Demo member: ${credentials.member.email}  /  ${credentials.member.password}`
          : '  Demo accounts: credentials file .levqor/demo-credentials.json is missing;\n  reset them with: npm run setup -- --reset-demo-passwords',
      '  Press Ctrl-C to stop web and workers.',
      '',
    ];
    console.log(lines.join('\n'));
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ServiceError ? `\n${err.message}\n` : err);
  process.exit(1);
});
