import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '~/i18n/routing';

const dir = path.resolve(import.meta.dirname, '../../messages');
type Tree = { [key: string]: string | Tree };
const load = (locale: string) => JSON.parse(readFileSync(path.join(dir, `${locale}.json`), 'utf8')) as Tree;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** Argument names used by an ICU message ({name}, {count, plural, ...}). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  for (const m of message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*(?:,|\})/g)) names.add(m[1]!);
  return [...names].sort();
}

const english = flatten(load('en'));

describe('message catalogs (SPEC F3)', () => {
  it('has one catalog per supported locale and nothing else', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace('.json', ''));
    expect(files.sort()).toEqual([...locales].sort());
  });

  it.each(locales.filter((l) => l !== 'en'))('%s has exactly the English keys', (locale) => {
    const catalog = flatten(load(locale));
    const missing = [...english.keys()].filter((k) => !catalog.has(k));
    const extra = [...catalog.keys()].filter((k) => !english.has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(locales.filter((l) => l !== 'en'))('%s keeps every placeholder and has no empty text', (locale) => {
    const catalog = flatten(load(locale));
    const problems: string[] = [];
    for (const [key, en] of english) {
      const value = catalog.get(key) ?? '';
      if (!value.trim()) problems.push(`${key}: empty`);
      if (argumentsOf(value).join() !== argumentsOf(en).join()) problems.push(`${key}: ${argumentsOf(value)} vs ${argumentsOf(en)}`);
    }
    expect(problems).toEqual([]);
  });
});
