/**
 * Hostile input that no schema should have to think about (issue 11): NUL characters and lone
 * surrogates (PostgreSQL refuses both in text and jsonb — a 500 otherwise), prototype keys, and
 * absurd nesting. Every tRPC procedure and every JSON REST body passes through `unsafeInput`
 * before its schema: the next procedure cannot forget it.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);
const MAX_DEPTH = 32;

export type UnsafeInput = { path: string; message: string };

function where(path: (string | number)[]): string {
  return path.length ? `${path.join('.')}: ` : '';
}

function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'text may not contain NUL characters (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'text contains broken Unicode (a lone surrogate)';
  return null;
}

export function unsafeInput(value: unknown, path: (string | number)[] = [], depth = 0): UnsafeInput | null {
  if (depth > MAX_DEPTH) return { path: path.join('.'), message: `${where(path)}the input is nested too deeply` };
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { path: path.join('.'), message: `${where(path)}${problem}` } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unsafeInput(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return { path: path.join('.'), message: `${where(path)}"${key}" is not an allowed field name` };
      const keyProblem = textProblem(key);
      if (keyProblem) return { path: path.join('.'), message: `${where(path)}a field name: ${keyProblem}` };
      const found = unsafeInput((value as Record<string, unknown>)[key], [...path, key], depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/**
 * superjson annotations a client may send. Anything else (`custom`, `class`, `symbol`, …) is
 * refused before decoding: a crafted annotation otherwise reaches superjson's internals.
 */
const ALLOWED_ANNOTATIONS = new Set(['undefined', 'Date', 'number', 'bigint', 'map', 'set']);

export function unsafeSuperjsonMeta(meta: unknown, depth = 0): boolean {
  if (meta === undefined || meta === null) return false;
  if (depth > MAX_DEPTH || typeof meta !== 'object') return true;
  const { values, referentialEqualities, v, ...rest } = meta as Record<string, unknown>;
  if (Object.keys(rest).length || referentialEqualities !== undefined || (v !== undefined && typeof v !== 'number')) return true;
  return annotationsUnsafe(values, 0);
}

function annotationsUnsafe(node: unknown, depth: number): boolean {
  if (node === undefined) return false;
  if (depth > MAX_DEPTH) return true;
  if (typeof node === 'string') return !ALLOWED_ANNOTATIONS.has(node);
  if (Array.isArray(node)) {
    // A leaf is [type] or [type, children]; a type is a string or a tuple like ['custom', name].
    const [head, children] = node as [unknown, unknown];
    if (typeof head !== 'string' || !ALLOWED_ANNOTATIONS.has(head) || node.length > 2) return true;
    return children !== undefined && annotationsUnsafe(children, depth + 1);
  }
  if (node && typeof node === 'object') {
    for (const [key, child] of Object.entries(node)) {
      if (FORBIDDEN_KEYS.has(key) || annotationsUnsafe(child, depth + 1)) return true;
    }
    return false;
  }
  return true;
}
