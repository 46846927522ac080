import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@formatjs/icu-messageformat-parser';
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

type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }>; children?: Element[] };

/** Argument names used by an ICU message ({name}, {count, plural, ...}), from the real parser. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: Element[]) => {
    for (const el of elements) {
      // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural
      if (el.type >= 1 && el.type <= 6 && el.value) names.add(el.value);
      for (const option of Object.values(el.options ?? {})) walk(option.value);
      if (el.children) walk(el.children);
    }
  };
  walk(parse(message, { ignoreTag: true }) as unknown as Element[]);
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
      try {
        parse(value, { ignoreTag: true });
      } catch (e) {
        problems.push(`${key}: invalid ICU (${(e as Error).message})`);
        continue;
      }
      if (argumentsOf(value).join() !== argumentsOf(en).join()) problems.push(`${key}: ${argumentsOf(value)} vs ${argumentsOf(en)}`);
    }
    expect(problems).toEqual([]);
  });
});
