import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { assertHostAllowed, BlockedAddressError, guardedLookup, type AddressPolicy } from '../ssrf';
import { StepFailure } from '../step-failure';
import { renderTemplate } from '../template';
import type { StepEnv, StepOutcome } from './types';

export type HttpRequestConfig = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
};

const MAX_REDIRECTS = 5;
const SECRET_HEADER = /authorization|api[-_]?key|token|secret|password|cookie/i;

/** Header values that look like credentials are masked wherever the run shows them. */
export function maskHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, SECRET_HEADER.test(k) ? '••••••' : v]));
}

type Response = { status: number; headers: Record<string, string>; body: Buffer; url: string };

/**
 * One HTTP exchange with the SSRF guard at every hop: the host is checked (literal IPs), the
 * connection's DNS answers are checked (names), and each redirect starts over. The response
 * body is read up to `maxBytes`; a larger one fails the step.
 */
export async function guardedFetch(
  input: { method: string; url: string; headers: Record<string, string>; body?: string; timeoutMs: number },
  opts: { policy: AddressPolicy; maxResponseBytes: number },
): Promise<Response> {
  const deadline = Date.now() + input.timeoutMs;
  let url = new URL(input.url);
  let method = input.method;
  let body = input.body;
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new StepFailure(`Only http and https URLs can be called (got ${url.protocol}).`, false);
    assertHostAllowed(url.hostname, opts.policy);
    const res = await exchange(url, method, input.headers, body, Math.max(1, deadline - Date.now()), opts);
    if ([301, 302, 303, 307, 308].includes(res.status) && res.headers.location) {
      if (hop >= MAX_REDIRECTS) throw new StepFailure(`Too many redirects (more than ${MAX_REDIRECTS}).`, false);
      url = new URL(res.headers.location, url);
      if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
      }
      continue;
    }
    return { ...res, url: url.toString() };
  }
}

function exchange(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  timeoutMs: number,
  opts: { policy: AddressPolicy; maxResponseBytes: number },
): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.request(
      url,
      {
        method,
        headers: { 'user-agent': 'Levqor-Workflows/1.0', ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) },
        lookup: guardedLookup(opts.policy) as never,
        timeout: timeoutMs,
        agent: false,
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > opts.maxResponseBytes) {
            req.destroy(new StepFailure(`The response is larger than ${Math.round(opts.maxResponseBytes / 1024)} KiB.`, false));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          const h: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h[k] = v;
          resolve({ status: res.statusCode ?? 0, headers: h, body: Buffer.concat(chunks) });
        });
        res.on('error', reject);
      },
    );
    const timer = setTimeout(() => req.destroy(new StepFailure(`No answer within ${timeoutMs} ms.`, true)), timeoutMs);
    timer.unref();
    req.on('timeout', () => req.destroy(new StepFailure(`No answer within ${timeoutMs} ms.`, true)));
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.on('close', () => clearTimeout(timer));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function parseBody(res: Response): unknown {
  const text = res.body.toString('utf8');
  if (/json/i.test(res.headers['content-type'] ?? '')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/**
 * `http_request`: placeholders filled in, the step's idempotency key sent as `Idempotency-Key`.
 * 2xx succeeds with `{ status, headers, body }` (the next steps read `response.*`); a 4xx fails at
 * once (the request itself is wrong); 5xx, 408, 429, timeouts and network errors are retried.
 */
export async function runHttpRequestStep(config: HttpRequestConfig, env: StepEnv): Promise<StepOutcome> {
  // `{{ secrets.NAME }}` (the workspace's secrets store): opened for this request only, and
  // masked in everything the run records (input, output, errors).
  const secrets = await secretsFor(config, env);
  const ctx = secrets.size ? { ...env.ctx, secrets: Object.fromEntries(secrets) } : env.ctx;
  const mask = maskerOf(secrets);
  const url = renderTemplate(config.url, ctx).trim();
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(config.headers ?? {})) headers[k.toLowerCase()] = renderTemplate(v, ctx);
  headers['idempotency-key'] = env.idempotencyKey;
  const body = config.body !== undefined ? renderTemplate(config.body, ctx) : undefined;
  if (body !== undefined && !headers['content-type']) headers['content-type'] = /^\s*[[{]/.test(body) ? 'application/json' : 'text/plain';
  const input = mask({ method: config.method, url, headers: maskHeaders(headers), body: body?.slice(0, 2000) });
  try {
    return mask(await send(config, url, headers, body, input, env));
  } catch (error) {
    if (error instanceof StepFailure) throw new StepFailure(mask(error.message), error.retryable);
    throw error;
  }
}

const SECRET_REF = /\{\{\s*secrets\.([A-Z][A-Z0-9_]{0,63})\s*\}\}/g;

async function secretsFor(config: HttpRequestConfig, env: StepEnv): Promise<Map<string, string>> {
  const texts = [config.url, config.body ?? '', ...Object.values(config.headers ?? {})];
  const names = [...new Set(texts.flatMap((t) => [...t.matchAll(SECRET_REF)].map((m) => m[1]!)))];
  if (names.length === 0) return new Map();
  let found = new Map<string, string>();
  try {
    if (env.secrets) found = await env.secrets(names);
  } catch {
    // Sealed under another key (SECRETS_KEY changed) or tampered with: saving it again fixes it.
    throw new StepFailure(`The secrets ${names.join(', ')} cannot be opened with the current key: save them again on the Secrets page.`, false);
  }
  const missing = names.filter((n) => !found.has(n));
  if (missing.length) {
    throw new StepFailure(`Unknown secret ${missing.join(', ')}: add it on the Secrets page, then run again.`, false);
  }
  return found;
}

/**
 * Replaces every secret value with `[secret NAME]` inside the strings of a value (never in its
 * numbers or keys, so the result keeps its shape), also where a URL encoded it.
 */
function maskerOf(secrets: Map<string, string>): <T>(value: T) => T {
  const forms = [...secrets]
    .filter(([, v]) => v.length >= 4)
    .flatMap(([name, v]) => [...new Set([v, encodeURIComponent(v)])].map((form) => [form, `[secret ${name}]`] as const));
  if (forms.length === 0) return (v) => v;
  const maskText = (text: string) => forms.reduce((t, [form, mask]) => t.split(form).join(mask), text);
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return maskText(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return <T>(value: T): T => walk(value) as T;
}

async function send(
  config: HttpRequestConfig,
  url: string,
  headers: Record<string, string>,
  body: string | undefined,
  input: unknown,
  env: StepEnv,
): Promise<StepOutcome> {
  let parsedUrl: URL;
  try {
    parsedUrl = new URL(url);
  } catch {
    throw new StepFailure(`"${url.slice(0, 120)}" is not a valid URL.`, false);
  }
  let res: Response;
  try {
    res = await guardedFetch(
      { method: config.method, url: parsedUrl.toString(), headers, body, timeoutMs: config.timeoutMs ?? 10_000 },
      env.http,
    );
  } catch (error) {
    if (error instanceof StepFailure) throw error;
    if (error instanceof BlockedAddressError || (error as NodeJS.ErrnoException)?.code === 'EBLOCKED') {
      throw new StepFailure((error as Error).message, false);
    }
    const code = (error as NodeJS.ErrnoException)?.code;
    throw new StepFailure(`Could not reach ${parsedUrl.host}${code ? ` (${code})` : ''}.`, true);
  }
  const output = { status: res.status, headers: { 'content-type': res.headers['content-type'] ?? null }, body: parseBody(res) };
  if (res.status >= 200 && res.status < 300) return { kind: 'done', input, output };
  const retryable = res.status >= 500 || res.status === 408 || res.status === 429;
  throw new StepFailure(`${config.method} ${parsedUrl.host}${parsedUrl.pathname} answered ${res.status}.`, retryable);
}
