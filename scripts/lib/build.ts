import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './local-env';

const INPUTS = ['src', 'messages', 'public', 'next.config.ts', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json'];
const STAMP = path.join(ROOT, '.next', 'levqor-build-hash');

function walk(p: string, out: string[]) {
  if (!existsSync(p)) return;
  if (statSync(p).isDirectory()) {
    for (const name of readdirSync(p).sort()) walk(path.join(p, name), out);
  } else out.push(p);
}

/** A hash of everything the production build depends on. */
export function sourceHash(): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(path.join(ROOT, input), files);
  const h = createHash('sha256');
  for (const f of files) h.update(path.relative(ROOT, f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex');
}

/**
 * Runs `next build` unless the last build was made from the same sources. A build takes a few
 * minutes on a small machine and next is silent for long stretches: a line with the elapsed time
 * every 20 s says it is still working.
 */
export async function buildIfNeeded(log: (m: string) => void = console.log): Promise<void> {
  const hash = sourceHash();
  const upToDate =
    existsSync(path.join(ROOT, '.next', 'BUILD_ID')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash;
  if (upToDate) return;
  log('Building the web app (next build; about 2-3 minutes on 2 cores, only when the sources changed)...');
  const started = Date.now();
  const ticker = setInterval(() => log(`  ...still building (${Math.round((Date.now() - started) / 1000)} s)`), 20_000);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'next'), ['build'], {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
      });
      child.once('error', reject);
      child.once('exit', resolve);
    });
    if (code !== 0) throw new Error('next build failed');
  } finally {
    clearInterval(ticker);
  }
  writeFileSync(STAMP, hash);
  log(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
}
