import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, maskEmail } from '~/server/infra/logger';

const root = path.resolve(import.meta.dirname, '../..');

describe('structured logs (SPEC F5)', () => {
  it('redacts secrets and personal data by path', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const child = createLogger(sink).child({ requestId: 'req-1' });
    child.level = 'info';
    child.info({ email: 'ada@example.com', user: { password: 'hunter2', email: 'b@example.com' }, ip: '10.0.0.1' }, 'x');
    const out = lines.join('');
    expect(out).not.toContain('ada@example.com');
    expect(out).not.toContain('hunter2');
    expect(out).not.toContain('10.0.0.1');
    expect(out).toContain('"requestId":"req-1"');
    expect(out).toContain('[redacted]');
  });

  it('masks e-mails when one must be referred to', () => {
    expect(maskEmail('ada@example.com')).toBe('a***@example.com');
  });
});

describe('env validation at boot (SPEC F4)', () => {
  const run = (env: Record<string, string>) =>
    spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['-e', "import('./src/env.ts').then(() => console.log('ENV_OK'))"], {
      cwd: root,
      env: { PATH: process.env.PATH!, NODE_ENV: 'test', ...env },
      encoding: 'utf8',
    });

  it('stops with a message naming a missing variable', () => {
    const r = run({});
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('AUTH_SECRET');
  });

  it('stops with a message naming a malformed variable', () => {
    const r = run({ AUTH_SECRET: 'x'.repeat(40), DATABASE_URL: 'mysql://nope' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('DATABASE_URL');
  });

  it('starts with a valid environment', () => {
    const r = run({ AUTH_SECRET: 'x'.repeat(40) });
    expect(r.stdout).toContain('ENV_OK');
  });

  it('requires the secrets store key in production, and one of 32 bytes (decision 013)', () => {
    const missing = run({ AUTH_SECRET: 'x'.repeat(40), NODE_ENV: 'production' });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('SECRETS_KEY is required in production');
    const short = run({ AUTH_SECRET: 'x'.repeat(40), NODE_ENV: 'production', SECRETS_KEY: Buffer.alloc(16).toString('base64') });
    expect(short.stderr).toContain('SECRETS_KEY must be 32 bytes');
    const ok = run({ AUTH_SECRET: 'x'.repeat(40), NODE_ENV: 'production', SECRETS_KEY: Buffer.alloc(32, 1).toString('base64') });
    expect(ok.stdout).toContain('ENV_OK');
  });
});

describe('APP_URL (issue 16 #6)', () => {
  const appUrl = (env: Record<string, string>) =>
    spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['-e', "import('./src/env.ts').then((m) => console.log(JSON.stringify([m.env.APP_URL, m.appUrlWarning()])))"], {
      cwd: root,
      env: { PATH: process.env.PATH!, NODE_ENV: 'test', AUTH_SECRET: 'x'.repeat(40), ...env },
      encoding: 'utf8',
    });
  const read = (env: Record<string, string>) => JSON.parse(appUrl(env).stdout.trim().split('\n').at(-1)!) as [string, string | null];

  it('defaults to this machine on PORT, and says so at boot in production', () => {
    expect(read({})).toEqual(['http://localhost:3000', null]);
    expect(read({ PORT: '4123' })).toEqual(['http://localhost:4123', null]);
    const [url, warning] = read({ PORT: '4123', NODE_ENV: 'production', SECRETS_KEY: Buffer.alloc(32, 1).toString('base64') });
    expect(url).toBe('http://localhost:4123');
    expect(warning).toBe('APP_URL is not set: links in e-mails, referral links and Stripe returns use http://localhost:4123. Set APP_URL to the public address.');
    expect(read({ PORT: '4123', NODE_ENV: 'production', SECRETS_KEY: Buffer.alloc(32, 1).toString('base64'), APP_URL: 'https://levqor.example' })).toEqual([
      'https://levqor.example',
      null,
    ]);
  });
});

describe('log scrubbing', () => {
  it('masks e-mails and IPs anywhere in a log line, keeps times and versions', async () => {
    const { scrubPersonal } = await import('~/server/infra/logger');
    expect(scrubPersonal('user ada@example.com from 10.1.2.3 and ::1 via 2001:db8::1')).toBe('user [email] from [ip] and [ip] via [ip]');
    expect(scrubPersonal('at 12:34:56, version 4.1.12')).toBe('at 12:34:56, version 4.1.12');
  });

  it('applies to messages and nested fields of every line', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const log = createLogger(sink);
    log.level = 'info';
    log.info({ detail: { note: 'reply to bob@example.org' }, list: ['192.168.0.7'] }, 'failed for carol@example.net');
    const out = lines.join('');
    expect(out).not.toMatch(/@example\.|192\.168/);
    expect(out).toContain('[email]');
  });
});
