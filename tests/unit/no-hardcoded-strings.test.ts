import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * User-facing text lives in messages/ (SPEC F3). This scans the JSX of every component and
 * page for literal words between tags and for literal aria-label/title/placeholder/alt values.
 */
const root = path.resolve(import.meta.dirname, '../../src');
const ALLOWED = new Set(['Levqor', '404', '403', '×', '←', '·', '…']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.tsx') ? [p] : [];
  });
}

describe('no hard-coded user-facing strings', () => {
  it('finds none in src/**/*.tsx', () => {
    const offenders: string[] = [];
    for (const file of files(root)) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/>\s*([^<>{}\n]*[A-Za-z]{2,}[^<>{}\n]*?)\s*</g)) {
        const text = m[1]!.trim();
        if (text && !ALLOWED.has(text) && !/[();?=]|&&|\|\|/.test(text) && !/^[A-Za-z_$][\w$]*(\.[\w$]+)+$/.test(text)) {
          offenders.push(`${path.relative(root, file)}: "${text}"`);
        }
      }
      for (const m of source.matchAll(/\b(aria-label|title|placeholder|alt)="([^"]*[A-Za-z][^"]*)"/g)) {
        offenders.push(`${path.relative(root, file)}: ${m[1]}="${m[2]}"`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
